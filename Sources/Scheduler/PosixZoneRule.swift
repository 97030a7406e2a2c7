/// A POSIX `TZ` rule (`CET-1CEST,M3.5.0,M10.5.0/3`): the footer of a tz database file, which gives the offsets
/// after its last listed transition.
struct PosixZoneRule: Sendable, Hashable {
    /// When daylight-saving time starts or ends, in local time of the year.
    enum DayRule: Sendable, Hashable {
        /// `Jn`: day 1...365, February 29 never counted.
        case julian(Int)
        /// `n`: day 0...365, February 29 counted.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (5: the last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    struct Change: Sendable, Hashable {
        var day: DayRule
        /// Seconds after local midnight (may be negative or past 24 hours).
        var time: Int
    }

    let standard: ZoneRules.LocalType
    let daylight: ZoneRules.LocalType?
    let start: Change?
    let end: Change?

    /// nil when `text` is not a rule this reader understands (the zone then keeps its last listed type).
    init?(_ text: String) {
        var scanner = Scanner(Array(text.utf8))
        guard let standardName = scanner.name(), let standardOffset = scanner.offset() else { return nil }
        // POSIX offsets are west of Greenwich: `CET-1` is UTC+1.
        standard = .init(offset: -standardOffset, isDST: false, abbreviation: standardName)
        guard let daylightName = scanner.name() else {
            guard scanner.atEnd else { return nil }
            daylight = nil
            start = nil
            end = nil
            return
        }
        let daylightOffset = scanner.peek == UInt8(ascii: ",") ? standardOffset - 3600 : scanner.offset()
        guard let daylightOffset else { return nil }
        daylight = .init(offset: -daylightOffset, isDST: true, abbreviation: daylightName)
        if scanner.atEnd {
            // No rule: the US rules POSIX implies.
            start = Change(day: .monthWeekDay(month: 3, week: 2, weekday: 0), time: 7200)
            end = Change(day: .monthWeekDay(month: 11, week: 1, weekday: 0), time: 7200)
            return
        }
        guard scanner.expect(","), let start = scanner.change(), scanner.expect(","), let end = scanner.change(),
            scanner.atEnd
        else { return nil }
        self.start = start
        self.end = end
    }

    func localType(at instant: Int64) -> ZoneRules.LocalType {
        guard let daylight, let start, let end else { return standard }
        let year = CivilTime(localSeconds: instant + Int64(standard.offset)).year
        // Starts are given in standard local time, ends in daylight local time.
        let startsAt = Self.localSeconds(start, year: year) - Int64(standard.offset)
        let endsAt = Self.localSeconds(end, year: year) - Int64(daylight.offset)
        let inDaylight =
            startsAt < endsAt
            ? (instant >= startsAt && instant < endsAt) : !(instant >= endsAt && instant < startsAt)
        return inDaylight ? daylight : standard
    }

    static func localSeconds(_ change: Change, year: Int) -> Int64 {
        let january1 = CivilTime.days(year: year, month: 1, day: 1)
        let day: Int64
        switch change.day {
        case .julian(let n):
            // Days after February count one more in a leap year, since Jn never counts February 29.
            day = january1 + Int64(n - 1) + (CivilTime.isLeapYear(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            day = january1 + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilTime.days(year: year, month: month, day: 1)
            // Python's weekday of the 1st is Monday 0; POSIX counts Sunday 0.
            let firstWeekday = Int(CivilTime.floorModulo(first + 4, 7))
            var dayOfMonth = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = CivilTime.daysInMonth(year: year, month: month)
            while dayOfMonth > length { dayOfMonth -= 7 }
            day = first + Int64(dayOfMonth - 1)
        }
        return day * 86_400 + Int64(change.time)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[position] }

        mutating func expect(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue, peek == ascii else { return false }
            position += 1
            return true
        }

        /// `CET` or `<+0330>`.
        mutating func name() -> String? {
            if expect("<") {
                let start = position
                while let byte = peek, byte != UInt8(ascii: ">") { position += 1 }
                let name = String(decoding: bytes[start..<position], as: UTF8.self)
                return expect(">") && !name.isEmpty ? name : nil
            }
            let start = position
            while let byte = peek, (65...90).contains(byte) || (97...122).contains(byte) { position += 1 }
            return position - start >= 3 ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
        }

        /// `[+-]hh[:mm[:ss]]` in seconds.
        mutating func offset() -> Int? {
            var sign = 1
            if expect("-") { sign = -1 } else { _ = expect("+") }
            guard let hours = number() else { return nil }
            var seconds = hours * 3600
            if expect(":") {
                guard let minutes = number() else { return nil }
                seconds += minutes * 60
                if expect(":") {
                    guard let rest = number() else { return nil }
                    seconds += rest
                }
            }
            return sign * seconds
        }

        mutating func number() -> Int? {
            let start = position
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            guard position > start, position - start <= 3 else { return nil }
            return Int(String(decoding: bytes[start..<position], as: UTF8.self))
        }

        mutating func change() -> Change? {
            let day: DayRule
            if expect("J") {
                guard let n = number(), (1...365).contains(n) else { return nil }
                day = .julian(n)
            } else if expect("M") {
                guard let month = number(), expect("."), let week = number(), expect("."), let weekday = number(),
                    (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday)
                else { return nil }
                day = .monthWeekDay(month: month, week: week, weekday: weekday)
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                day = .zeroBased(n)
            }
            var time = 7200
            if expect("/") {
                guard let given = offset() else { return nil }
                time = given
            }
            return Change(day: day, time: time)
        }
    }
}
