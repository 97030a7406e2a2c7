import PythonSource

/// One key of `SUBSCRIPTION_MODEL_REGISTRY`: a product name and its class.
struct RegistryEntry {
    var name: String
    var productClass: ProjectClass
}

/// Finds the registry's entries in the loaded modules, in execution order: `.update({...})` (with a dict literal,
/// a module-level dict, `dict(...)` or keywords), item assignment, and assignment of a dict literal.
struct RegistryReader {
    let classes: ClassResolver
    private var modules: ProjectModules { classes.modules }

    static func mentionsRegistry(_ loaded: [ProjectModule]) -> Bool {
        loaded.contains { module in module.statements.contains { mentions($0) } }
    }

    private static func mentions(_ statement: PythonStatement) -> Bool {
        switch statement {
        case .expression(let expression, _):
            return PythonUnparser.unparse(expression).contains(PythonModelReader.registryName)
        case .assignment(let targets, _, _):
            return targets.contains { PythonUnparser.unparse($0).contains(PythonModelReader.registryName) }
        case .compound(let body): return body.contains(where: mentions)
        default: return false
        }
    }

    func read(_ loaded: [ProjectModule]) -> [RegistryEntry] {
        var entries: [RegistryEntry] = []
        for module in loaded { collect(module.statements, in: module, into: &entries) }
        // A later assignment of the same key replaces the earlier one, keeping its first position (dict semantics).
        var result: [RegistryEntry] = []
        var position: [String: Int] = [:]
        for entry in entries {
            if let index = position[entry.name] {
                result[index] = entry
            } else {
                position[entry.name] = result.count
                result.append(entry)
            }
        }
        return result
    }

    private func isRegistry(_ expression: PythonExpression, in module: ProjectModule) -> Bool {
        if case .name(PythonModelReader.registryName) = expression { return true }
        if case .external(let qualified)? = classes.names.resolve(expression, in: module) {
            return qualified.hasSuffix("." + PythonModelReader.registryName)
        }
        return expression.dottedName?.hasSuffix("." + PythonModelReader.registryName) == true
    }

    private func collect(_ statements: [PythonStatement], in module: ProjectModule, into entries: inout [RegistryEntry])
    {
        for statement in statements {
            switch statement {
            case .expression(.call(.attribute(let target, "update"), let arguments, let keywords), let line)
            where isRegistry(target, in: module):
                for argument in arguments { entries += mapping(argument, in: module, line: line) }
                for keyword in keywords where keyword.name != nil {
                    if let entry = entry(key: .string(keyword.name ?? ""), value: keyword.value, in: module, line: line)
                    {
                        entries.append(entry)
                    }
                }
            case .assignment(let targets, let value, let line):
                for target in targets {
                    if case .`subscript`(let registry, let keys) = target, isRegistry(registry, in: module),
                        keys.count == 1
                    {
                        if let entry = entry(key: keys[0], value: value, in: module, line: line) {
                            entries.append(entry)
                        }
                    } else if isRegistry(target, in: module) {
                        entries += mapping(value, in: module, line: line)
                    }
                }
            case .compound(let body):
                collect(body, in: module, into: &entries)
            default:
                break
            }
        }
    }

    /// The entries of a dict literal, a name bound to one (in any module), or `dict(key=Class, ...)`.
    private func mapping(
        _ expression: PythonExpression, in module: ProjectModule, line: Int, depth: Int = 0
    ) -> [RegistryEntry] {
        switch expression {
        case .dict(let items):
            return items.compactMap { item in
                guard let key = item.key else {
                    return nil
                }
                return entry(key: key, value: item.value, in: module, line: item.line > 0 ? item.line : line)
            } + items.filter { $0.key == nil }.flatMap { mapping($0.value, in: module, line: line, depth: depth + 1) }
        case .call(let function, _, let keywords) where function.dottedName == "dict":
            return keywords.compactMap { keyword in
                keyword.name.flatMap { entry(key: .string($0), value: keyword.value, in: module, line: line) }
            }
        case .name, .attribute:
            if depth < 8, case .value(let value, let owner)? = classes.names.resolve(expression, in: module) {
                return mapping(value, in: owner, line: line, depth: depth + 1)
            }
        default:
            break
        }
        modules.diagnose(module.file, line, "cannot read the registry entries of \(PythonUnparser.unparse(expression))")
        return []
    }

    private func entry(
        key: PythonExpression, value: PythonExpression, in module: ProjectModule, line: Int
    ) -> RegistryEntry? {
        guard let name = classes.string(key, in: module) else {
            modules.diagnose(module.file, line, "cannot evaluate the registry key \(PythonUnparser.unparse(key))")
            return nil
        }
        guard case .projectClass(let productClass)? = classes.names.resolve(value, in: module) else {
            modules.diagnose(
                module.file, line, "cannot resolve the class \(PythonUnparser.unparse(value)) registered as '\(name)'")
            return nil
        }
        guard classes.kind(of: productClass).isProduct else {
            modules.diagnose(
                module.file, line, "\(productClass.name), registered as '\(name)', is not a SubscriptionModel")
            return nil
        }
        return RegistryEntry(name: name, productClass: productClass)
    }
}
