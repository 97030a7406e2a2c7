/// A class defined in the project's source, with what the model reader needs from its body.
final class ProjectClass {
    let definition: PythonClassDefinition
    unowned let module: ProjectModule

    var name: String { definition.name }
    var line: Int { definition.line }

    /// Own annotated fields in order: (field name after `Field(alias=...)`, annotation, line). Names starting with
    /// `_` are skipped; so are methods, properties, nested classes and plain class attributes.
    let fields: [(name: String, annotation: PythonExpression, line: Int)]
    /// Plain (non-annotated) class attributes: `min_items = 2`, enum members.
    let attributes: [(name: String, value: PythonExpression, line: Int)]
    /// Statements of the body the parser could not read (each could have been a field).
    let skipped: [(line: Int, reason: String)]

    // Filled in by the resolver.
    var resolvedBases: [ResolvedBase]?
    var kind: ClassKind?
    /// Set while the class's kind is being worked out: meeting it again means an inheritance cycle.
    var kindInProgress = false

    init(definition: PythonClassDefinition, module: ProjectModule) {
        self.definition = definition
        self.module = module
        var fields: [(String, PythonExpression, Int)] = []
        var attributes: [(String, PythonExpression, Int)] = []
        var skipped: [(Int, String)] = []
        func collect(_ statements: [PythonStatement]) {
            for statement in statements {
                switch statement {
                case .annotatedAssignment(.name(let name), let annotation, let value, let line):
                    guard !name.hasPrefix("_") else { continue }
                    fields.append((Self.alias(in: value) ?? name, annotation, line))
                case .assignment(let targets, let value, let line):
                    for case .name(let name) in targets { attributes.append((name, value, line)) }
                case .compound(let body):
                    collect(body)
                case .skipped(let line, let reason) where !PythonParser.isHarmless(reason):
                    skipped.append((line, reason))
                default:
                    break
                }
            }
        }
        collect(definition.body)
        self.fields = fields
        self.attributes = attributes
        self.skipped = skipped
    }

    /// `Field(..., alias="x")` as the default value renames the field.
    private static func alias(in value: PythonExpression?) -> String? {
        guard case .call(let function, _, let keywords)? = value,
              function.dottedName?.split(separator: ".").last == "Field"
        else { return nil }
        for keyword in keywords where keyword.name == "alias" {
            if case .string(let alias) = keyword.value { return alias }
        }
        return nil
    }

    func keyword(_ name: String) -> PythonExpression? {
        definition.keywords.first { $0.name == name }?.value
    }

    func attribute(_ name: String) -> PythonExpression? {
        attributes.last { $0.name == name }?.value
    }
}

/// A base class as written, resolved.
enum ResolvedBase {
    case project(ProjectClass, typeArguments: [PythonExpression])
    /// Outside the project, by qualified name (`orchestrator.core.domain.base.ProductBlockModel`, `str`), with
    /// what `KnownNames` knows of it (nil: an unknown name).
    case external(ExternalName?, qualified: String, typeArguments: [PythonExpression])
    /// The base as written, which could not be resolved.
    case unresolved(String)
}

/// What a class is, for the model reader.
struct ClassKind {
    var isProductBlock = false
    var isProduct = false
    var isEnum = false
    /// A pydantic-v1 `SubscriptionInstanceList` subclass.
    var isInstanceList = false
    /// Derives from `str` (a str enum's members are their values).
    var isStringBased = false
    /// A base (direct or inherited) that the reader does not know, as written or qualified; or a note that the
    /// class inherits from itself. Such a class could be anything, so a field of its type cannot be classified.
    var unknownBase: String?
}
