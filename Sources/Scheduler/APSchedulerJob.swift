import Catalogue

/// One job of orchestrator-core's APScheduler job store, as orchestrator-core 5.5.0's `scheduler show-schedule`
/// prints it: id, name, source (`API` when the linker table names it, else `decorator`), next run time
/// (`str(next_run_time.replace(microsecond=0))`), APScheduler's trigger text, and with `-v` the kwargs
/// (`json.dumps(kwargs, indent=2)`).
///
/// The job state is read by `PickleReader`, which runs nothing; only the classes APScheduler stores are understood.
/// Anything else is shown as `unknown`, with a diagnostic saying what was found.
public struct APSchedulerJob: Sendable, Hashable {
    public var id: String
    public var name: String
    public var source: String
    public var nextRunTime: String
    /// For sorting: seconds since the epoch; nil for a paused job (sorted last).
    public var nextRunInstant: Double?
    public var trigger: String
    public var kwargs: String
    /// What could not be read, one line each (never a value of the job state).
    public var diagnostics: [String]

    /// A part of a job state this reader does not understand.
    struct Unreadable: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static let unknown = "unknown"

    /// The job of `row`; `apiManaged` when `workflows_apscheduler_jobs` links it to a workflow.
    public init(row: OrchestratorSchedule.Job, apiManaged: Bool) {
        id = row.id
        source = apiManaged ? "API" : "decorator"
        name = Self.unknown
        trigger = Self.unknown
        kwargs = Self.unknown
        diagnostics = []
        // Until the state says otherwise: the table's own column (UTC).
        nextRunInstant = row.nextRunTime
        nextRunTime = row.nextRunTime.map { PythonTime.datetime(instant: Int64($0.rounded(.down)), in: .utc) } ?? "None"

        let document: PickleDocument
        do throws(PickleReader.Failure) {
            document = try PickleReader.read(row.jobState)
        } catch {
            diagnostics.append("job \(row.id): the job state could not be read (\(error)); shown as unknown")
            return
        }
        // The document empties its containers when released: it must outlive the reading of them.
        withExtendedLifetime(document) {
            guard let state = document.root.dict else {
                diagnostics.append("job \(row.id): the job state is not a dict; shown as unknown")
                return
            }
            read(state)
        }
    }

    private mutating func read(_ state: PickleDict) {
        if let version = state["version"]?.int, version > 1 {
            diagnostics.append("job \(id): job state version \(version) is newer than APScheduler 3's")
        }
        if let name = state["name"]?.string { self.name = name } else { note("name", "it is not a text") }
        switch state["next_run_time"] {
        case .none?:
            nextRunTime = "None"
            nextRunInstant = nil
        case let value?:
            do throws(Unreadable) {
                let time = try PythonDateTime(value)
                nextRunTime = time.textWithoutMicroseconds
                nextRunInstant = time.instant
            } catch { note("next run time", error.reason) }
        case nil: note("next run time", "the state has none")
        }
        do throws(Unreadable) {
            guard let value = state["trigger"] else { throw Unreadable("the state has none") }
            trigger = try Self.trigger(value)
        } catch { note("trigger", error.reason) }
        do throws(Unreadable) {
            guard let value = state["kwargs"] else { throw Unreadable("the state has none") }
            kwargs = PythonJSON.dumps(try PickleJSON.value(value), indent: 2)
        } catch { note("kwargs", error.reason) }
    }

    private mutating func note(_ part: String, _ reason: String) {
        diagnostics.append("job \(id): its \(part) is shown as unknown: \(reason)")
    }

    // MARK: - Triggers

    static func trigger(_ value: PickleValue) throws(Unreadable) -> String {
        guard case .object(let object) = value, object.kind == .instance, let type = object.callable.qualifiedName
        else { throw Unreadable("expected a trigger, found a \(value.kindName)") }
        guard let state = object.stateDict else { throw Unreadable("\(type) without its state") }
        return try trigger(type, state, depth: 0)
    }

    /// `str()` of the trigger of class `type` with `state`. Combining triggers hold their triggers as (class
    /// reference, state) pairs, read here to a fixed depth (a hostile state cannot nest them to a stack overflow).
    static func trigger(_ type: String, _ state: PickleDict, depth: Int) throws(Unreadable) -> String {
        switch type {
        case "apscheduler.triggers.interval.IntervalTrigger":
            guard let interval = state["interval"] else { throw Unreadable("an interval trigger without interval") }
            let delta = try PythonDateTime.timedeltaSeconds(interval)
            return "interval[\(PythonTime.timedelta(seconds: delta.seconds, microseconds: delta.microseconds))]"
        case "apscheduler.triggers.date.DateTrigger":
            guard let runDate = state["run_date"] else { throw Unreadable("a date trigger without run_date") }
            let date = try PythonDateTime(runDate)
            return "date[\(PythonTime.datetimeRepr(date.wall, zoneName: date.zoneName))]"
        case "apscheduler.triggers.cron.CronTrigger":
            guard let fields = state["fields"]?.items else { throw Unreadable("a cron trigger without fields") }
            var options: [String] = []
            for field in fields {
                guard case .object(let fieldObject) = field, let fieldState = fieldObject.stateDict,
                    let name = fieldState["name"]?.string, let expressions = fieldState["expressions"]?.items
                else { throw Unreadable("a cron field that is not APScheduler's") }
                if fieldState["is_default"]?.int == 1 { continue }
                let text = try expressions.map { expression throws(Unreadable) in try cronExpression(expression) }
                options.append("\(name)='\(text.joined(separator: ","))'")
            }
            return "cron[\(options.joined(separator: ", "))]"
        case "apscheduler.triggers.combining.AndTrigger", "apscheduler.triggers.combining.OrTrigger":
            guard depth < 8 else { throw Unreadable("combining triggers nested more than 8 deep") }
            guard let parts = state["triggers"]?.items else { throw Unreadable("a combining trigger without triggers") }
            let texts = try parts.map { part throws(Unreadable) -> String in
                // `obj_to_ref`: "apscheduler.triggers.cron:CronTrigger".
                guard let pair = part.items, pair.count == 2, let reference = pair[0].string,
                    let separator = reference.firstIndex(of: ":"), let partState = pair[1].dict
                else { throw Unreadable("a combined trigger that is not a (class, state) pair") }
                let partType = String(reference[..<separator]) + "." + reference[reference.index(after: separator)...]
                return try trigger(partType, partState, depth: depth + 1)
            }
            return "\(type.hasSuffix(".AndTrigger") ? "and" : "or")[\(texts.joined(separator: ", "))]"
        default:
            throw Unreadable(
                "the trigger class \(type) is not one APScheduler 3 stores (interval, cron, date, and, or)")
        }
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let positions = ["1st", "2nd", "3rd", "4th", "5th", "last"]

    /// `str()` of one of APScheduler's cron expressions.
    static func cronExpression(_ value: PickleValue) throws(Unreadable) -> String {
        guard case .object(let object) = value, let type = object.callable.qualifiedName,
            type.hasPrefix("apscheduler.triggers.cron.expressions."), let state = object.stateDict
        else { throw Unreadable("a cron expression that is not APScheduler's (\(value.kindName))") }
        let step = state["step"]?.int
        let first = state["first"]?.int.map(Int.init)
        let last = state["last"]?.int.map(Int.init)
        func name(_ names: [String], _ index: Int?) throws(Unreadable) -> String {
            guard let index, names.indices.contains(index) else { throw Unreadable("a cron name out of range") }
            return names[index]
        }
        switch type.split(separator: ".").last ?? "" {
        case "AllExpression": return step.map { "*/\($0)" } ?? "*"
        case "RangeExpression":
            guard let first else { throw Unreadable("a cron range without its start") }
            var text = last.map { $0 != first ? "\(first)-\($0)" : "\(first)" } ?? "\(first)"
            if let step, step != 0 { text += "/\(step)" }
            return text
        case "MonthRangeExpression":
            let start = try name(months, first.map { $0 - 1 })
            guard let last, last != first else { return start }
            return "\(start)-\(try name(months, last - 1))"
        case "WeekdayRangeExpression":
            let start = try name(weekdays, first)
            guard let last, last != first else { return start }
            return "\(start)-\(try name(weekdays, last))"
        case "WeekdayPositionExpression":
            return "\(try name(positions, state["option_num"]?.int.map(Int.init))) "
                + (try name(weekdays, state["weekday"]?.int.map(Int.init)))
        case "LastDayOfMonthExpression": return "last"
        default: throw Unreadable("the cron expression class \(type) is unknown")
        }
    }
}

/// `json.dumps` of the kwargs in a job state: what JSON can hold; anything else fails as it does in Python.
enum PickleJSON {
    static func value(_ value: PickleValue, depth: Int = 0) throws(APSchedulerJob.Unreadable) -> JSONValue {
        guard depth < 64 else { throw APSchedulerJob.Unreadable("the kwargs nest too deep") }
        switch value {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .number(String(number))
        case .float(let number):
            if number.isNaN { return .number("NaN") }
            if number.isInfinite { return .number(number < 0 ? "-Infinity" : "Infinity") }
            return .number(PythonNumber.repr(number))
        case .string(let text): return .string(text)
        case .tuple(let list), .list(let list):
            return .array(
                try list.items.map { item throws(APSchedulerJob.Unreadable) in try Self.value(item, depth: depth + 1) })
        case .dict(let dict):
            var members: [(key: String, value: JSONValue)] = []
            for (key, item) in dict.entries {
                members.append((try Self.key(key), try Self.value(item, depth: depth + 1)))
            }
            return .object(members)
        default:
            throw APSchedulerJob.Unreadable("they hold a \(value.kindName), which json.dumps cannot write")
        }
    }

    /// JSON keys as `json.dumps` converts them.
    static func key(_ value: PickleValue) throws(APSchedulerJob.Unreadable) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "null"
        case .float(let number): return PythonNumber.repr(number)
        default: throw APSchedulerJob.Unreadable("a key of type \(value.kindName), which json.dumps cannot write")
        }
    }
}
