import Catalogue
import PythonSource

/// What a field's annotation says: which product blocks it can hold, or that it is positively a scalar, or that it
/// cannot be classified.
struct FieldType {
    /// The block classes the field can hold.
    var blocks: [ProjectClass] = []
    /// Some member of the type is positively known not to be a domain model (a builtin, an enum, a pydantic or
    /// orchestrator-core scalar type, ...).
    var hasScalar = false
    var isList = false
    var bounds = ListBounds()
    /// Some part of the annotation could not be classified; a diagnostic naming it has been given.
    var isUnresolved = false

    static var scalar: FieldType { FieldType(hasScalar: true) }
    static var unresolved: FieldType { FieldType(isUnresolved: true) }

    /// What the field is, once the whole annotation is read.
    enum Classification {
        /// A product-block field.
        case block
        /// A resource type (in a block) or a fixed input (in a product).
        case scalar
        /// Left out: the annotation cannot be classified.
        case unknown
    }

    /// A field is a block field when it holds blocks, a scalar only when that is positively known; anything else
    /// (an unresolved part, or nothing but `None`) is unknown.
    var classification: Classification {
        if isUnresolved { return .unknown }
        if !blocks.isEmpty { return .block }
        return hasScalar ? .scalar : .unknown
    }

    mutating func merge(_ other: FieldType) {
        for block in other.blocks where !blocks.contains(where: { $0 === block }) { blocks.append(block) }
        hasScalar = hasScalar || other.hasScalar
        isUnresolved = isUnresolved || other.isUnresolved
        if other.isList {
            isList = true
            bounds = other.bounds
        }
    }
}

/// Decides what an annotation is, in every spelling orchestrator-core accepts (docs/orchestrator-core.md §2.2): `X |
/// None`, `Optional`, `Union`, `list`/`List`/`typing.List`, string forward references, module-level aliases and alias
/// chains, `Annotated[list[SI], Len(...)]` aliases subscripted with the item type (the type variable defined locally,
/// imported from orchestrator-core, or re-exported by a project module), pydantic-v1 `SubscriptionInstanceList`
/// subclasses with `min_items`/`max_items`, and `conlist`.
///
/// A field is a resource type (or fixed input) only when its type is positively known to be a scalar; whatever
/// cannot be classified is reported at the field, naming what could not be resolved (`KnownNames`).
struct FieldTypeAnalyzer {
    let classes: ClassResolver
    private var modules: ProjectModules { classes.modules }

    /// Where the field is: diagnostics point at the field, whichever module an alias leads to.
    struct Field {
        var file: String
        var line: Int
        var name: String
    }

    /// A type expression and the module it is read in.
    typealias Located = (expression: PythonExpression, module: ProjectModule)
    /// Type variables bound to arguments, each read in the module that wrote it.
    typealias Bindings = [String: Located]

    /// Deeper than any real annotation or alias chain; reached only through cycles.
    static let maximumDepth = 32

    func analyze(_ annotation: PythonExpression, in module: ProjectModule, field: Field) -> FieldType {
        analyze(annotation, in: module, field: field, bindings: [:], depth: 0)
    }

    func unknown(_ field: Field, _ reason: String) -> FieldType {
        modules.diagnose(field.file, field.line, "field '\(field.name)': \(reason); the field is left out")
        return .unresolved
    }

    func analyze(
        _ expression: PythonExpression, in module: ProjectModule, field: Field, bindings: Bindings, depth: Int
    ) -> FieldType {
        guard depth < Self.maximumDepth else {
            return unknown(field, "the type refers to itself (an alias cycle), so Python cannot evaluate it")
        }
        let next = depth + 1
        switch expression {
        case .constant("None"):
            return FieldType()  // `X | None`: adds nothing, takes nothing away
        case .string(let source):
            // A forward reference: the text is an annotation, read in the same module.
            guard let parsed = Self.parseAnnotation(source) else {
                return unknown(field, "cannot parse the forward reference '\(source)'")
            }
            return analyze(parsed, in: module, field: field, bindings: bindings, depth: next)
        case .binary(let left, "|", let right):
            var result = analyze(left, in: module, field: field, bindings: bindings, depth: next)
            result.merge(analyze(right, in: module, field: field, bindings: bindings, depth: next))
            return result
        case .name(let name) where bindings[name] != nil:
            guard let bound = bindings[name] else { return .unresolved }
            return analyze(bound.expression, in: bound.module, field: field, bindings: [:], depth: next)
        case .name, .attribute:
            return analyzeNamed(expression, in: module, field: field, depth: next)
        case .`subscript`(let base, let arguments):
            return analyzeSubscript(
                base, arguments.map { ($0, module) }, in: module, field: field, bindings: bindings, depth: next)
        case .call(let function, let arguments, let keywords):
            return analyzeCall(function, arguments, keywords, in: module, field: field, bindings: bindings, depth: next)
        default:
            return unknown(field, "'\(PythonUnparser.unparse(expression))' is not a type the reader can classify")
        }
    }

    private func analyzeNamed(
        _ expression: PythonExpression, in module: ProjectModule, field: Field, depth: Int
    ) -> FieldType {
        let written = PythonUnparser.unparse(expression)
        switch classes.names.resolve(expression, in: module) {
        case nil:
            return unknown(field, "unknown type '\(written)': it is not defined or imported in \(module.file)")
        case .projectClass(let projectClass)?:
            return classify(projectClass, written: written, field: field, depth: depth)
        case .value(let value, let owner)?:
            if isTypeVariable(value, in: owner) {
                return unknown(field, "'\(written)' is a type variable that nothing binds here")
            }
            return analyze(value, in: owner, field: field, bindings: [:], depth: depth)
        case .projectModule?:
            return unknown(field, "'\(written)' is a module, not a type")
        case .builtin(let name)?:
            return external(KnownNames.builtin(name), qualified: name, written: written, field: field)
        case .external(let qualified)?:
            return external(KnownNames.lookup(qualified), qualified: qualified, written: written, field: field)
        }
    }

    /// A name from outside the project, used bare.
    private func external(_ kind: ExternalName?, qualified: String, written: String, field: Field) -> FieldType {
        switch kind {
        case .scalar?, .scalarGeneric?, .enumBase?:
            return .scalar
        case .list?:
            var result = FieldType.scalar  // a list of anything: orchestrator-core makes it a resource type
            result.isList = true
            return result
        case .typeVariable?:
            return unknown(field, "'\(written)' (\(qualified)) is a type variable that nothing binds here")
        case .productBlockBase?, .productBase?, .domainModelBase?, .instanceListBase?:
            return unknown(
                field, "'\(written)' is one of orchestrator-core's base classes, not a concrete product block")
        case .union?, .annotated?, .constrainedListFunction?, .constrainedScalarFunction?, .newType?,
            .typeVarFactory?, .neutralBase?:
            return unknown(field, "'\(written)' (\(qualified)) is not a type on its own")
        case nil:
            return unknown(
                field,
                "'\(written)' (\(qualified)) comes from outside the project and is not a name the reader knows, so it could be a product block or a scalar"
            )
        }
    }

    /// A class of the project used as a field type.
    private func classify(_ projectClass: ProjectClass, written: String, field: Field, depth: Int) -> FieldType {
        let kind = classes.kind(of: projectClass)
        if kind.isProductBlock { return FieldType(blocks: [projectClass]) }
        if kind.isInstanceList { return instanceList(projectClass, typeArguments: [], field: field, depth: depth) }
        if kind.isProduct {
            return unknown(field, "'\(written)' is a product (SubscriptionModel), not a product block")
        }
        if kind.isEnum { return .scalar }
        if let base = kind.unknownBase {
            return unknown(
                field,
                "'\(written)' derives from \(base), which the reader does not know, so it could be a product block or a scalar"
            )
        }
        return .scalar  // a class whose whole ancestry is known and holds no domain model
    }

    private func analyzeCall(
        _ function: PythonExpression, _ arguments: [PythonExpression], _ keywords: [PythonKeyword],
        in module: ProjectModule, field: Field, bindings: Bindings, depth: Int
    ) -> FieldType {
        let kind: ExternalName?
        switch classes.names.resolve(function, in: module) {
        case .external(let qualified)?: kind = KnownNames.lookup(qualified)
        default: kind = nil
        }
        switch kind {
        case .constrainedListFunction?:
            // pydantic v1: conlist(Block, min_items=1, max_items=4)
            guard let item = arguments.first else { return unknown(field, "conlist() without an item type") }
            var result = analyze(item, in: module, field: field, bindings: bindings, depth: depth)
            result.isList = true
            result.bounds = bounds(
                keywords: keywords, positional: [], in: module, minKeys: ["min_items", "min_length"],
                maxKeys: ["max_items", "max_length"])
            return result
        case .constrainedScalarFunction?:
            return .scalar
        case .newType? where arguments.count == 2:
            return analyze(arguments[1], in: module, field: field, bindings: bindings, depth: depth)
        default:
            return unknown(
                field, "the call '\(PythonUnparser.unparse(function))(...)' is not a type the reader can classify")
        }
    }

    func analyzeSubscript(
        _ base: PythonExpression, _ arguments: [Located], in module: ProjectModule, field: Field,
        bindings: Bindings, depth: Int
    ) -> FieldType {
        func read(_ argument: Located) -> FieldType {
            // Arguments written at the use site may name the caller's bound type variables.
            analyze(
                argument.expression, in: argument.module, field: field,
                bindings: argument.module === module ? bindings : [:], depth: depth)
        }
        func each(_ located: [Located]) -> FieldType {
            var result = FieldType()
            for argument in located { result.merge(read(argument)) }
            return result
        }
        // The subscripted name may itself be a bound type variable (rare) or anything resolvable.
        let resolved: Resolved?
        if case .name(let name) = base, let bound = bindings[name] {
            resolved = classes.names.resolve(bound.expression, in: bound.module)
        } else {
            resolved = classes.names.resolve(base, in: module)
        }
        let written = PythonUnparser.unparse(base)
        let kind: ExternalName?
        switch resolved {
        case .external(let qualified)?:
            kind = KnownNames.lookup(qualified)
            if kind == nil {
                return unknown(
                    field,
                    "'\(written)' (\(qualified)) comes from outside the project and is not a name the reader knows, so '\(written)[...]' could hold product blocks or scalars"
                )
            }
        case .builtin(let name)?:
            kind = KnownNames.builtin(name)
        case .projectClass(let projectClass)?:
            if classes.kind(of: projectClass).isInstanceList {
                return instanceList(projectClass, typeArguments: arguments, field: field, depth: depth)
            }
            // A generic class of the project (`Generic[T]`) subscripted: what it is does not depend on arguments.
            return classify(projectClass, written: written, field: field, depth: depth)
        case .value(let alias, let owner)?:
            return genericAlias(
                alias, in: owner, written: written, arguments: arguments, field: field, bindings: bindings, depth: depth
            )
        case .projectModule?:
            return unknown(field, "'\(written)' is a module, not a type")
        case nil:
            return unknown(field, "unknown type '\(written)': it is not defined or imported in \(module.file)")
        }
        switch kind {
        case .union?:
            return each(arguments)
        case .list?:
            var result = each(Array(arguments.prefix(1)))
            if arguments.isEmpty { result.hasScalar = true }
            result.isList = true
            result.bounds = ListBounds()
            return result
        case .annotated?:
            guard let inner = arguments.first else { return unknown(field, "Annotated[] without a type") }
            var result = read(inner)
            for metadata in arguments.dropFirst() { applyMetadata(metadata, to: &result) }
            if !result.isList { result.bounds = ListBounds() }
            return result
        case .instanceListBase?:
            var result = each(Array(arguments.prefix(1)))
            result.isList = true
            return result
        case .scalar?, .scalarGeneric?:
            return .scalar
        default:
            return unknown(field, "'\(written)' cannot be subscripted as a type")
        }
    }

    /// `Len(...)`, `Field(min_length=...)`, `MinLen`/`MaxLen` in `Annotated` metadata give a list its bounds.
    private func applyMetadata(_ metadata: Located, to result: inout FieldType) {
        guard case .call(let function, let positional, let keywords) = metadata.expression,
            let functionName = function.dottedName?.split(separator: ".").last
        else { return }
        let module = metadata.module
        switch functionName {
        case "Len":
            result.bounds = bounds(
                keywords: keywords, positional: positional, in: module, minKeys: ["min_length"], maxKeys: ["max_length"]
            )
        case "Field":
            let found = bounds(
                keywords: keywords, positional: [], in: module, minKeys: ["min_length", "min_items"],
                maxKeys: ["max_length", "max_items"])
            if found.min != nil || found.max != nil { result.bounds = found }
        case "MinLen":
            result.bounds.min = positional.first.flatMap { classes.integer($0, in: module) }
        case "MaxLen":
            result.bounds.max = positional.first.flatMap { classes.integer($0, in: module) }
        default:
            break
        }
    }
}
