import Catalogue

/// The error of the Apply module.
public typealias ApplyError = ModuleError<ApplyErrorCode>

/// The codes of `ApplyError`.
public enum ApplyErrorCode: String, ModuleErrorCode {
    /// The plan was made against another catalogue (it is stale, or meant for another database).
    case stale
    /// Executing the plan failed; everything was rolled back.
    case executionFailed
    /// Another deployment holds the lock.
    case locked
    /// The database is not at the revision the plan's revision revises.
    case notAtParent
}
