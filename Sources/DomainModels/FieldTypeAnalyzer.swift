import Catalogue

/// What a field's annotation says about product blocks.
struct FieldType {
    /// The block classes the field can hold (empty: not a product-block field).
    var blocks: [ProjectClass] = []
    var isList = false
    var bounds = ListBounds()
    /// A name in the annotation could not be resolved: the field cannot be classified and is left out.
    var isUnresolved = false

    var isBlockField: Bool { !blocks.isEmpty }

    mutating func merge(_ other: FieldType) {
        for block in other.blocks where !blocks.contains(where: { $0 === block }) { blocks.append(block) }
        isUnresolved = isUnresolved || other.isUnresolved
        if other.isList {
            isList = true
            bounds = other.bounds
        }
    }
}

/// Decides whether an annotation is a product-block field, in every spelling orchestrator-core accepts (spec §2.2;
/// the issue lists them): `X | None`, `Optional`, `Union`, `list`/`List`/`typing.List`, string forward references,
/// module-level aliases, `Annotated[list[SI], Len(...)]` aliases subscripted with the item type, pydantic-v1
/// `SubscriptionInstanceList` subclasses with `min_items`/`max_items`, and `conlist`.
struct FieldTypeAnalyzer {
    let classes: ClassResolver
    private var modules: ProjectModules { classes.modules }

    /// A type variable bound to an argument, which is read in the module that wrote it.
    typealias Bindings = [String: (PythonExpression, ProjectModule)]

    static let optionalNames: Set<String> = ["Optional"]
    static let unionNames: Set<String> = ["Union"]
    static let listNames: Set<String> = ["list", "List", "Sequence", "MutableSequence", "Iterable", "Collection", "set", "Set", "frozenset", "FrozenSet", "tuple", "Tuple"]

    func analyze(_ annotation: PythonExpression, in module: ProjectModule, line: Int) -> FieldType {
        analyze(annotation, in: module, line: line, bindings: [:], depth: 0)
    }

    private func analyze(
        _ expression: PythonExpression, in module: ProjectModule, line: Int, bindings: Bindings, depth: Int
    ) -> FieldType {
        guard depth < 24 else { return FieldType() }
        let next = depth + 1
        switch expression {
        case .constant, .number, .other:
            return FieldType()
        case .string(let source):
            // A forward reference: the text is an annotation, read in the same module.
            guard let parsed = Self.parseAnnotation(source) else {
                modules.diagnose(module.file, line, "cannot parse the forward reference '\(source)'; the field is left out")
                return FieldType(isUnresolved: true)
            }
            return analyze(parsed, in: module, line: line, bindings: bindings, depth: next)
        case .binary(let left, "|", let right):
            var result = analyze(left, in: module, line: line, bindings: bindings, depth: next)
            result.merge(analyze(right, in: module, line: line, bindings: bindings, depth: next))
            return result
        case .name(let name) where bindings[name] != nil:
            let (bound, boundModule) = bindings[name]!  // checked by the pattern's guard
            return analyze(bound, in: boundModule, line: line, bindings: [:], depth: next)
        case .name, .attribute:
            return analyzeNamed(expression, in: module, line: line, bindings: bindings, depth: next)
        case .`subscript`(let base, let arguments):
            return analyzeSubscript(base, arguments, in: module, line: line, bindings: bindings, depth: next)
        case .call(let function, let arguments, let keywords):
            // pydantic v1: conlist(Block, min_items=1, max_items=4)
            guard function.dottedName?.split(separator: ".").last == "conlist", let item = arguments.first else { return FieldType() }
            var result = analyze(item, in: module, line: line, bindings: bindings, depth: next)
            result.isList = true
            result.bounds = bounds(keywords: keywords, positional: [], in: module, minKeys: ["min_items", "min_length"], maxKeys: ["max_items", "max_length"])
            return result
        default:
            return FieldType()
        }
    }

    private func analyzeNamed(
        _ expression: PythonExpression, in module: ProjectModule, line: Int, bindings: Bindings, depth: Int
    ) -> FieldType {
        guard let resolved = classes.names.resolve(expression, in: module) else {
            let written = PythonUnparser.unparse(expression)
            modules.diagnose(module.file, line, "unknown type '\(written)': it is not defined or imported in \(module.file); the field is left out")
            return FieldType(isUnresolved: true)
        }
        switch resolved {
        case .projectClass(let projectClass):
            let kind = classes.kind(of: projectClass)
            if kind.isProductBlock { return FieldType(blocks: [projectClass]) }
            if kind.isInstanceList { return instanceList(projectClass, typeArguments: [], argumentModule: module, line: line, depth: depth) }
            return FieldType()
        case .value(let value, let owner):
            if Self.isTypeVar(value) { return FieldType() }
            return analyze(value, in: owner, line: line, bindings: [:], depth: depth)
        case .projectModule, .external, .builtin:
            return FieldType()
        }
    }

    private func analyzeSubscript(
        _ base: PythonExpression, _ arguments: [PythonExpression], in module: ProjectModule, line: Int,
        bindings: Bindings, depth: Int
    ) -> FieldType {
        func each(_ expressions: [PythonExpression]) -> FieldType {
            var result = FieldType()
            for expression in expressions {
                result.merge(analyze(expression, in: module, line: line, bindings: bindings, depth: depth))
            }
            return result
        }
        // The subscripted name may itself be a bound type variable (rare) or anything resolvable.
        let resolved: Resolved?
        if case .name(let name) = base, let (bound, boundModule) = bindings[name] {
            resolved = classes.names.resolve(bound, in: boundModule)
        } else {
            resolved = classes.names.resolve(base, in: module)
        }
        switch resolved {
        case .external(let qualified)?, .builtin(let qualified)?:
            let last = String(qualified.split(separator: ".").last ?? "")
            if Self.optionalNames.contains(last) || Self.unionNames.contains(last) { return each(arguments) }
            if Self.listNames.contains(last) {
                var result = each(Array(arguments.prefix(1)))
                result.isList = true
                result.bounds = ListBounds()
                return result
            }
            if last == "Annotated", let inner = arguments.first {
                var result = analyze(inner, in: module, line: line, bindings: bindings, depth: depth)
                for metadata in arguments.dropFirst() {
                    guard case .call(let function, let positional, let keywords) = metadata,
                          let functionName = function.dottedName?.split(separator: ".").last
                    else { continue }
                    switch functionName {
                    case "Len":
                        result.bounds = bounds(keywords: keywords, positional: positional, in: module, minKeys: ["min_length"], maxKeys: ["max_length"])
                    case "Field":
                        let found = bounds(keywords: keywords, positional: [], in: module, minKeys: ["min_length", "min_items"], maxKeys: ["max_length", "max_items"])
                        if found.min != nil || found.max != nil { result.bounds = found }
                    case "MinLen":
                        result.bounds.min = positional.first.flatMap { classes.integer($0, in: module) }
                    case "MaxLen":
                        result.bounds.max = positional.first.flatMap { classes.integer($0, in: module) }
                    default:
                        break
                    }
                }
                if !result.isList { result.bounds = ListBounds() }
                return result
            }
            if last == "SubscriptionInstanceList" {
                var result = each(Array(arguments.prefix(1)))
                result.isList = true
                return result
            }
            return FieldType()
        case .projectClass(let projectClass)?:
            if classes.kind(of: projectClass).isInstanceList {
                return instanceList(projectClass, typeArguments: arguments, argumentModule: module, line: line, depth: depth)
            }
            return FieldType()
        case .value(let alias, let owner)?:
            // A generic alias (`ListOfX = Annotated[list[SI], Len(...)]`) subscripted with the item type.
            let variables = typeVariables(in: alias, module: owner)
            var aliasBindings: Bindings = [:]
            for (variable, argument) in zip(variables, arguments) {
                if case .name(let name) = argument, let bound = bindings[name] {
                    aliasBindings[variable] = bound
                } else {
                    aliasBindings[variable] = (argument, module)
                }
            }
            return analyze(alias, in: owner, line: line, bindings: aliasBindings, depth: depth)
        case .projectModule?:
            return FieldType()
        case nil:
            modules.diagnose(module.file, line, "unknown type '\(PythonUnparser.unparse(base))': it is not defined or imported in \(module.file); the field is left out")
            return FieldType(isUnresolved: true)
        }
    }

    /// A pydantic-v1 `SubscriptionInstanceList` subclass: its item type comes from the base's subscript
    /// (`class ListOfPorts(SubscriptionInstanceList[PortBlock])`) or from the subscript where it is used
    /// (`MyList[PortBlock]` with `class MyList(SubscriptionInstanceList[T])`); the bounds from `min_items` and
    /// `max_items`, looked up through the class's ancestors.
    private func instanceList(
        _ projectClass: ProjectClass, typeArguments: [PythonExpression], argumentModule: ProjectModule, line: Int, depth: Int
    ) -> FieldType {
        var result = FieldType()
        result.isList = true
        var item: (PythonExpression, ProjectModule)?
        var bindings: Bindings = [:]
        // Walk up from the class to the SubscriptionInstanceList base, carrying type arguments downwards.
        var current = projectClass
        var currentArguments = typeArguments.map { ($0, argumentModule) }
        var visited: Set<ObjectIdentifier> = []
        search: while visited.insert(ObjectIdentifier(current)).inserted {
            let variables = current.definition.bases.flatMap { typeVariables(in: $0, module: current.module) }
            var ownBindings: Bindings = [:]
            for (variable, argument) in zip(uniqued(variables), currentArguments) { ownBindings[variable] = argument }
            for base in classes.bases(of: current) {
                switch base {
                case .external("SubscriptionInstanceList", let arguments):
                    if let first = arguments.first {
                        if case .name(let name) = first, let bound = ownBindings[name] ?? bindings[name] {
                            item = bound
                        } else if case .value(let value, _)? = classes.names.resolve(first, in: current.module), Self.isTypeVar(value) {
                            item = nil  // generic, and used without a subscript
                        } else {
                            item = (first, current.module)
                        }
                    }
                    break search
                case .project(let baseClass, let arguments) where classes.kind(of: baseClass).isInstanceList:
                    currentArguments = arguments.map { argument in
                        if case .name(let name) = argument, let bound = ownBindings[name] { return bound }
                        return (argument, current.module)
                    }
                    bindings.merge(ownBindings) { old, _ in old }
                    current = baseClass
                    continue search
                default:
                    continue
                }
            }
            break
        }
        if let (expression, module) = item {
            let itemType = analyze(expression, in: module, line: line, bindings: [:], depth: depth + 1)
            result.blocks = itemType.blocks
        }
        for ancestor in classes.ancestors(of: projectClass) {
            if result.bounds.min == nil, let value = ancestor.attribute("min_items") {
                result.bounds.min = classes.integer(value, in: ancestor.module)
            }
            if result.bounds.max == nil, let value = ancestor.attribute("max_items") {
                result.bounds.max = classes.integer(value, in: ancestor.module)
            }
        }
        return result
    }

    private func uniqued(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private func bounds(
        keywords: [PythonKeyword], positional: [PythonExpression], in module: ProjectModule, minKeys: Set<String>,
        maxKeys: Set<String>
    ) -> ListBounds {
        var result = ListBounds()
        if let first = positional.first { result.min = classes.integer(first, in: module) }
        if positional.count > 1 { result.max = classes.integer(positional[1], in: module) }
        for keyword in keywords {
            guard let name = keyword.name else { continue }
            if minKeys.contains(name) { result.min = classes.integer(keyword.value, in: module) }
            if maxKeys.contains(name) { result.max = classes.integer(keyword.value, in: module) }
        }
        return result
    }

    /// The type variables used in an expression, in order of first appearance.
    func typeVariables(in expression: PythonExpression, module: ProjectModule) -> [String] {
        var found: [String] = []
        func visit(_ expression: PythonExpression) {
            switch expression {
            case .name(let name):
                if case .value(let value, _)? = classes.names.lookup(name, in: module, depth: 0), Self.isTypeVar(value),
                   !found.contains(name)
                {
                    found.append(name)
                }
            case .`subscript`(let base, let elements):
                visit(base)
                elements.forEach(visit)
            case .binary(let left, _, let right):
                visit(left)
                visit(right)
            case .tuple(let elements), .list(let elements):
                elements.forEach(visit)
            default:
                break
            }
        }
        visit(expression)
        return found
    }

    static func isTypeVar(_ expression: PythonExpression) -> Bool {
        if case .call(let function, _, _) = expression, function.dottedName?.split(separator: ".").last == "TypeVar" { return true }
        return false
    }

    /// Parses the text of a string annotation.
    static func parseAnnotation(_ source: String) -> PythonExpression? {
        guard let tokens = try? PythonLexer.tokenize(source) else { return nil }
        var parser = PythonParser(tokens: tokens)
        return try? parser.parseExpression()
    }
}
