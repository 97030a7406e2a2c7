import Catalogue
import DomainModels
import Foundation
import Yams

/// The schedule file (`orchestrator-planner-schedule.yaml`): the jobs `scheduler run` runs.
///
/// ```yaml
/// timezone: Europe/Amsterdam            # optional; --timezone overrides it; default the machine's zone
/// jobs:
///   - name: snapshot production
///     cron: "0 2 * * *"                 # or  every: 6h  /  every: day at 02:00
///     snapshot: {db: "${PROD_DATABASE_URI}", out: snapshots/production.sqlite}
/// ```
///
/// Everything is checked when the file is read, and every error names its line; the environment variables it
/// references are checked by `checkEnvironment` before anything runs.
public struct ScheduleFile: Sendable {
    /// The file looked for in the current folder when `--schedule` is not given.
    public static let defaultName = "orchestrator-planner-schedule.yaml"

    public var path: String
    /// `timezone:`, when given.
    public var timezone: String?
    public var jobs: [ScheduledJob]

    /// Reads the file at `path` (as the user gave it: messages name it that way).
    public static func read(_ path: String) throws(SchedulerError) -> ScheduleFile {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path, limit: 1 << 20)
        } catch {
            if case .missing = error {
                throw SchedulerError(
                    .invalidSchedule,
                    "no schedule file at \(path); write one (see docs/scheduler.md) or pass --schedule FILE")
            }
            throw SchedulerError(.invalidSchedule, "cannot read the schedule file: \(error)")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(SchedulerError) -> ScheduleFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw SchedulerError(.invalidSchedule, "\(path): not valid YAML: \(YAMLProductConfig.describe(error))")
        } catch {
            throw SchedulerError(.invalidSchedule, "\(path): not valid YAML: \(error)")
        }
        let reader = Reader(file: path)
        guard let root, let mapping = root.mapping else {
            throw reader.fail(root, "the schedule file must be a mapping with a 'jobs' list")
        }
        try reader.onlyKeys(root, ["jobs", "timezone"], in: "the schedule file")
        var file = ScheduleFile(path: path, timezone: try reader.optionalText(root, "timezone"), jobs: [])
        if let zone = file.timezone, ZoneRules.named(zone) == nil {
            throw reader.fail(
                mapping["timezone"], "unknown time zone '\(zone)' (a tz database name like Europe/Amsterdam)")
        }
        guard let jobsNode = mapping["jobs"] else { throw reader.fail(root, "the schedule file has no 'jobs' list") }
        guard let sequence = jobsNode.sequence else {
            if reader.isNull(jobsNode) { return file }
            throw reader.fail(jobsNode, "'jobs' must be a list of jobs")
        }
        var names: [String: Int] = [:]
        var ids: [String: Int] = [:]
        for node in sequence {
            let job = try reader.job(node)
            if let earlier = names[job.name.lowercased()] {
                throw reader.fail(node, "a second job named '\(job.name)' (the first is on line \(earlier))")
            }
            if let earlier = ids[job.id] {
                throw reader.fail(
                    node, "a second job with id '\(job.id)' (the first is on line \(earlier)); give one an id:")
            }
            names[job.name.lowercased()] = job.line
            ids[job.id] = job.line
            file.jobs.append(job)
        }
        return file
    }

    /// Fails, naming every unset variable with its line, when a job (of `only`, else of all) references a variable
    /// the environment lacks.
    public func checkEnvironment(_ environment: [String: String], only: [ScheduledJob]? = nil) throws(SchedulerError) {
        var missing: [String] = []
        for job in only ?? jobs {
            for (key, setting) in job.action.settings {
                for name in setting.variables where (environment[name] ?? "").isEmpty {
                    missing.append(
                        "\(path):\(setting.line): \(key) of job '\(job.name)' needs \(name), which is not set")
                }
            }
        }
        guard missing.isEmpty else {
            throw SchedulerError(
                .invalidSchedule,
                missing.count == 1
                    ? missing[0] : "environment variables are missing:\n  " + missing.joined(separator: "\n  "))
        }
    }

    /// Reads the nodes of the file, naming `file:line` in every error.
    struct Reader {
        let file: String

        func fail(_ node: Node?, _ message: String) -> SchedulerError {
            let line = node?.mark.map { ":\($0.line)" } ?? ""
            return SchedulerError(.invalidSchedule, TextEscaping.oneLine("\(file)\(line): \(message)"))
        }

        func isNull(_ node: Node) -> Bool {
            guard let scalar = node.scalar, scalar.style == .plain else { return false }
            return ["", "null", "~", "Null", "NULL"].contains(scalar.string)
        }

        func onlyKeys(_ node: Node, _ allowed: [String], in what: String) throws(SchedulerError) {
            for (key, _) in node.mapping ?? [:] {
                guard let name = key.scalar?.string, allowed.contains(name) else {
                    let shown = TextEscaping.shown(key.scalar?.string ?? "?", limit: 40)
                    throw fail(key, "unknown key \(shown) in \(what); expected \(allowed.joined(separator: ", "))")
                }
            }
        }

        func optionalText(_ node: Node, _ key: String) throws(SchedulerError) -> String? {
            guard let value = node.mapping?[key], !isNull(value) else { return nil }
            guard let text = value.scalar?.string, !text.isEmpty else { throw fail(value, "'\(key)' must be a text") }
            return text
        }

        func setting(_ node: Node, _ key: String, in what: String) throws(SchedulerError) -> ScheduleSetting? {
            guard let value = node.mapping?[key], !isNull(value) else { return nil }
            guard let text = value.scalar?.string, !text.isEmpty else {
                throw fail(value, "'\(key)' of \(what) must be a text")
            }
            return try ScheduleSetting(text, line: value.mark?.line ?? 0, file: file)
        }

        func required(_ node: Node, _ key: String, in what: String) throws(SchedulerError) -> ScheduleSetting {
            guard let value = try setting(node, key, in: what) else { throw fail(node, "\(what) needs '\(key)'") }
            return value
        }

        func job(_ node: Node) throws(SchedulerError) -> ScheduledJob {
            guard node.mapping != nil else {
                throw fail(node, "a job must be a mapping with name, a trigger and an action")
            }
            let actions = ["snapshot", "check", "verify-plans"]
            try onlyKeys(node, ["name", "id", "cron", "every", "on-failure"] + actions, in: "a job")
            guard let name = try optionalText(node, "name") else { throw fail(node, "a job needs a 'name'") }
            let what = "job '\(name)'"
            let id = try optionalText(node, "id") ?? ScheduledJob.slug(name)
            let trigger = try self.trigger(node, in: what)
            let given = actions.filter { node.mapping?[$0] != nil }
            guard given.count == 1, let kind = given.first, let body = node.mapping?[kind] else {
                throw fail(node, "\(what) needs exactly one action: snapshot, check or verify-plans")
            }
            guard body.mapping != nil else { throw fail(body, "'\(kind)' of \(what) must be a mapping of settings") }
            let action: JobAction
            switch kind {
            case "snapshot":
                try onlyKeys(body, ["db", "out"], in: "snapshot of \(what)")
                action = .snapshot(
                    db: try required(body, "db", in: "snapshot of \(what)"),
                    out: try required(body, "out", in: "snapshot of \(what)"))
            case "check":
                try onlyKeys(body, ["db", "snapshot", "models", "package", "skip", "baseline"], in: "check of \(what)")
                var skip: [ScheduleSetting] = []
                if let list = body.mapping?["skip"], !isNull(list) {
                    guard let items = list.sequence else { throw fail(list, "'skip' must be a list of texts") }
                    for item in items {
                        guard let text = item.scalar?.string else { throw fail(item, "'skip' must be a list of texts") }
                        skip.append(try ScheduleSetting(text, line: item.mark?.line ?? 0, file: file))
                    }
                }
                var models = try setting(body, "models", in: "check of \(what)")
                if models == nil { models = try ScheduleSetting(".", line: body.mark?.line ?? 0, file: file) }
                guard let models else { throw fail(body, "check of \(what) needs 'models'") }
                action = .check(
                    catalogue: try catalogue(body, in: "check of \(what)"), models: models,
                    package: try setting(body, "package", in: "check of \(what)"), skip: skip,
                    baseline: try setting(body, "baseline", in: "check of \(what)"))
            default:
                try onlyKeys(body, ["dir", "db", "snapshot"], in: "verify-plans of \(what)")
                action = .verifyPlans(
                    dir: try required(body, "dir", in: "verify-plans of \(what)"),
                    catalogue: try catalogue(body, in: "verify-plans of \(what)"))
            }
            return ScheduledJob(
                id: id, name: name, trigger: trigger, action: action, onFailure: try optionalText(node, "on-failure"),
                line: node.mark?.line ?? 0)
        }

        func trigger(_ node: Node, in what: String) throws(SchedulerError) -> JobTrigger {
            let cron = node.mapping?["cron"]
            let every = node.mapping?["every"]
            guard (cron == nil) != (every == nil) else {
                throw fail(node, "\(what) needs exactly one trigger: cron: \"0 2 * * *\" or every: 30m")
            }
            guard let value = cron ?? every, let text = value.scalar?.string else {
                throw fail(cron ?? every, "the trigger of \(what) must be a text")
            }
            do throws(CronExpression.Invalid) {
                return cron != nil ? .cron(try CronExpression(text)) : try JobTrigger.every(text)
            } catch {
                throw fail(value, "\(what): \(error.description)")
            }
        }

        func catalogue(_ body: Node, in what: String) throws(SchedulerError) -> CatalogueSetting {
            let db = try setting(body, "db", in: what)
            let snapshot = try setting(body, "snapshot", in: what)
            switch (db, snapshot) {
            case (let db?, nil): return .db(db)
            case (nil, let snapshot?): return .snapshot(snapshot)
            default: throw fail(body, "\(what) needs one of 'db' (a live database) or 'snapshot' (a snapshot file)")
            }
        }
    }
}
