/// Something the reader of a project's Python source could not resolve, or wants to point out: where, and why.
/// (Readers of domain models and workflows turn these into their own diagnostics.)
public struct SourceDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A path relative to the project root, and a 1-based line (0: the whole file).
    public var file: String, line: Int
    public var message: String
    /// Something may be missing from what was read (a module, a name, a statement); false for a finding that cannot
    /// hide a definition, where what was read is what Python would see.
    public var isIncomplete: Bool

    public init(file: String, line: Int, message: String, isIncomplete: Bool = true) {
        (self.file, self.line, self.message, self.isIncomplete) = (file, line, message, isIncomplete)
    }

    public var description: String { "\(file):\(line): \(message)" }
}
