import Foundation
import GRDB

/// How a run ended.
public enum JobResult: String, Sendable, CaseIterable {
    /// Nothing to report.
    case ok
    /// `check`: the catalogue no longer matches the models.
    case drift
    /// `verify-plans`: a plan no longer applies (or was edited).
    case stale
    /// The job could not do its work (database unreachable, unreadable models, ...).
    case error

    /// Whether `on-failure` runs and `force` reports `Task execution failed`.
    public var isFailure: Bool { self != .ok }
}

/// One run of a job, as the store remembers it.
public struct JobRun: Sendable, Hashable {
    public var jobID: String
    /// UTC seconds since the epoch.
    public var startedAt: Double
    public var finishedAt: Double
    public var result: JobResult
    /// One line, free of secrets.
    public var message: String
    /// Run by `scheduler force` rather than by its trigger.
    public var forced: Bool

    public init(jobID: String, startedAt: Double, finishedAt: Double, result: JobResult, message: String, forced: Bool)
    {
        self.jobID = jobID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.result = result
        self.message = message
        self.forced = forced
    }
}

/// What the store knows of a job.
public struct JobRecord: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The trigger as written and the zone it was evaluated in: when either changes, the next run is computed anew.
    public var trigger: String
    public var zone: String
    /// UTC seconds; nil when the trigger never fires again.
    public var nextRunTime: Int64?
    public var lastRun: JobRun?
}

/// The job store: an SQLite file (default `.orchestrator-planner/scheduler.sqlite`) that remembers each job's next
/// run and its runs, so a restarted `scheduler run` makes up a missed run (once) instead of forgetting it. It holds
/// names, times and one-line results: no setting, no connection string.
public final class JobStore {
    /// The default path, relative to the current folder.
    public static let defaultPath = ".orchestrator-planner/scheduler.sqlite"
    /// `PRAGMA application_id` ("OPLS"): tells a job store from a snapshot or any other SQLite file.
    static let applicationID: Int32 = 0x4F50_4C53
    /// Runs kept per job.
    static let historyLimit = 100

    public let url: URL
    private let queue: DatabaseQueue

    private init(url: URL, queue: DatabaseQueue) {
        self.url = url
        self.queue = queue
    }

    /// Opens the store at `url`, creating it (and its folder) when `create`; nil when it does not exist and
    /// `create` is false.
    public static func open(_ url: URL, create: Bool) throws(SchedulerError) -> JobStore? {
        let exists = FileManager.default.fileExists(atPath: url.path)
        guard exists || create else { return nil }
        do {
            if !exists {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard applicationID == Self.applicationID || (applicationID == 0 && tables == 0) else {
                    throw SchedulerError(
                        .storeUnusable,
                        "\(url.path) is an SQLite file but not a job store (a snapshot?); pass another --store")
                }
                if applicationID == 0 { try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
            }
            try migrator.migrate(queue)
            return JobStore(url: url, queue: queue)
        } catch let error as SchedulerError {
            throw error
        } catch {
            throw SchedulerError(
                .storeUnusable,
                "cannot use the job store \(url.path) (it only holds run history: delete it to start afresh)",
                cause: "\(error)")
        }
    }

    /// The schema, as a chain of migrations (GRDB's `DatabaseMigrator`): a newer tool adds steps, never edits one.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 jobs and runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE jobs (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, trigger TEXT NOT NULL,
                      zone TEXT NOT NULL, next_run_time INTEGER);
                    CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL,
                      started_at REAL NOT NULL, finished_at REAL NOT NULL, result TEXT NOT NULL,
                      message TEXT NOT NULL, forced INTEGER NOT NULL);
                    CREATE INDEX runs_by_job ON runs (job_id, id);
                    """)
        }
        return migrator
    }

    private func access<T>(_ work: (Database) throws -> T) throws(SchedulerError) -> T {
        do {
            return try queue.write(work)
        } catch {
            throw SchedulerError(.storeUnusable, "the job store \(url.path) failed", cause: "\(error)")
        }
    }

    /// Every job the store knows, with its last run.
    public func records() throws(SchedulerError) -> [String: JobRecord] {
        try access { db in
            var records: [String: JobRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name, trigger, zone, next_run_time FROM jobs") {
                let id: String = row["id"]
                records[id] = JobRecord(
                    id: id, name: row["name"], trigger: row["trigger"], zone: row["zone"],
                    nextRunTime: row["next_run_time"], lastRun: nil)
            }
            let sql = """
                SELECT job_id, started_at, finished_at, result, message, forced FROM runs
                WHERE id IN (SELECT max(id) FROM runs GROUP BY job_id)
                """
            for row in try Row.fetchAll(db, sql: sql) {
                let run = Self.run(row)
                records[run.jobID]?.lastRun = run
            }
            return records
        }
    }

    /// The last `limit` runs of a job, newest first.
    public func history(of jobID: String, limit: Int = 10) throws(SchedulerError) -> [JobRun] {
        try access { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT job_id, started_at, finished_at, result, message, forced FROM runs WHERE job_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [jobID, limit]
            ).map(Self.run)
        }
    }

    private static func run(_ row: Row) -> JobRun {
        JobRun(
            jobID: row["job_id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            result: JobResult(rawValue: row["result"]) ?? .error, message: row["message"], forced: row["forced"])
    }

    /// Makes the store match the schedule: jobs no longer in it are forgotten, new jobs (or jobs whose trigger or
    /// zone changed) get their first run after `now`, the others keep their next run, even one in the past (it is due
    /// now: the runs missed meanwhile are made up once). Returns the next run of every job.
    public func reconcile(
        _ jobs: [ScheduledJob], now: Int64, zone: ZoneRules
    ) throws(SchedulerError) -> [String: Int64?] {
        let known = try records()
        return try access { db in
            var next: [String: Int64?] = [:]
            let ids = Set(jobs.map(\.id))
            for id in known.keys where !ids.contains(id) {
                try db.execute(sql: "DELETE FROM jobs WHERE id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM runs WHERE job_id = ?", arguments: [id])
            }
            for job in jobs {
                let trigger = job.trigger.written
                var time: Int64?
                if let record = known[job.id], record.trigger == trigger, record.zone == zone.key,
                    let stored = record.nextRunTime
                {
                    time = stored
                } else {
                    time = job.trigger.firstRun(after: now, in: zone)
                }
                try db.execute(
                    sql: """
                        INSERT INTO jobs (id, name, trigger, zone, next_run_time) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, trigger = excluded.trigger,
                          zone = excluded.zone, next_run_time = excluded.next_run_time
                        """,
                    arguments: [job.id, job.name, trigger, zone.key, time])
                next[job.id] = time
            }
            return next
        }
    }

    /// Records a run; a scheduled run also moves the job's next run (`nextRunTime`), a forced one leaves it.
    public func record(_ run: JobRun, job: ScheduledJob, zone: ZoneRules, nextRunTime: Int64??) throws(SchedulerError) {
        try access { db in
            try db.execute(
                sql: """
                    INSERT INTO jobs (id, name, trigger, zone, next_run_time) VALUES (?, ?, ?, ?, NULL)
                    ON CONFLICT (id) DO NOTHING
                    """,
                arguments: [job.id, job.name, job.trigger.written, zone.key])
            if let nextRunTime {
                try db.execute(
                    sql: "UPDATE jobs SET next_run_time = ? WHERE id = ?", arguments: [nextRunTime, job.id])
            }
            try db.execute(
                sql: """
                    INSERT INTO runs (job_id, started_at, finished_at, result, message, forced)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [run.jobID, run.startedAt, run.finishedAt, run.result.rawValue, run.message, run.forced])
            try db.execute(
                sql: """
                    DELETE FROM runs WHERE job_id = ? AND id NOT IN
                      (SELECT id FROM runs WHERE job_id = ? ORDER BY id DESC LIMIT ?)
                    """,
                arguments: [run.jobID, run.jobID, Self.historyLimit])
        }
    }
}
