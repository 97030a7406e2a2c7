/// Something the reader of a project's Python source could not resolve, or wants to point out: where, and why.
public struct SourceDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// Something may be missing from what was read (a module, a name, a statement).
        case incomplete
        /// Worth knowing; what was read is what Python would see.
        case note
    }

    /// Path relative to the project root.
    public var file: String
    /// 1-based; 0 when the problem is not tied to a line.
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .incomplete) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public static func < (a: SourceDiagnostic, b: SourceDiagnostic) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.line != b.line { return a.line < b.line }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }

    public var description: String { "\(file):\(line): \(message)" }
}
