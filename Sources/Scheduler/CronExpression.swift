/// A five-field cron expression (`minute hour day-of-month month day-of-week`), as crontab(5) reads it: `*`,
/// numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and weekday names (`jan`, `mon`), Sunday as 0
/// or 7, and the `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`, `@yearly` and `@annually` shorthands.
///
/// When both day fields are restricted a day matches either (crontab's rule); when one is `*`, only the other counts.
public struct CronExpression: Sendable, Hashable {
    /// The expression as written, whitespace collapsed.
    public let text: String
    let minutes: [Int]
    let hours: [Int]
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    /// 0 Sunday ... 6 Saturday (7 is folded into 0).
    let daysOfWeek: Set<Int>
    let dayOfMonthRestricted: Bool
    let dayOfWeekRestricted: Bool
    /// The hour field is `*` or `*/n`: at a wall time that happens twice (the clock went back) the job runs at both,
    /// as crontab runs wildcard jobs; a job at fixed hours runs once.
    let hourIsWildcard: Bool

    /// Why an expression is not valid: a message naming the field.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    static let shorthands = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public init(_ source: String) throws(Invalid) {
        let trimmed = source.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        let expanded = Self.shorthands[trimmed.lowercased()] ?? trimmed
        let fields = expanded.split(separator: " ").map(String.init)
        guard fields.count == 5 else {
            throw Invalid(
                description:
                    "a cron expression has 5 fields (minute hour day-of-month month day-of-week), '\(trimmed)' has \(fields.count)"
            )
        }
        text = trimmed
        minutes = try Self.field(fields[0], "minute", 0...59).sorted()
        hours = try Self.field(fields[1], "hour", 0...23).sorted()
        daysOfMonth = try Self.field(fields[2], "day-of-month", 1...31)
        months = try Self.field(fields[3], "month", 1...12, names: Self.monthNames, firstNameValue: 1)
        daysOfWeek = Set(
            try Self.field(fields[4], "day-of-week", 0...7, names: Self.weekdayNames, firstNameValue: 0).map { $0 % 7 })
        dayOfMonthRestricted = !fields[2].hasPrefix("*")
        dayOfWeekRestricted = !fields[4].hasPrefix("*")
        hourIsWildcard = fields[1].hasPrefix("*")
        // A date that no month has (`30 2`) would make the search run forever.
        if dayOfMonthRestricted && !dayOfWeekRestricted {
            let possible = months.contains { month in
                daysOfMonth.contains { $0 <= (month == 2 ? 29 : CivilTime.daysInMonth(year: 2001, month: month)) }
            }
            guard possible else {
                throw Invalid(description: "'\(trimmed)' never runs: no month it names has the day of month it names")
            }
        }
    }

    /// Whether the job runs on this date.
    func matches(year: Int, month: Int, day: Int) -> Bool {
        guard months.contains(month) else { return false }
        let weekday = (CivilTime(year: year, month: month, day: day).weekday + 1) % 7
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): return daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): return daysOfMonth.contains(day)
        case (false, true): return daysOfWeek.contains(weekday)
        case (false, false): return true
        }
    }

    /// The first instant after `instant` (UTC seconds) at which the expression matches the wall clock of `zone`.
    ///
    /// Across daylight-saving changes: a wall time the clock jumps over runs at the jump (so a daily job is not lost
    /// on that day); a wall time that happens twice runs at its first occurrence, and at both when the hour field is
    /// a wildcard. nil only when nothing matches in the next nine years (a leap day on a weekday no leap day falls on).
    public func nextRun(after instant: Int64, in zone: ZoneRules) -> Int64? {
        // Start a day early: wall times near `instant` may map to instants after it when the clock went back.
        let start = CivilTime(localSeconds: instant + Int64(zone.offset(at: instant)) - 26 * 3600)
        let firstDay = CivilTime.days(year: start.year, month: start.month, day: start.day)
        var best: Int64?
        for dayNumber in firstDay...(firstDay + 9 * 366) {
            let (year, month, day) = CivilTime.civil(fromDays: dayNumber)
            // No later wall time can give an earlier instant than `best` once it is more than the widest offsets past.
            if let best, dayNumber * 86_400 - 14 * 3600 > best + 14 * 3600 { return best }
            guard matches(year: year, month: month, day: day) else { continue }
            for hour in hours {
                for minute in minutes {
                    let wall = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute)
                    guard let instant = Self.occurrence(of: wall, in: zone, after: instant, both: hourIsWildcard) else {
                        continue
                    }
                    best = min(best ?? instant, instant)
                }
            }
        }
        return best
    }

    /// The instant `wall` stands for that comes after `instant`, if any.
    static func occurrence(of wall: CivilTime, in zone: ZoneRules, after instant: Int64, both: Bool) -> Int64? {
        switch zone.resolve(wall) {
        case .unique(let time): return time > instant ? time : nil
        case .skipped(let transition): return transition > instant ? transition : nil
        case .repeated(let first, let second):
            if first > instant { return first }
            return both && second > instant ? second : nil
        }
    }

    /// The values of one field.
    static func field(
        _ text: String, _ name: String, _ range: ClosedRange<Int>, names: [String] = [], firstNameValue: Int = 0
    ) throws(Invalid) -> Set<Int> {
        func invalid(_ detail: String) -> Invalid {
            Invalid(description: "the \(name) field '\(text)' \(detail)")
        }
        func value(_ token: Substring) throws(Invalid) -> Int {
            if let number = Int(token), token.allSatisfy(\.isNumber) {
                guard range.contains(number) else {
                    throw invalid("has \(number), outside \(range.lowerBound)-\(range.upperBound)")
                }
                return number
            }
            if let index = names.firstIndex(of: token.lowercased()) { return index + firstNameValue }
            throw invalid(
                names.isEmpty
                    ? "has '\(token)', not a number"
                    : "has '\(token)', not a number or a name (\(names.joined(separator: ", ")))")
        }
        var values: Set<Int> = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !item.isEmpty else { throw invalid("has an empty list item") }
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw invalid("has more than one '/' in '\(item)'") }
            var step = 1
            if parts.count == 2 {
                guard let number = Int(parts[1]), parts[1].allSatisfy(\.isNumber), number > 0 else {
                    throw invalid("has the step '\(parts[1])'; a step is a whole number from 1")
                }
                step = number
            }
            let bounds: (Int, Int)
            if parts[0] == "*" {
                bounds = (range.lowerBound, range.upperBound)
            } else {
                let ends = parts[0].split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count <= 2, ends.allSatisfy({ !$0.isEmpty }) else {
                    throw invalid("has the range '\(parts[0])'")
                }
                let low = try value(ends[0])
                // `a/n` runs from a to the end of the field, as crontab reads it.
                let high = ends.count == 2 ? try value(ends[1]) : (parts.count == 2 ? range.upperBound : low)
                guard low <= high else { throw invalid("has the range '\(parts[0])', which runs backwards") }
                bounds = (low, high)
            }
            values.formUnion(stride(from: bounds.0, through: bounds.1, by: step))
        }
        return values
    }
}
