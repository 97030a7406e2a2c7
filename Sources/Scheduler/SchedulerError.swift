import Catalogue

/// The error of the Scheduler module: a code (which the CLI maps to an exit status), a message that says what
/// happened and how to fix it, and the cause where there is one. Never holds a secret.
public typealias SchedulerError = ModuleError<SchedulerErrorCode>

/// The codes of `SchedulerError`.
public enum SchedulerErrorCode: String, CaseIterable, ModuleErrorCode {
    /// The schedule file is missing, malformed, or names something wrong (a bad cron expression, an unset
    /// variable, an unknown time zone).
    case invalidSchedule
    /// Another `scheduler run` holds the job store.
    case storeLocked
    /// The job store cannot be opened, read or written.
    case storeUnusable
}
