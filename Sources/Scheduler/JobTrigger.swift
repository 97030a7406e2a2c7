import Foundation

/// When a job of the schedule file runs: a cron expression, a fixed interval, or a wall-clock time every day.
public enum JobTrigger: Sendable, Hashable {
    case cron(CronExpression)
    /// `every: 30m`: `seconds` apart, counted from the first run (the first run is one interval after the job first
    /// appears).
    case interval(seconds: Int64, text: String)
    /// `every: day at 02:00`: that wall-clock time each day.
    case daily(CronExpression, text: String)

    /// `every: <n>s|m|h|d` or `every: day at HH:MM`.
    public static func every(_ text: String) throws(CronExpression.Invalid) -> JobTrigger {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasPrefix("day at ") {
            let time = trimmed.dropFirst("day at ".count).trimmingCharacters(in: .whitespaces)
            let parts = time.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
                let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
            else {
                throw CronExpression.Invalid(description: "'every: \(text)' needs a time as HH:MM (00:00 to 23:59)")
            }
            return .daily(try CronExpression("\(minute) \(hour) * * *"), text: "day at \(time)")
        }
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = trimmed.last, let size = units[unit], let count = Int64(trimmed.dropLast()),
            trimmed.dropLast().allSatisfy(\.isNumber), count > 0, count <= 100_000
        else {
            throw CronExpression.Invalid(
                description:
                    "'every: \(text)' is not an interval: write <n>s, <n>m, <n>h or <n>d (30m, 6h), or 'day at HH:MM'"
            )
        }
        return .interval(seconds: count * size, text: trimmed)
    }

    /// The trigger as the schedule file spells it: `cron: 0 2 * * *`, `every: 30m`, `every: day at 02:00`.
    public var written: String {
        switch self {
        case .cron(let expression): return "cron: \(expression.text)"
        case .interval(_, let text), .daily(_, let text): return "every: \(text)"
        }
    }

    /// The `trigger` column, in APScheduler's style: `cron[0 2 * * *]`, `interval[0:30:00]`.
    public var display: String {
        switch self {
        case .cron(let expression), .daily(let expression, _): return "cron[\(expression.text)]"
        case .interval(let seconds, _): return "interval[\(PythonTime.timedelta(seconds: seconds))]"
        }
    }

    /// The first run of a job that has never been scheduled, after `now` (UTC seconds).
    public func firstRun(after now: Int64, in zone: ZoneRules) -> Int64? {
        switch self {
        case .cron(let expression), .daily(let expression, _): return expression.nextRun(after: now, in: zone)
        case .interval(let seconds, _): return now + seconds
        }
    }

    /// The run after one that was due at `scheduled`, later than `now`. Runs missed meanwhile are not made up
    /// (coalesced): an interval keeps its cadence from `scheduled`, a cron expression its next match.
    public func nextRun(afterScheduled scheduled: Int64, now: Int64, in zone: ZoneRules) -> Int64? {
        switch self {
        case .cron(let expression), .daily(let expression, _):
            return expression.nextRun(after: max(scheduled, now), in: zone)
        case .interval(let seconds, _):
            guard now >= scheduled else { return scheduled + seconds }
            let missed = (now - scheduled) / seconds
            return scheduled + (missed + 1) * seconds
        }
    }
}
