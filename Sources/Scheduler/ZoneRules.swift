import Foundation

/// A time zone's rules, read from the system's tz database (`/usr/share/zoneinfo`, or `$TZDIR`) as Python's
/// `zoneinfo` reads them, so offsets and abbreviations (`CEST`, not ICU's `GMT+2`) are the ones orchestrator-core
/// prints. Also fixed offsets (Python's `datetime.timezone`).
public struct ZoneRules: Sendable, Hashable {
    /// One kind of local time: its offset from UTC, whether it is daylight-saving time, and its abbreviation.
    public struct LocalType: Sendable, Hashable {
        public var offset: Int
        public var isDST: Bool
        public var abbreviation: String
    }

    /// What a wall-clock time is in this zone.
    public enum Resolution: Sendable, Equatable {
        /// It happens once, at this instant (seconds since the epoch).
        case unique(Int64)
        /// It happens twice (the clock went back): first and second instant.
        case repeated(Int64, Int64)
        /// It never happens (the clock jumped over it): the instant the jump happened.
        case skipped(transition: Int64)
    }

    /// The name given (`Europe/Amsterdam`, `UTC`, `UTC+02:00`).
    public let key: String
    /// Transition instants (UTC seconds), ascending, and the local type from each on.
    let transitions: [Int64]
    let transitionTypes: [LocalType]
    /// The type before the first transition (RFC 8536: type 0).
    let initialType: LocalType
    /// The footer rule for instants after the last transition.
    let footer: PosixZoneRule?

    init(
        key: String, transitions: [Int64], transitionTypes: [LocalType], initialType: LocalType, footer: PosixZoneRule?
    ) {
        self.key = key
        self.transitions = transitions
        self.transitionTypes = transitionTypes
        self.initialType = initialType
        self.footer = footer
    }

    /// UTC, named `UTC` (Python's `timezone.utc`).
    public static let utc = ZoneRules.fixed(offset: 0, name: "UTC", key: "UTC")

    /// A fixed offset, as Python's `datetime.timezone(timedelta, name)`.
    public static func fixed(offset: Int, name: String? = nil, key: String? = nil) -> ZoneRules {
        let label = name ?? fixedName(offset)
        let type = LocalType(offset: offset, isDST: false, abbreviation: label)
        return ZoneRules(key: key ?? label, transitions: [], transitionTypes: [], initialType: type, footer: nil)
    }

    /// Python's name of an unnamed fixed offset: `UTC` for zero, else `UTC+02:00` (`:SS` when there are seconds).
    public static func fixedName(_ offset: Int) -> String {
        guard offset != 0 else { return "UTC" }
        return "UTC" + offsetText(offset)
    }

    /// `+02:00`, `-05:30`, `+00:00:30`: Python's `utcoffset` in `str(datetime)`.
    public static func offsetText(_ offset: Int) -> String {
        let magnitude = abs(offset)
        var text =
            (offset < 0 ? "-" : "+") + CivilTime.padded(magnitude / 3600, 2) + ":"
            + CivilTime.padded(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += ":" + CivilTime.padded(magnitude % 60, 2) }
        return text
    }

    /// The local type in effect at `instant` (UTC seconds).
    public func localType(at instant: Int64) -> LocalType {
        guard let last = transitions.last else { return footer?.localType(at: instant) ?? initialType }
        if instant >= last, let footer { return footer.localType(at: instant) }
        // The last transition at or before `instant`.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialType : transitionTypes[low - 1]
    }

    public func offset(at instant: Int64) -> Int { localType(at: instant).offset }

    /// The wall-clock time at `instant`.
    public func civilTime(at instant: Int64) -> CivilTime {
        CivilTime(localSeconds: instant + Int64(offset(at: instant)))
    }

    /// When `wall` happens here. Offsets change at most once in any two days, so the offsets a day before and a
    /// day after are the only candidates.
    public func resolve(_ wall: CivilTime) -> Resolution {
        let local = wall.localSeconds
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        let candidates = Set([local - Int64(before), local - Int64(after)]).sorted()
        let valid = candidates.filter { offset(at: $0) == Int(local - $0) }
        switch valid.count {
        case 0:
            // Skipped: the jump happened between the two candidates; find its second.
            var low = candidates.first ?? local
            var high = candidates.last ?? local
            let startOffset = offset(at: low)
            while high - low > 1 {
                let middle = low + (high - low) / 2
                if offset(at: middle) == startOffset { low = middle } else { high = middle }
            }
            return .skipped(transition: high)
        case 1: return .unique(valid[0])
        default: return .repeated(valid[0], valid[valid.count - 1])
        }
    }

    /// The local type that Python's `zoneinfo` gives a wall time (with `fold`, PEP 495): the first occurrence for
    /// fold 0 and the second for fold 1; in a gap, the offset before the jump for fold 0 and after it for fold 1.
    public func localType(forWall wall: CivilTime, fold: Bool) -> LocalType {
        switch resolve(wall) {
        case .unique(let instant): return localType(at: instant)
        case .repeated(let first, let second): return localType(at: fold ? second : first)
        case .skipped(let transition): return localType(at: fold ? transition : transition - 1)
        }
    }
}

extension ZoneRules {
    /// The folders searched for a zone's file, as Python's `zoneinfo.TZPATH` (`$TZDIR` first).
    static var searchPath: [String] {
        var folders = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo"]
        if let custom = ProcessInfo.processInfo.environment["TZDIR"], !custom.isEmpty { folders.insert(custom, at: 0) }
        return folders
    }

    /// The zone `key` (`Europe/Amsterdam`, `UTC`, `Etc/GMT-2`), read from the tz database. nil when no such zone.
    public static func named(_ key: String) -> ZoneRules? {
        if key == "UTC" || key == "Z" { return .utc }
        // A key is a relative path of names: no `..`, no absolute path, nothing a user could use to read any file.
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !key.isEmpty, !key.hasPrefix("/"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
        else { return nil }
        for folder in searchPath {
            let path = folder + "/" + key
            if let data = FileManager.default.contents(atPath: path), let rules = try? TZif.parse(data, key: key) {
                return rules
            }
        }
        return nil
    }

    /// The machine's zone: `$TZ` when it names a zone, else the zone `/etc/localtime` links to, else UTC.
    public static func local(environment: [String: String] = ProcessInfo.processInfo.environment) -> ZoneRules {
        if var tz = environment["TZ"], !tz.isEmpty {
            if tz.hasPrefix(":") { tz.removeFirst() }
            if let rules = named(tz) { return rules }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
            let range = target.range(of: "zoneinfo/"), let rules = named(String(target[range.upperBound...]))
        {
            return rules
        }
        if let data = FileManager.default.contents(atPath: "/etc/localtime"),
            let rules = try? TZif.parse(data, key: "localtime")
        {
            return rules
        }
        return .utc
    }
}
