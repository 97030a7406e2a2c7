import Foundation
import Testing

@testable import Scheduler

/// Five-field cron expressions: the syntax crontab(5) reads, and next runs across month ends, leap days and
/// daylight-saving changes.
@Suite struct CronExpressionTests {
    @Test(arguments: [
        ("* * * *", "has 4"),
        ("60 * * * *", "minute field '60' has 60, outside 0-59"),
        ("* 24 * * *", "hour field '24' has 24, outside 0-23"),
        ("* * 0 * *", "day-of-month field '0' has 0, outside 1-31"),
        ("* * * foo *", "month field 'foo' has 'foo', not a number or a name"),
        ("* * * * funday", "day-of-week field 'funday'"),
        ("5-1 * * * *", "runs backwards"),
        ("*/0 * * * *", "a step is a whole number from 1"),
        ("1,,2 * * * *", "an empty list item"),
        ("0 0 30 2 *", "never runs"),
        ("0 0 31 4,6,9,11 *", "never runs"),
    ])
    func aWrongExpressionSaysWhichField(_ expression: String, _ message: String) {
        #expect {
            _ = try CronExpression(expression)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func namesListsRangesAndStepsAreRead() throws {
        let cron = try CronExpression("0,30 9-17/4 * JAN,jul Mon-FRI")
        #expect(cron.minutes == [0, 30])
        #expect(cron.hours == [9, 13, 17])
        #expect(cron.months == [1, 7])
        #expect(cron.daysOfWeek == [1, 2, 3, 4, 5])
        #expect(try CronExpression("0 0 * * 7").daysOfWeek == [0], "Sunday is 0 or 7")
        #expect(try CronExpression("5/20 * * * *").minutes == [5, 25, 45], "a/n runs to the end of the field")
        #expect(try CronExpression("@daily").text == "@daily")
        #expect(try CronExpression("  0   2 *  * * ").text == "0 2 * * *")
    }

    @Test func nextRunsCrossMonthEndsAndYears() throws {
        #expect(
            try runs("0 0 31 * *", after: utc("2026-01-31 00:00"), in: .utc, count: 3) == [
                "2026-03-31 00:00:00+00:00", "2026-05-31 00:00:00+00:00", "2026-07-31 00:00:00+00:00",
            ])
        #expect(
            try runs("59 23 * * *", after: utc("2026-12-31 23:58"), in: .utc, count: 2) == [
                "2026-12-31 23:59:00+00:00", "2027-01-01 23:59:00+00:00",
            ])
        #expect(
            try runs("0 0 1 * *", after: utc("2026-12-31 23:59"), in: .utc, count: 1) == ["2027-01-01 00:00:00+00:00"])
    }

    @Test func aLeapDayComesEveryFourYearsButNotIn2100() throws {
        #expect(
            try runs("0 12 29 2 *", after: utc("2026-03-01 00:00"), in: .utc, count: 2) == [
                "2028-02-29 12:00:00+00:00", "2032-02-29 12:00:00+00:00",
            ])
        #expect(
            try runs("0 12 29 2 *", after: utc("2096-03-01 00:00"), in: .utc, count: 1) == ["2104-02-29 12:00:00+00:00"]
        )
    }

    @Test func bothDayFieldsMatchEitherDay() throws {
        // The 13th, or any Friday (crontab's rule when both day fields are restricted).
        #expect(
            try runs("0 0 13 * 5", after: utc("2026-02-01 00:00"), in: .utc, count: 4) == [
                "2026-02-06 00:00:00+00:00", "2026-02-13 00:00:00+00:00", "2026-02-20 00:00:00+00:00",
                "2026-02-27 00:00:00+00:00",
            ])
        // Only weekdays when the day of month is `*`.
        #expect(
            try runs("0 9 * * mon-fri", after: utc("2026-01-02 10:00"), in: .utc, count: 2) == [
                "2026-01-05 09:00:00+00:00", "2026-01-06 09:00:00+00:00",
            ])
    }

    /// Europe/Amsterdam: 2027-03-28 02:00 CET jumps to 03:00 CEST (01:00 UTC); 2027-10-31 03:00 CEST goes back to
    /// 02:00 CET (01:00 UTC).
    @Test func aSkippedWallTimeRunsAtTheJump() throws {
        let amsterdam = try zone("Europe/Amsterdam")
        #expect(
            try runs("30 2 * * *", after: utc("2027-03-27 12:00"), in: amsterdam, count: 2) == [
                "2027-03-28 03:00:00+02:00", "2027-03-29 02:30:00+02:00",
            ])
        // 02:00 (skipped) and 03:00 are the same instant: one run.
        #expect(
            try runs("0 * * * *", after: utc("2027-03-28 00:30"), in: amsterdam, count: 2) == [
                "2027-03-28 03:00:00+02:00", "2027-03-28 04:00:00+02:00",
            ])
        let newYork = try zone("America/New_York")
        #expect(
            try runs("30 2 * * *", after: utc("2027-03-13 12:00"), in: newYork, count: 2) == [
                "2027-03-14 03:00:00-04:00", "2027-03-15 02:30:00-04:00",
            ])
    }

    @Test func aRepeatedWallTimeRunsOnceUnlessTheHourIsAWildcard() throws {
        let amsterdam = try zone("Europe/Amsterdam")
        #expect(
            try runs("30 2 * * *", after: utc("2027-10-30 12:00"), in: amsterdam, count: 2) == [
                "2027-10-31 02:30:00+02:00", "2027-11-01 02:30:00+01:00",
            ])
        #expect(
            try runs("*/30 * * * *", after: utc("2027-10-31 00:00"), in: amsterdam, count: 4) == [
                "2027-10-31 02:30:00+02:00", "2027-10-31 02:00:00+01:00", "2027-10-31 02:30:00+01:00",
                "2027-10-31 03:00:00+01:00",
            ])
    }

    @Test func everyReadsIntervalsAndDailyTimes() throws {
        #expect(try JobTrigger.every("30m") == .interval(seconds: 1800, text: "30m"))
        #expect(try JobTrigger.every("6h").display == "interval[6:00:00]")
        #expect(try JobTrigger.every("2d").display == "interval[2 days, 0:00:00]")
        #expect(try JobTrigger.every("45s").display == "interval[0:00:45]")
        let daily = try JobTrigger.every("day at 02:30")
        #expect(daily.display == "cron[30 2 * * *]")
        #expect(daily.written == "every: day at 02:30")
        let amsterdam = try zone("Europe/Amsterdam")
        let first = try #require(daily.firstRun(after: utc("2027-03-27 12:00"), in: amsterdam))
        #expect(PythonTime.datetime(instant: first, in: amsterdam) == "2027-03-28 03:00:00+02:00")
        for wrong in ["0m", "5x", "m", "-5m", "day at 25:00", "day at 2", "every day"] {
            #expect(throws: CronExpression.Invalid.self, "\(wrong)") { _ = try JobTrigger.every(wrong) }
        }
    }

    @Test func anIntervalKeepsItsCadenceAndCoalescesMissedRuns() throws {
        let trigger = try JobTrigger.every("30m")
        let start = utc("2026-06-01 12:00")
        #expect(trigger.firstRun(after: start, in: .utc) == start + 1800)
        // On time: the next is one interval later.
        #expect(trigger.nextRun(afterScheduled: start, now: start + 5, in: .utc) == start + 1800)
        // Two hours late: the missed runs are not made up, the cadence is kept.
        #expect(trigger.nextRun(afterScheduled: start, now: start + 7500, in: .utc) == start + 9000)
        // A cron trigger's next run after a late one is its next match after now.
        let cron = JobTrigger.cron(try CronExpression("0 * * * *"))
        #expect(cron.nextRun(afterScheduled: start, now: start + 7500, in: .utc) == start + 10800)
    }
}
