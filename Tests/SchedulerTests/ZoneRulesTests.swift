import Foundation
import Testing

@testable import Scheduler

/// Time zones read from the tz database as Python's zoneinfo reads them, and Python's text of times.
@Suite struct ZoneRulesTests {
    @Test func offsetsAndAbbreviationsAreThoseOfTheDatabase() throws {
        let amsterdam = try zone("Europe/Amsterdam")
        #expect(
            amsterdam.localType(at: utc("2026-01-15 12:00")) == .init(offset: 3600, isDST: false, abbreviation: "CET"))
        #expect(
            amsterdam.localType(at: utc("2026-07-15 12:00")) == .init(offset: 7200, isDST: true, abbreviation: "CEST"))
        // Past the last listed transition the file's footer rule (CET-1CEST,M3.5.0,M10.5.0/3) decides.
        #expect(amsterdam.localType(at: utc("2060-07-01 12:00")).abbreviation == "CEST")
        #expect(amsterdam.localType(at: utc("2060-12-01 12:00")).abbreviation == "CET")
        #expect(amsterdam.offset(at: utc("2060-03-28 00:59")) == 3600, "2060-03-28 is the last Sunday of March")
        #expect(amsterdam.offset(at: utc("2060-03-28 01:00")) == 7200)
        let sydney = try zone("Australia/Sydney")
        #expect(
            sydney.localType(at: utc("2060-01-15 00:00")) == .init(offset: 39600, isDST: true, abbreviation: "AEDT"))
        #expect(
            sydney.localType(at: utc("2060-07-15 00:00")) == .init(offset: 36000, isDST: false, abbreviation: "AEST"))
        #expect(try zone("Asia/Kolkata").localType(at: utc("2026-01-01 00:00")).abbreviation == "IST")
        #expect(try zone("Asia/Kolkata").offset(at: utc("2026-01-01 00:00")) == 19800)
    }

    @Test func wallTimesAreResolvedAroundTheChanges() throws {
        let amsterdam = try zone("Europe/Amsterdam")
        let skipped = CivilTime(year: 2027, month: 3, day: 28, hour: 2, minute: 30)
        #expect(amsterdam.resolve(skipped) == .skipped(transition: utc("2027-03-28 01:00")))
        let repeated = CivilTime(year: 2027, month: 10, day: 31, hour: 2, minute: 30)
        #expect(amsterdam.resolve(repeated) == .repeated(utc("2027-10-31 00:30"), utc("2027-10-31 01:30")))
        #expect(amsterdam.localType(forWall: repeated, fold: false).abbreviation == "CEST")
        #expect(amsterdam.localType(forWall: repeated, fold: true).abbreviation == "CET")
        // PEP 495 in a gap: fold 0 takes the offset before the jump.
        #expect(amsterdam.localType(forWall: skipped, fold: false).offset == 3600)
        #expect(amsterdam.localType(forWall: skipped, fold: true).offset == 7200)
    }

    @Test func posixRulesAreRead() throws {
        let eastern = try #require(PosixZoneRule("EST5EDT,M3.2.0,M11.1.0"))
        #expect(eastern.localType(at: utc("2031-03-09 06:59")).abbreviation == "EST")
        #expect(eastern.localType(at: utc("2031-03-09 07:00")).abbreviation == "EDT")
        #expect(eastern.localType(at: utc("2031-11-02 05:59")).abbreviation == "EDT")
        #expect(eastern.localType(at: utc("2031-11-02 06:00")).abbreviation == "EST")
        let quoted = try #require(PosixZoneRule("<+0330>-3:30"))
        #expect(quoted.localType(at: 0) == .init(offset: 12600, isDST: false, abbreviation: "+0330"))
        #expect(PosixZoneRule("XX") == nil)
        #expect(PosixZoneRule("CET-1CEST,M13.5.0,M10.5.0/3") == nil)
    }

    @Test func aZoneNameCannotReachOtherFiles() {
        for name in ["../../etc/passwd", "/etc/passwd", "Europe/../../../etc/passwd", "", "Europe//Amsterdam"] {
            #expect(ZoneRules.named(name) == nil, "\(name)")
        }
        #expect(ZoneRules.named("Not/AZone") == nil)
        #expect(ZoneRules.named("UTC") == .utc)
    }

    @Test func pythonTextOfTimes() {
        #expect(PythonTime.timedelta(seconds: 3600) == "1:00:00")
        #expect(PythonTime.timedelta(seconds: 30) == "0:00:30")
        #expect(PythonTime.timedelta(seconds: 86_400) == "1 day, 0:00:00")
        #expect(PythonTime.timedelta(days: 2, seconds: 11_045) == "2 days, 3:04:05")
        #expect(PythonTime.timedelta(seconds: -1) == "-1 day, 23:59:59")
        #expect(PythonTime.timedelta(seconds: 0, microseconds: 500) == "0:00:00.000500")
        #expect(ZoneRules.offsetText(-12600) == "-03:30")
        #expect(ZoneRules.offsetText(30) == "+00:00:30")
        #expect(ZoneRules.fixedName(0) == "UTC")
        #expect(ZoneRules.fixedName(7200) == "UTC+02:00")
        let wall = CivilTime(year: 2031, month: 5, day: 17, hour: 8, minute: 30, second: 0, microsecond: 12)
        #expect(PythonTime.datetime(wall, offset: 0) == "2031-05-17 08:30:00.000012+00:00")
        #expect(PythonTime.datetime(wall, offset: nil) == "2031-05-17 08:30:00.000012")
        #expect(PythonTime.datetimeRepr(wall, zoneName: "CEST") == "2031-05-17 08:30:00 CEST")
        #expect(CivilTime(year: 2026, month: 12, day: 1).weekday == 1, "a Tuesday")
        #expect(CivilTime(localSeconds: utc("1969-12-31 23:59:59")).description == "1969-12-31 23:59:59")
    }
}
