/// The part of Python's syntax tree the model reader uses. Anything else parses to `.other` (expressions) or is
/// skipped (statements), so unknown syntax never stops the reader.
public indirect enum PythonExpression: Equatable, Sendable {
    case name(String)
    case attribute(PythonExpression, String)
    /// `value[index]`; a tuple index is flattened into several elements.
    case `subscript`(PythonExpression, [PythonExpression])
    case call(PythonExpression, arguments: [PythonExpression], keywords: [PythonKeyword])
    case string(String)
    case number(String)
    case binary(PythonExpression, String, PythonExpression)
    case unary(String, PythonExpression)
    case list([PythonExpression])
    case tuple([PythonExpression])
    case dict([PythonDictEntry])
    case constant(String)  // None, True, False, ...
    /// Something the reader does not model (a lambda, a comprehension, an f-string, ...), as source text.
    case other(String)
}

public struct PythonKeyword: Equatable, Sendable {
    /// nil for `**mapping`.
    public var name: String?
    public var value: PythonExpression

    public init(name: String?, value: PythonExpression) {
        self.name = name
        self.value = value
    }
}

public struct PythonDictEntry: Equatable, Sendable {
    /// nil for `**mapping`.
    public var key: PythonExpression?
    public var value: PythonExpression
    /// Where the entry starts (registry diagnostics point at the entry, not the statement).
    public var line: Int = 0

    public init(key: PythonExpression?, value: PythonExpression, line: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
    }
}

public struct PythonClassDefinition: Sendable {
    public var name: String
    public var line: Int
    public var bases: [PythonExpression]
    public var keywords: [PythonKeyword]
    public var body: [PythonStatement]
}

public struct PythonImportedName: Sendable, Equatable {
    public var name: String
    public var alias: String?

    public init(name: String, alias: String?) {
        self.name = name
        self.alias = alias
    }
}

/// Module- and class-level statements. Function bodies are never parsed (imports inside functions do not count).
public enum PythonStatement: Sendable {
    case importModules([PythonImportedName], line: Int)
    /// `from .x import a as b`: `level` leading dots, `module` possibly empty; a `*` import has the name "*".
    case importFrom(module: String, level: Int, names: [PythonImportedName], line: Int)
    case classDefinition(PythonClassDefinition)
    case functionDefinition(name: String, decorators: [PythonExpression], line: Int)
    case assignment(targets: [PythonExpression], value: PythonExpression, line: Int)
    case annotatedAssignment(
        target: PythonExpression, annotation: PythonExpression, value: PythonExpression?, line: Int)
    case expression(PythonExpression, line: Int)
    /// The bodies of `if`/`try`/`with`/`for`/`while` blocks, in order (both branches of an `if`).
    case compound([PythonStatement])
    /// A statement the reader could not parse; noted as a diagnostic.
    case skipped(line: Int, reason: String)
}

extension PythonExpression {
    /// The dotted name of a `name` / `attribute` chain (`typing.List`), or nil.
    public var dottedName: String? {
        switch self {
        case .name(let name): return name
        case .attribute(let base, let attribute): return base.dottedName.map { "\($0).\(attribute)" }
        default: return nil
        }
    }
}
