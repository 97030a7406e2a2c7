/// Python's text of times, as orchestrator-core prints them: `str(timedelta)` and `str(datetime)`.
public enum PythonTime {
    /// `str(timedelta(days, seconds, microseconds))`: `1:00:00`, `0:00:30`, `1 day, 0:00:00`, `-1 day, 23:59:59`,
    /// `0:00:00.500000`. The parts are normalised first, as Python stores them.
    public static func timedelta(days: Int64 = 0, seconds: Int64, microseconds: Int64 = 0) -> String {
        var totalMicroseconds = microseconds
        var totalSeconds = seconds + days * 86_400 + CivilTime.floorDivide(totalMicroseconds, 1_000_000)
        totalMicroseconds = CivilTime.floorModulo(totalMicroseconds, 1_000_000)
        let normalisedDays = CivilTime.floorDivide(totalSeconds, 86_400)
        totalSeconds = CivilTime.floorModulo(totalSeconds, 86_400)
        var text = ""
        if normalisedDays != 0 { text = "\(normalisedDays) day\(abs(normalisedDays) == 1 ? "" : "s"), " }
        text +=
            "\(totalSeconds / 3600):\(CivilTime.padded(Int(totalSeconds / 60 % 60), 2)):"
            + CivilTime.padded(Int(totalSeconds % 60), 2)
        if totalMicroseconds != 0 { text += "." + CivilTime.padded(Int(totalMicroseconds), 6) }
        return text
    }

    /// `str(datetime)` of an aware datetime: `2026-12-02 00:10:00+01:00`; naive (no offset): without the suffix.
    public static func datetime(_ wall: CivilTime, offset: Int?) -> String {
        wall.description + (offset.map(ZoneRules.offsetText) ?? "")
    }

    /// `str(dt.replace(microsecond=0))` of the instant `instant` (UTC seconds) on the clock of `zone`: how
    /// orchestrator-core's `show-schedule` prints a next run time.
    public static func datetime(instant: Int64, in zone: ZoneRules) -> String {
        let type = zone.localType(at: instant)
        return datetime(CivilTime(localSeconds: instant + Int64(type.offset)), offset: type.offset)
    }

    /// APScheduler's `datetime_repr`: `strftime("%Y-%m-%d %H:%M:%S %Z")` (the abbreviation of the zone in effect).
    public static func datetimeRepr(_ wall: CivilTime, zoneName: String?) -> String {
        var plain = wall
        plain.microsecond = 0
        return plain.description + " " + (zoneName ?? "")
    }
}
