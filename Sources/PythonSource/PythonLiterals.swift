import Foundation

/// A literal value of a module-level assignment, as much as other modules need (Alembic revision files).
public enum PythonLiteral: Hashable, Sendable {
    case string(String)
    case none
    /// A tuple or list of strings (`('data',)`, `['a', 'b']`).
    case strings([String])
    /// Anything else, as source text.
    case other(String)
}

/// The module docstring and the literal top-level assignments of a Python file, read without running it.
public struct PythonModuleLiterals: Sendable {
    public let docstring: String?
    /// Name → (value, line), the last assignment winning as in Python.
    public let assignments: [String: (value: PythonLiteral, line: Int)]

    /// Reads a file's bytes as Python would (encoding declaration, byte order mark, line endings).
    public init(data: Data) throws(PythonSyntaxError) {
        try self.init(source: try PythonSourceText.decode(data))
    }

    /// Throws a message with the line when Python could not import the file either.
    public init(source: String) throws(PythonSyntaxError) {
        let statements = try PythonParser.parseModule(source)
        var docstring: String?
        if case .expression(.string(let text), _)? = statements.first { docstring = text }
        var assignments: [String: (PythonLiteral, Int)] = [:]
        func literal(_ expression: PythonExpression) -> PythonLiteral {
            switch expression {
            case .string(let text): return .string(text)
            case .constant("None"): return .none
            case .tuple(let items), .list(let items):
                var strings: [String] = []
                for item in items {
                    guard case .string(let text) = item else { return .other(PythonUnparser.unparse(expression)) }
                    strings.append(text)
                }
                return .strings(strings)
            default: return .other(PythonUnparser.unparse(expression))
            }
        }
        for statement in statements {
            switch statement {
            case .assignment(let targets, let value, let line):
                for case .name(let name) in targets { assignments[name] = (literal(value), line) }
            case .annotatedAssignment(.name(let name), _, let value?, let line):
                assignments[name] = (literal(value), line)
            default:
                break
            }
        }
        self.docstring = docstring
        self.assignments = assignments.mapValues { (value: $0.0, line: $0.1) }
    }
}
