import Apply
import Catalogue
import DomainModels
import Foundation
import Planner
import Postgres
import Snapshot

/// What a run found: its result, one line for the log and the store, and the details (the changes of a drift, the
/// plans that went stale) for `on-failure` and `--log-format json`.
public struct JobOutcome: Sendable, Hashable {
    public var result: JobResult
    public var message: String
    public var details: [String]

    public init(_ result: JobResult, _ message: String, details: [String] = []) {
        self.result = result
        self.message = message
        self.details = details
    }
}

/// Runs a job's action. The scheduler loop and `force` take one, so their tests can count runs without a database.
public protocol JobRunning {
    func run(_ job: ScheduledJob, startedAt: Date) -> JobOutcome
}

/// The real actions: snapshot, check and verify-plans, through the same library operations as `snapshot create`,
/// `plan --check` and `apply`'s staleness check. Relative paths are relative to the schedule file's folder, so the
/// file works from wherever `scheduler run` is started.
public struct JobActions: JobRunning {
    public var environment: [String: String]
    /// The schedule file, for messages (`file:line`), and its folder for relative paths.
    public var scheduleFile: String

    public init(environment: [String: String], scheduleFile: String) {
        self.environment = environment
        self.scheduleFile = scheduleFile
    }

    public func run(_ job: ScheduledJob, startedAt: Date) -> JobOutcome {
        var redactor = Redactor()
        do {
            switch job.action {
            case .snapshot(let db, let out):
                let target = try connection(db, &redactor)
                return try snapshot(target, into: path(out), startedAt: startedAt)
            case .check(let source, let models, let package, let skip, let baseline):
                let current = try catalogue(source, startedAt: startedAt, &redactor)
                var outcome = try check(
                    current, models: path(models), package: try package.map(resolved),
                    skip: try skip.map(resolved), startedAt: startedAt)
                if let baseline { outcome = try compare(current, with: path(baseline), after: outcome) }
                return outcome
            case .verifyPlans(let dir, let source):
                let folder = try path(dir)
                let current = try catalogue(source, startedAt: startedAt, &redactor)
                return try verifyPlans(in: folder, against: current)
            }
        } catch {
            // Module errors are already free of secrets; the redactor also hides whatever the job resolved.
            return JobOutcome(.error, redactor.redact(TextEscaping.oneLine("\(error)")))
        }
    }

    private func resolved(_ setting: ScheduleSetting) throws(SchedulerError) -> String {
        try setting.resolved(environment, file: scheduleFile)
    }

    private func path(_ setting: ScheduleSetting) throws(SchedulerError) -> URL {
        let value = try resolved(setting)
        if value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        return URL(fileURLWithPath: scheduleFile).deletingLastPathComponent().appendingPathComponent(value)
            .standardizedFileURL
    }

    private func connection(_ setting: ScheduleSetting, _ redactor: inout Redactor) throws -> ConnectionString {
        let target = try ConnectionString(try resolved(setting))
        redactor = target.redactor
        return target
    }

    private func catalogue(
        _ source: CatalogueSetting, startedAt: Date, _ redactor: inout Redactor
    ) throws
        -> CatalogueSnapshot
    {
        switch source {
        case .db(let setting): return try SnapshotTaker.take(from: connection(setting, &redactor), takenAt: startedAt)
        case .snapshot(let setting): return try SnapshotFile.read(path(setting))
        }
    }

    // MARK: - Actions

    func snapshot(_ target: ConnectionString, into out: URL, startedAt: Date) throws -> JobOutcome {
        // Unlike `snapshot create`, a job makes its output folder: it runs unattended, and the folder is named in
        // the schedule file on purpose.
        try? FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SnapshotFile.checkOutput(out)
        let snapshot = try SnapshotTaker.take(from: target, takenAt: startedAt)
        // The previous file, if it is a readable snapshot, says whether the catalogue changed meanwhile.
        let previous = try? SnapshotFile.read(out)
        try SnapshotFile.write(snapshot, to: out)
        let change: String
        var details: [String] = []
        switch previous {
        case nil: change = "no earlier snapshot there"
        case let previous? where previous.fingerprint == snapshot.fingerprint: change = "catalogue unchanged"
        case let previous?:
            details = previous.catalogue.changes(to: snapshot.catalogue).map { "\($0)" }
            change =
                "catalogue changed since the last snapshot (\(details.count) change\(details.count == 1 ? "" : "s"))"
        }
        return JobOutcome(
            .ok,
            "wrote \(out.path) from \(target.display): \(snapshot.catalogue.products.count) products, \(change), \(snapshot.fingerprint)",
            details: details)
    }

    func check(
        _ current: CatalogueSnapshot, models source: URL, package: String?, skip: [String], startedAt: Date
    ) throws -> JobOutcome {
        let isConfig = source.pathExtension == "yaml" || source.pathExtension == "yml"
        let models =
            isConfig ? try YAMLProductConfig.read(source) : try PythonModelReader(root: source, package: package).read()
        let planner = MigrationPlanner(
            snapshot: current, models: models,
            options: .init(
                message: "check", modelsSource: (isConfig ? "yaml:" : "python:") + source.path,
                createdAt: SnapshotTaker.iso8601(startedAt), skip: skip))
        let plan: Plan
        switch try planner.plan(answers: PlanAnswers(), questioner: NoInputQuestioner()) {
        case .plan(let complete): plan = complete
        case .unanswered(_, let changes): plan = planner.draft(of: changes)
        case .declined: return JobOutcome(.error, "the check was declined")
        }
        guard !plan.changes.isEmpty || !plan.isEmpty else {
            return JobOutcome(.ok, "the catalogue of \(current.source.display) matches the models")
        }
        let overview = PlanOverview(plan)
        return JobOutcome(
            .drift,
            "the catalogue of \(current.source.display) needs a migration: \(overview.summaryLine)",
            details: overview.items.map(PlanRenderer.heading))
    }

    /// Adds to a check's outcome what changed in the catalogue since the baseline snapshot (drift even when the
    /// models are still met: a description edited in the database, a product set to end of life by hand).
    func compare(_ current: CatalogueSnapshot, with baselineFile: URL, after outcome: JobOutcome) throws -> JobOutcome {
        let baseline = try SnapshotFile.read(baselineFile)
        guard baseline.fingerprint != current.fingerprint else { return outcome }
        let changes = baseline.catalogue.changes(to: current.catalogue).map { "\($0)" }
        let message =
            "the catalogue of \(current.source.display) changed since \(baselineFile.lastPathComponent) (taken \(baseline.takenAt)): \(changes.count) change\(changes.count == 1 ? "" : "s")"
        guard outcome.result == .drift else { return JobOutcome(.drift, message, details: changes) }
        return JobOutcome(.drift, outcome.message + "; " + message, details: outcome.details + changes)
    }

    func verifyPlans(in folder: URL, against current: CatalogueSnapshot) throws -> JobOutcome {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            return JobOutcome(.error, "cannot list the plans folder \(folder.path): \(error.localizedDescription)")
        }
        var problems: [String] = []
        var checked = 0
        for name in names {
            let file = folder.appendingPathComponent(name).path
            // Only files that say they are plans count: a plans folder may hold other YAML.
            guard let head = FileManager.default.contents(atPath: file)?.prefix(4096),
                String(decoding: head, as: UTF8.self).split(separator: "\n").contains(where: {
                    $0.hasPrefix("format_version:")
                })
            else { continue }
            checked += 1
            do {
                let plan = try PlanFile.read(path: file)
                try PlanVerifier.verify(plan, against: current, planFile: name)
            } catch let error as ApplyError {
                // The verifier's first line: "the plan NAME is stale: it was made against ..., but ... now has ...".
                problems.append(error.message.split(separator: "\n").first.map(String.init) ?? "\(name) is stale")
            } catch {
                problems.append("\(name): not intact: \(TextEscaping.oneLine("\(error)"))")
            }
        }
        guard checked > 0 else { return JobOutcome(.ok, "no plan files in \(folder.path)") }
        guard problems.isEmpty else {
            return JobOutcome(
                .stale,
                "\(problems.count) of \(checked) plan\(checked == 1 ? "" : "s") in \(folder.path) no longer appl\(problems.count == 1 ? "ies" : "y") to \(current.source.display)",
                details: problems)
        }
        return JobOutcome(
            .ok, "\(checked) plan\(checked == 1 ? "" : "s") in \(folder.path) still appl\(checked == 1 ? "ies" : "y")")
    }
}
