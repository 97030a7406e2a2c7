/// The error of the Postgres module: a code (which the CLI maps to an exit status), a message that says what
/// happened and how to fix it, and the cause from libpq or the server.
///
/// Messages never contain a password: everything that comes from libpq passes through `Redactor` first.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// The connection string cannot be parsed, or none was given.
        case invalidConnectionString
        /// The server cannot be reached (host unknown, connection refused, timeout, no such database).
        case connectionFailed
        /// The server refused the credentials.
        case authenticationFailed
        /// A statement failed; `cause` is the server's message.
        case queryFailed
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
}
