/// The error of the Apply module.
public struct ApplyError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The plan was made against another catalogue (it is stale, or meant for another database).
        case stale
        /// alembic.ini or a revision file cannot be read.
        case invalidProject
        /// The revision cannot be written (exists, folder missing, ...).
        case cannotWrite
        /// Executing the plan failed; everything was rolled back.
        case executionFailed
        /// Another deployment holds the lock.
        case locked
        /// The database is not at the revision the plan's revision revises.
        case notAtParent
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
