/// Prints an expression the way Python's `ast.unparse` does, for the fixed-input `type` text.
public enum PythonUnparser {
    public static func unparse(_ expression: PythonExpression) -> String {
        switch expression {
        case .name(let name): return name
        case .attribute(let base, let attribute): return "\(unparseOperand(base)).\(attribute)"
        case .`subscript`(let base, let elements):
            let inner =
                elements.count == 1 ? unparseElement(elements[0]) : elements.map(unparseElement).joined(separator: ", ")
            return "\(unparseOperand(base))[\(inner)]"
        case .call(let function, let arguments, let keywords):
            let parts =
                arguments.map(unparse)
                + keywords.map { keyword in
                    keyword.name.map { "\($0)=\(unparse(keyword.value))" } ?? "**\(unparse(keyword.value))"
                }
            return "\(unparseOperand(function))(\(parts.joined(separator: ", ")))"
        case .string(let value): return quote(value)
        case .number(let text): return text
        case .binary(let left, let op, let right): return "\(unparse(left)) \(op) \(unparse(right))"
        case .unary(let op, let operand): return op == "not" ? "not \(unparse(operand))" : "\(op)\(unparse(operand))"
        case .list(let elements): return "[\(elements.map(unparse).joined(separator: ", "))]"
        case .tuple(let elements):
            if elements.count == 1 { return "(\(unparse(elements[0])),)" }
            return "(\(elements.map(unparse).joined(separator: ", ")))"
        case .dict(let entries):
            let parts = entries.map { entry in
                entry.key.map { "\(unparse($0)): \(unparse(entry.value))" } ?? "**\(unparse(entry.value))"
            }
            return "{\(parts.joined(separator: ", "))}"
        case .constant(let name): return name
        case .other(let text): return text
        }
    }

    /// A tuple used as a subscript index prints without parentheses (`dict[str, int]`).
    private static func unparseElement(_ expression: PythonExpression) -> String {
        if case .tuple(let elements) = expression, !elements.isEmpty {
            return elements.map(unparse).joined(separator: ", ")
        }
        return unparse(expression)
    }

    private static func unparseOperand(_ expression: PythonExpression) -> String {
        switch expression {
        case .binary, .unary: return "(\(unparse(expression)))"
        default: return unparse(expression)
        }
    }

    /// Python's `repr` of a string.
    static func quote(_ value: String) -> String { PythonRepr.string(value) }
}
