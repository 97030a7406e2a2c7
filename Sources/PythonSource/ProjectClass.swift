/// A class defined in the project's source, with what readers need from its body: its annotated attributes, its
/// plain attributes, and what the parser could not read.
public final class ProjectClass {
    public let definition: PythonClassDefinition
    public unowned let module: ProjectModule

    public var name: String { definition.name }
    public var line: Int { definition.line }

    /// Own annotated attributes in order (`name: annotation = value`); names starting with `_` are skipped, and so
    /// are methods, properties and nested classes.
    public let annotated: [(name: String, annotation: PythonExpression, value: PythonExpression?, line: Int)]
    /// Plain (non-annotated) class attributes: `min_items = 2`, enum members.
    public let attributes: [(name: String, value: PythonExpression, line: Int)]
    /// Statements of the body the parser could not read (each could have been an attribute).
    public let skipped: [(line: Int, reason: String)]

    public init(definition: PythonClassDefinition, module: ProjectModule) {
        self.definition = definition
        self.module = module
        var annotated: [(String, PythonExpression, PythonExpression?, Int)] = []
        var attributes: [(String, PythonExpression, Int)] = []
        var skipped: [(Int, String)] = []
        func collect(_ statements: [PythonStatement]) {
            for statement in statements {
                switch statement {
                case .annotatedAssignment(.name(let name), let annotation, let value, let line):
                    guard !name.hasPrefix("_") else { continue }
                    annotated.append((name, annotation, value, line))
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
        self.annotated = annotated
        self.attributes = attributes
        self.skipped = skipped
    }

    /// The value of a class keyword (`class X(Base, product_block_name="X")`).
    public func keyword(_ name: String) -> PythonExpression? {
        definition.keywords.first { $0.name == name }?.value
    }

    /// The last plain assignment of an attribute in the body.
    public func attribute(_ name: String) -> PythonExpression? {
        attributes.last { $0.name == name }?.value
    }
}
