/// One token of Python source, with the line it starts on.
struct PythonToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case name(String)
        case number(String)
        /// The decoded value. `formatted` for f-strings, whose value is the raw text (never evaluated).
        case string(String, formatted: Bool)
        case op(String)
        case newline
        case indent
        case dedent
        case end
    }

    var kind: Kind
    var line: Int

    var name: String? {
        if case .name(let value) = kind { return value }
        return nil
    }

    func isOp(_ symbol: String) -> Bool {
        if case .op(let value) = kind { return value == symbol }
        return false
    }

    func isName(_ word: String) -> Bool {
        if case .name(let value) = kind { return value == word }
        return false
    }
}

/// Source that Python itself would refuse to import (the whole module is unreadable), or a statement the tolerant
/// parser could not read: the line, and what is wrong there.
public struct PythonSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
