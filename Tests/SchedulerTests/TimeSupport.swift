import Foundation
import Testing

@testable import Scheduler

/// `2027-03-28 01:00` read as UTC, in seconds since the epoch.
func utc(_ text: String) -> Int64 {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    return CivilTime(
        year: parts[0], month: parts[1], day: parts[2], hour: parts.count > 3 ? parts[3] : 0,
        minute: parts.count > 4 ? parts[4] : 0, second: parts.count > 5 ? parts[5] : 0
    ).localSeconds
}

/// A zone of the machine's tz database; the test fails when it is missing.
func zone(_ key: String) throws -> ZoneRules {
    try #require(ZoneRules.named(key), "the tz database lacks \(key)")
}

/// The runs of `expression` after `start`, as orchestrator-core prints times, in `zone`.
func runs(_ expression: String, after start: Int64, in zone: ZoneRules, count: Int) throws -> [String] {
    let cron = try CronExpression(expression)
    var result: [String] = []
    var time = start
    for _ in 0..<count {
        let next = try #require(cron.nextRun(after: time, in: zone))
        result.append(PythonTime.datetime(instant: next, in: zone))
        time = next
    }
    return result
}

/// A clock a test moves: `sleep` jumps to the deadline (no test sleeps), and asks the loop to stop once the time
/// passes `stopAt`.
final class ManualClock: SchedulerClock, @unchecked Sendable {
    var current: Date
    let stopAt: Date?
    private(set) var sleeps: [Date] = []

    init(_ start: Int64, stopAt: Int64? = nil) {
        current = Date(timeIntervalSince1970: Double(start))
        self.stopAt = stopAt.map { Date(timeIntervalSince1970: Double($0)) }
    }

    func now() -> Date { current }

    func sleep(until deadline: Date, stop: StopSignal) {
        sleeps.append(deadline)
        if let stopAt, deadline > stopAt {
            current = stopAt
            stop.request(.terminate)
            return
        }
        current = max(current, deadline)
    }

    func advance(_ seconds: Int64) { current = current.addingTimeInterval(Double(seconds)) }
}

/// Runs nothing: records which job ran when, takes `duration` seconds of the manual clock, and returns `result`.
final class RecordingRunner: JobRunning, @unchecked Sendable {
    let clock: ManualClock
    var duration: Int64 = 0
    var result: (ScheduledJob) -> JobOutcome = { _ in JobOutcome(.ok, "done") }
    var onRun: ((ScheduledJob) -> Void)?
    private(set) var runs: [(job: String, at: Int64)] = []

    init(clock: ManualClock) { self.clock = clock }

    func run(_ job: ScheduledJob, startedAt: Date) -> JobOutcome {
        runs.append((job.id, Int64(startedAt.timeIntervalSince1970)))
        onRun?(job)
        clock.advance(duration)
        return result(job)
    }
}
