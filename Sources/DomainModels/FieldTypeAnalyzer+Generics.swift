import Catalogue
import PythonSource

// Generic aliases, pydantic-v1 list classes, list bounds and type variables: the parts of an annotation that bind
// arguments to parameters.
extension FieldTypeAnalyzer {
    /// A module-level alias subscripted: a generic alias (`ListOfX = Annotated[list[SI], Len(...)]`) binds its type
    /// variables, in order of first appearance, to the arguments; an alias of another alias (`Ports = ListOfPorts`)
    /// passes the subscript on.
    func genericAlias(
        _ alias: PythonExpression, in owner: ProjectModule, written: String, arguments: [Located], field: Field,
        bindings: Bindings, depth: Int
    ) -> FieldType {
        guard depth < Self.maximumDepth else {
            return unknown(field, "'\(written)' refers to itself (an alias cycle), so Python cannot evaluate it")
        }
        switch alias {
        case .name, .attribute:
            let resolvedArguments = arguments.map { argument -> Located in
                if case .name(let name) = argument.expression, let bound = bindings[name] { return bound }
                return argument
            }
            return analyzeSubscript(alias, resolvedArguments, in: owner, field: field, bindings: [:], depth: depth + 1)
        default:
            break
        }
        let variables = typeVariables(in: alias, module: owner)
        guard !variables.isEmpty else {
            return unknown(
                field, "'\(written)' is not generic (it has no type variable), so Python cannot subscript it")
        }
        var aliasBindings: Bindings = [:]
        for (variable, argument) in zip(variables, arguments) {
            if case .name(let name) = argument.expression, let bound = bindings[name] {
                aliasBindings[variable] = bound
            } else {
                aliasBindings[variable] = argument
            }
        }
        return analyze(alias, in: owner, field: field, bindings: aliasBindings, depth: depth + 1)
    }

    /// A pydantic-v1 `SubscriptionInstanceList` subclass: its item type comes from the base's subscript
    /// (`class ListOfPorts(SubscriptionInstanceList[PortBlock])`) or from the subscript where it is used
    /// (`MyList[PortBlock]` with `class MyList(SubscriptionInstanceList[T])`); the bounds from `min_items` and
    /// `max_items`, looked up through the class's ancestors.
    func instanceList(_ projectClass: ProjectClass, typeArguments: [Located], field: Field, depth: Int) -> FieldType {
        var result = FieldType()
        result.isList = true
        var item: Located?
        var isGeneric = false
        var bindings: Bindings = [:]
        // Walk up from the class to the SubscriptionInstanceList base, carrying type arguments downwards.
        var current = projectClass
        var currentArguments = typeArguments
        var visited: Set<ObjectIdentifier> = []
        search: while visited.insert(ObjectIdentifier(current)).inserted {
            let variables = current.definition.bases.flatMap { typeVariables(in: $0, module: current.module) }
            var ownBindings: Bindings = [:]
            for (variable, argument) in zip(uniqued(variables), currentArguments) { ownBindings[variable] = argument }
            for base in classes.bases(of: current) {
                switch base {
                case .external(.instanceListBase?, _, let arguments):
                    if let first = arguments.first {
                        if case .name(let name) = first, let bound = ownBindings[name] ?? bindings[name] {
                            item = bound
                        } else if isTypeVariable(first, in: current.module) {
                            isGeneric = true  // generic, and used without a subscript
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
        guard let item else {
            let reason =
                isGeneric
                ? "'\(projectClass.name)' is a generic list used without its item type ('\(projectClass.name)[SomeBlock]')"
                : "cannot find the item type of the list class '\(projectClass.name)'"
            return unknown(field, reason)
        }
        let itemType = analyze(item.expression, in: item.module, field: field, bindings: [:], depth: depth + 1)
        result.blocks = itemType.blocks
        result.hasScalar = itemType.hasScalar
        result.isUnresolved = itemType.isUnresolved
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

    func uniqued(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    func bounds(
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

    /// Whether an expression names a type variable: `TypeVar(...)` itself, a name bound to one in the project, or
    /// a type variable imported from orchestrator-core (directly or through a project module that re-exports it).
    func isTypeVariable(_ expression: PythonExpression, in module: ProjectModule, depth: Int = 0) -> Bool {
        guard depth < Self.maximumDepth else { return false }
        if case .call(let function, _, _) = expression {
            if case .external(let qualified)? = classes.names.resolve(function, in: module) {
                return KnownNames.lookup(qualified) == .typeVarFactory
            }
            return false
        }
        switch classes.names.resolve(expression, in: module) {
        case .value(let value, let owner)?:
            // `SI = TypeVar("SI")`, or `SI = types.SI` naming one elsewhere.
            return isTypeVariable(value, in: owner, depth: depth + 1)
        case .external(let qualified)?:
            return KnownNames.lookup(qualified) == .typeVariable
        default:
            return false
        }
    }

    /// The type variables used in an expression, in order of first appearance (Python's `__parameters__`).
    func typeVariables(in expression: PythonExpression, module: ProjectModule) -> [String] {
        var found: [String] = []
        func visit(_ expression: PythonExpression) {
            switch expression {
            case .name(let name):
                if !found.contains(name), isTypeVariable(expression, in: module) { found.append(name) }
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

    /// Parses the text of a string annotation.
    static func parseAnnotation(_ source: String) -> PythonExpression? { PythonParser.parseExpression(source) }
}
