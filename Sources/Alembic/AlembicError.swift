import Catalogue

/// The error of the Alembic module, with a code the CLI maps to an exit status.
public typealias AlembicError = ModuleError<AlembicErrorCode>

/// The codes of `AlembicError`.
public enum AlembicErrorCode: String, CaseIterable, ModuleErrorCode {
    /// `alembic.ini`, a revision file or the revision graph is broken (unreadable, a cycle, a missing revision).
    case invalidProject
    /// A file cannot be written (exists, folder missing, `migrations/` not empty).
    case cannotWrite
    /// A revision argument names no revision, or the database holds a revision no file has.
    case unknownRevision
    /// A revision argument matches several revisions or heads.
    case ambiguousRevision
    /// A migration step failed; everything was rolled back.
    case migrationFailed
    /// Another migration holds the lock.
    case locked
    /// The path holds revisions only Python can run, and no Alembic was found to run them.
    case needsAlembic
}
