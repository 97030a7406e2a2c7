import Catalogue
import Postgres

/// A value of the schedule file, with its line. `${VAR}` references read the environment when the job runs, so the
/// file can name a secret without holding it, and the value never has to be stored.
public struct ScheduleSetting: Sendable, Hashable {
    /// The value as written (references unresolved).
    public let written: String
    public let line: Int
    /// The variables it references, in order.
    public let variables: [String]

    /// Fails (with the line) on a `${` without its `}` or a reference that is not a variable name.
    init(_ written: String, line: Int, file: String) throws(SchedulerError) {
        self.written = written
        self.line = line
        var names: [String] = []
        var rest = Substring(written)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw SchedulerError(.invalidSchedule, "\(file):\(line): '${' without its closing '}'")
            }
            let name = String(rest[start.upperBound..<end])
            guard Self.isVariableName(name) else {
                throw SchedulerError(
                    .invalidSchedule,
                    "\(file):\(line): '${\(TextEscaping.shown(name, limit: 40))}' is not a variable reference (letters, digits and _)"
                )
            }
            names.append(name)
            rest = rest[rest.index(after: end)...]
        }
        variables = names
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, as a shell reads a variable name.
    static func isVariableName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return bytes.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }

    /// The value with every reference replaced from `environment`; an unset or empty variable is an error.
    public func resolved(_ environment: [String: String], file: String) throws(SchedulerError) -> String {
        var result = ""
        var rest = Substring(written)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            let name = String(rest[start.upperBound..<end])
            guard let value = environment[name], !value.isEmpty else {
                throw SchedulerError(.invalidSchedule, "\(file):\(line): the environment variable \(name) is not set")
            }
            result += rest[..<start.lowerBound] + value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

/// Where a job reads the catalogue: a live database, or a snapshot file (which another job may keep fresh).
public enum CatalogueSetting: Sendable, Hashable {
    case db(ScheduleSetting)
    case snapshot(ScheduleSetting)
}

/// What a job does.
public enum JobAction: Sendable, Hashable {
    /// `snapshot: {db, out}`: take a snapshot of the database into `out` (written atomically).
    case snapshot(db: ScheduleSetting, out: ScheduleSetting)
    /// `check: {db|snapshot, models, package, skip, baseline}`: `plan --check` of the models against a fresh snapshot;
    /// with `baseline` (a snapshot file) also any change of the catalogue since it, descriptions included, which the
    /// models do not describe.
    case check(
        catalogue: CatalogueSetting, models: ScheduleSetting, package: ScheduleSetting?, skip: [ScheduleSetting],
        baseline: ScheduleSetting?)
    /// `verify-plans: {dir, db|snapshot}`: every plan file in `dir` is intact and still applies.
    case verifyPlans(dir: ScheduleSetting, catalogue: CatalogueSetting)

    /// The key the schedule file uses.
    public var kind: String {
        switch self {
        case .snapshot: return "snapshot"
        case .check: return "check"
        case .verifyPlans: return "verify-plans"
        }
    }

    /// The settings by key, in the file's vocabulary (for `show-schedule -v` and the variable check).
    public var settings: [(key: String, value: ScheduleSetting)] {
        func catalogue(_ setting: CatalogueSetting) -> (key: String, value: ScheduleSetting) {
            switch setting {
            case .db(let value): return ("db", value)
            case .snapshot(let value): return ("snapshot", value)
            }
        }
        switch self {
        case .snapshot(let db, let out): return [("db", db), ("out", out)]
        case .check(let source, let models, let package, let skip, let baseline):
            return [catalogue(source), ("models", models)] + (package.map { [("package", $0)] } ?? [])
                + skip.map { ("skip", $0) } + (baseline.map { [("baseline", $0)] } ?? [])
        case .verifyPlans(let dir, let source): return [("dir", dir), catalogue(source)]
        }
    }
}

/// One job of the schedule file.
public struct ScheduledJob: Sendable, Hashable {
    /// `id:` as written, or derived from the name (`drift production` → `drift-production`).
    public var id: String
    public var name: String
    public var trigger: JobTrigger
    public var action: JobAction
    /// `on-failure:` a shell command, run with a JSON summary on stdin when the job finds a problem or fails. The
    /// shell expands its variables itself, so their values never pass through this tool.
    public var onFailure: String?
    public var line: Int

    /// The settings for people: as written, with any password in a connection string replaced by `***`.
    public var maskedSettings: [(key: String, value: String)] {
        var result = [(key: "action", value: action.kind)]
        for (key, setting) in action.settings {
            result.append((key, key == "db" ? Self.masked(connection: setting.written) : setting.written))
        }
        if let onFailure { result.append(("on-failure", onFailure)) }
        return result
    }

    /// A connection string as written, password hidden. One that is only a reference (`${PROD_DATABASE_URI}`) shows
    /// as it is; one libpq cannot parse is hidden whole, since its password cannot be found for certain.
    static func masked(connection written: String) -> String {
        if written.hasPrefix("${"), written.hasSuffix("}"), !written.dropFirst(2).contains("$") { return written }
        guard let parsed = try? ConnectionString(written) else { return "***" }
        return parsed.redactor.redact(written)
    }

    /// `drift production` → `drift-production`: lower case, runs of anything but letters and digits as one `-`.
    static func slug(_ name: String) -> String {
        var result = ""
        var pendingDash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !result.isEmpty { result += "-" }
                result.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "job" : result
    }
}
