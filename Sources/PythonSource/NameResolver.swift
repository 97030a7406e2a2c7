/// What an expression naming something refers to.
public enum Resolved {
    case projectModule(ProjectModule)
    case projectClass(ProjectClass)
    /// A module-level value (an alias, a constant, a TypeVar), to be read in the module that defines it.
    case value(PythonExpression, ProjectModule)
    /// Outside the project, by qualified name (`typing.Optional`).
    case external(String)
    case builtin(String)
}

/// Resolves names and attribute chains across the project's modules, like Python's lookup at import time.
public struct NameResolver {
    public let modules: ProjectModules

    public init(modules: ProjectModules) { self.modules = modules }

    public static let builtins: Set<String> = [
        "int", "str", "bool", "float", "bytes", "complex", "list", "dict", "set", "frozenset", "tuple", "type",
        "object",
        "bytearray", "range", "Exception", "property", "classmethod", "staticmethod", "super", "len", "isinstance",
    ]

    public func resolve(_ expression: PythonExpression, in module: ProjectModule) -> Resolved? {
        switch expression {
        case .name(let name):
            return lookup(name, in: module, depth: 0)
        case .attribute(let base, let attribute):
            guard let resolvedBase = resolve(base, in: module) else { return nil }
            return member(attribute, of: resolvedBase)
        default:
            return nil
        }
    }

    /// `name` as seen at the top level of `module`.
    public func lookup(_ name: String, in module: ProjectModule, depth: Int) -> Resolved? {
        guard depth < 32 else { return nil }  // import cycles
        if let symbol = module.symbols[name] {
            if case .value(let expression, _) = symbol { return .value(expression, module) }
            return resolve(symbol, depth: depth)
        }
        for star in module.starImports {
            if let starModule = modules.modules[star], !name.hasPrefix("_"),
                let found = lookup(name, in: starModule, depth: depth + 1)
            {
                return found
            }
        }
        // A submodule that some import already loaded is an attribute of its package.
        if let submodule = modules.modules[module.name + "." + name], module.isPackage {
            return .projectModule(submodule)
        }
        if Self.builtins.contains(name) { return .builtin(name) }
        return nil
    }

    private func resolve(_ symbol: Symbol, depth: Int) -> Resolved? {
        switch symbol {
        case .module(let dotted):
            if let module = modules.modules[dotted] { return .projectModule(module) }
            return .external(dotted)
        case .imported(let moduleName, let name, _):
            guard let module = modules.modules[moduleName] else { return nil }
            return lookup(name, in: module, depth: depth + 1)
        case .projectClass(let projectClass):
            return .projectClass(projectClass)
        case .value:
            return nil  // handled in `lookup`, which knows the defining module
        case .external(let qualified):
            return .external(qualified)
        }
    }

    public func member(_ attribute: String, of base: Resolved) -> Resolved? {
        switch base {
        case .projectModule(let module):
            if let found = lookup(attribute, in: module, depth: 1) { return found }
            if let submodule = modules.modules[module.name + "." + attribute] { return .projectModule(submodule) }
            return nil
        case .external(let qualified):
            return .external(qualified + "." + attribute)
        case .projectClass, .value, .builtin:
            return nil
        }
    }
}
