import Catalogue

/// The error of the Snapshot module: a code (which the CLI maps to an exit status), a message that says what
/// happened and how to fix it, and the underlying cause where there is one.
///
/// Messages never contain a password: everything that comes from libpq passes through `Redactor` first.
public typealias SnapshotError = ModuleError<SnapshotErrorCode>

/// The codes of `SnapshotError`.
public enum SnapshotErrorCode: String, CaseIterable, ModuleErrorCode {
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

extension ModuleError where Code == SnapshotErrorCode {
    /// The error for an output path that cannot be written.
    public static func from(_ failure: AtomicFile.Failure) -> SnapshotError {
        if case .isDirectory = failure {
            return SnapshotError(.outputIsDirectory, "cannot write the snapshot: \(failure)")
        }
        return SnapshotError(.outputNotWritable, "cannot write the snapshot: \(failure)")
    }
}
