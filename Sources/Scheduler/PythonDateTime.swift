/// A Python `datetime` read from a pickle: its wall-clock fields, PEP 495's fold, and its time zone.
struct PythonDateTime {
    /// The time zone kinds a job state holds.
    enum Zone {
        /// `zoneinfo.ZoneInfo` (APScheduler 3.9 and later), with the rules of the key.
        case zoneInfo(ZoneRules)
        /// `datetime.timezone(offset[, name])`.
        case fixed(offset: Int, name: String?)
        /// A pytz zone as pickled: the offset and abbreviation of the moment it was localised for.
        case pytz(offset: Int, name: String)
    }

    var wall: CivilTime
    var fold: Bool
    var zone: Zone?

    /// `utcoffset()` in seconds; nil for a naive datetime.
    var offset: Int? {
        switch zone {
        case nil: return nil
        case .zoneInfo(let rules): return rules.localType(forWall: wall, fold: fold).offset
        case .fixed(let offset, _), .pytz(let offset, _): return offset
        }
    }

    /// `tzname()`: what `%Z` prints.
    var zoneName: String? {
        switch zone {
        case nil: return nil
        case .zoneInfo(let rules): return rules.localType(forWall: wall, fold: fold).abbreviation
        case .fixed(let offset, let name): return name ?? ZoneRules.fixedName(offset)
        case .pytz(_, let name): return name
        }
    }

    /// Seconds since the epoch (a naive datetime is taken as UTC, for sorting only).
    var instant: Double {
        Double(wall.localSeconds - Int64(offset ?? 0)) + Double(wall.microsecond) / 1_000_000
    }

    /// `str(self.replace(microsecond=0))`.
    var textWithoutMicroseconds: String {
        var plain = wall
        plain.microsecond = 0
        return PythonTime.datetime(plain, offset: offset)
    }

    /// Reads `datetime.datetime(bytes, tzinfo)` as pickled. Throws a diagnostic for anything else, or an unknown zone.
    init(_ value: PickleValue) throws(APSchedulerJob.Unreadable) {
        guard case .object(let object) = value, object.callable.qualifiedName == "datetime.datetime",
            let first = object.arguments.first, let data = Self.bytes(first), data.count == 10
        else { throw APSchedulerJob.Unreadable("expected a datetime, found a \(value.kindName)") }
        let month = Int(data[2] & 0x7F)
        wall = CivilTime(
            year: Int(data[0]) << 8 | Int(data[1]), month: month, day: Int(data[3]), hour: Int(data[4]),
            minute: Int(data[5]), second: Int(data[6]),
            microsecond: Int(data[7]) << 16 | Int(data[8]) << 8 | Int(data[9]))
        fold = data[2] & 0x80 != 0
        guard (1...12).contains(month), (1...31).contains(wall.day), wall.hour < 24, wall.minute < 60,
            wall.second < 60, wall.microsecond < 1_000_000
        else { throw APSchedulerJob.Unreadable("a datetime with impossible fields") }
        zone = object.arguments.count > 1 ? try Self.zone(object.arguments[1]) : nil
    }

    /// The datetime's packed fields: bytes (protocol 3 and later) or the latin-1 text protocols 0 to 2 use.
    private static func bytes(_ value: PickleValue) -> [UInt8]? {
        switch value {
        case .bytes(let data): return data
        case .string(let text): return latin1Bytes(text)
        case .object(let call) where call.callable.qualifiedName == "_codecs.encode":
            guard let text = call.arguments.first?.string else { return nil }
            return latin1Bytes(text)
        default: return nil
        }
    }

    private static func latin1Bytes(_ text: String) -> [UInt8]? {
        var data: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            data.append(UInt8(scalar.value))
        }
        return data
    }

    static func zone(_ value: PickleValue) throws(APSchedulerJob.Unreadable) -> Zone? {
        switch value {
        case .none: return nil
        case .object(let call) where call.kind == .call:
            switch call.callable.qualifiedName {
            case "zoneinfo.ZoneInfo._unpickle", "backports.zoneinfo.ZoneInfo._unpickle":
                guard let key = call.arguments.first?.string else { break }
                guard let rules = ZoneRules.named(key) else {
                    throw APSchedulerJob.Unreadable("the time zone '\(key)' is not in this machine's tz database")
                }
                return .zoneInfo(rules)
            case "datetime.timezone":
                guard let delta = call.arguments.first else { break }
                let seconds = try timedeltaSeconds(delta)
                return .fixed(
                    offset: Int(seconds.seconds), name: call.arguments.count > 1 ? call.arguments[1].string : nil)
            case "pytz._p":
                guard let key = call.arguments.first?.string else { break }
                if call.arguments.count >= 4, let offset = call.arguments[1].int, let name = call.arguments[3].string {
                    return .pytz(offset: Int(offset), name: name)
                }
                guard let rules = ZoneRules.named(key) else {
                    throw APSchedulerJob.Unreadable("the time zone '\(key)' is not in this machine's tz database")
                }
                return .zoneInfo(rules)
            case "pytz._UTC": return .fixed(offset: 0, name: "UTC")
            default: break
            }
        default: break
        }
        throw APSchedulerJob.Unreadable("an unknown time zone (\(value.kindName))")
    }

    /// `datetime.timedelta(days, seconds, microseconds)` as whole seconds and the microseconds left.
    static func timedeltaSeconds(
        _ value: PickleValue
    ) throws(APSchedulerJob.Unreadable) -> (
        seconds: Int64, microseconds: Int64
    ) {
        guard case .object(let call) = value, call.callable.qualifiedName == "datetime.timedelta" else {
            throw APSchedulerJob.Unreadable("expected a timedelta, found a \(value.kindName)")
        }
        let parts = call.arguments.map(\.int)
        let days = parts.count > 0 ? parts[0] : 0
        let seconds = parts.count > 1 ? parts[1] : 0
        let microseconds = parts.count > 2 ? parts[2] : 0
        guard let days, let seconds, let microseconds else {
            throw APSchedulerJob.Unreadable("a timedelta with parts that are not integers")
        }
        return (days * 86_400 + seconds, microseconds)
    }
}
