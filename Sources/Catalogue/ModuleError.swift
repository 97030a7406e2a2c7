/// A module's error code: an enum of its own (`PlannerErrorCode.invalidAnswers`), which the CLI maps to an exit
/// status.
public protocol ModuleErrorCode: Hashable, Sendable {}

/// The one error shape of the modules above the bottom ones: a code, a message that says what happened and how to
/// fix it, and the lower-level cause where there is one. Each module names its own (`PlannerError`,
/// `SnapshotError`, ...) as this type with its code enum.
public struct ModuleError<Code: ModuleErrorCode>: Error, Sendable, CustomStringConvertible {
    public let code: Code
    public let message: String
    /// The lower-level error text (already free of secrets), if any.
    public let cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// One line (or a message with its list): the message, then the cause.
    public var description: String {
        guard let cause, !cause.isEmpty else { return message }
        return "\(message): \(cause)"
    }
}
