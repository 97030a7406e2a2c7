import Foundation

/// Why `scheduler run` stopped.
public enum StopReason: String, Sendable {
    /// SIGINT (Ctrl-C): exit 130, as orchestrator-core's scheduler.
    case interrupt
    /// SIGTERM (a service manager stopping it): exit 0, a requested stop.
    case terminate
}

/// The stop request: set from a signal handler's queue, read by the loop, and waking the loop's sleep at once.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested: StopReason?

    public init() {}

    /// The first request wins; later ones change nothing.
    public func request(_ reason: StopReason) {
        condition.lock()
        if requested == nil { requested = reason }
        condition.broadcast()
        condition.unlock()
    }

    public var reason: StopReason? {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Waits until `deadline` or a stop request, whichever comes first.
    func wait(until deadline: Date) {
        condition.lock()
        defer { condition.unlock() }
        while requested == nil, Date() < deadline {
            _ = condition.wait(until: deadline)
        }
    }
}

/// Time for the scheduler: the system clock, or a test's clock that jumps instead of sleeping.
public protocol SchedulerClock {
    func now() -> Date
    /// Returns at `deadline`, or earlier when `stop` is requested.
    func sleep(until deadline: Date, stop: StopSignal)
}

/// The wall clock. Sleeps at most a minute at a time, so a clock the system sets (NTP, suspend and resume) is
/// noticed within a minute.
public struct SystemClock: SchedulerClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date, stop: StopSignal) {
        stop.wait(until: min(deadline, Date().addingTimeInterval(60)))
    }
}
