import Catalogue

/// The error of the Snapshot module: a code (which the CLI maps to an exit status), a message that says what
/// happened and how to fix it, and the underlying cause where there is one.
///
/// Messages never contain a password: everything that comes from libpq passes through `Redactor` first.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// Connected, but the catalogue tables are missing.
        case notOrchestratorDatabase
        /// A query of the catalogue failed.
        case queryFailed
        /// The output path is a directory.
        case outputIsDirectory
        /// The output folder is missing or not writable.
        case outputNotWritable
        /// The snapshot file does not exist.
        case fileNotFound
        /// The file is not a snapshot (not SQLite, or another SQLite file).
        case notASnapshot
        /// The snapshot was written by a newer format version.
        case unsupportedFormat
        /// The file is damaged: truncated, edited by hand, or inconsistent.
        case corrupt
    }

    public let code: Code
    public let message: String
    /// The lower-level error text (already redacted), if any.
    public let cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// One line: the message, then the cause.
    public var description: String {
        guard let cause, !cause.isEmpty else { return message }
        return "\(message): \(cause)"
    }

    /// The error for an output path that cannot be written.
    public static func from(_ failure: AtomicFile.Failure) -> SnapshotError {
        switch failure {
        case .isDirectory(let path):
            return SnapshotError(.outputIsDirectory, "cannot write the snapshot to \(path): it is a directory; give a file name")
        case .folderMissing(let folder):
            return SnapshotError(.outputNotWritable, "cannot write the snapshot: the folder \(folder) does not exist")
        case .notWritable(let path, let reason):
            return SnapshotError(.outputNotWritable, "cannot write the snapshot in \(path)", cause: reason)
        case .exists, .notRegularFile, .sameAsInput:
            return SnapshotError(.outputNotWritable, "cannot write the snapshot: \(failure)")
        }
    }
}
