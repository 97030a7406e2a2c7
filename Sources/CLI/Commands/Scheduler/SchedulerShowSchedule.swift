import ArgumentParser
import Catalogue
import Foundation
import Postgres
import Scheduler
import Snapshot

/// `scheduler show-schedule`: the schedule file's jobs, and orchestrator-core's own APScheduler jobs (read-only).
struct SchedulerShowSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show-schedule",
        abstract: "Show the scheduled jobs: the schedule file's, and orchestrator-core's with --db or --snapshot.",
        discussion: """
            A table titled Scheduled Tasks (id, name, source, next run time, trigger, last run, result), sorted by \
            next run time, then name. orchestrator-core's jobs are shown as its own show-schedule shows them (source \
            API or decorator), read from apscheduler_jobs without running anything from their pickled state.
            """)

    @OptionGroup var options: SchedulerOptions

    @Flag(
        name: .customShort("v"), help: "Also show each job's settings (secrets masked), or an APScheduler job's kwargs."
    )
    var verbose = false

    @Option(help: "Output format: text (the table) or json (a list of objects).")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("Also list the APScheduler jobs of this orchestrator-core database.", valueName: "url"))
    var db: String?

    @Option(help: ArgumentHelp("Also list the APScheduler jobs a snapshot kept.", valueName: "file"))
    var snapshot: String?

    func validate() throws {
        if db != nil && snapshot != nil { throw ValidationError("give --db or --snapshot, not both") }
    }

    func run() throws {
        try reportingErrors {
            var rows: [ScheduleRow] = []
            let schedule = try options.loadSchedule(required: false)
            let zone = try options.zone(for: schedule)
            if let schedule {
                let records = try JobStore.open(options.storeURL, create: false)?.records() ?? [:]
                rows += ScheduleOverview.rows(
                    for: schedule, records: records, zone: zone, now: Int64(Clock.now().timeIntervalSince1970))
            } else {
                Terminal.note("note: no schedule file (\(options.scheduleDescription)); showing no jobs of its own")
            }
            if let orchestrator = try orchestratorSchedule() {
                let (own, diagnostics) = ScheduleOverview.rows(for: orchestrator)
                for diagnostic in diagnostics { Terminal.note("warning: \(diagnostic)") }
                rows += own
            }
            rows = ScheduleOverview.sorted(rows)
            switch format {
            case .text: Terminal.out(ScheduleOverview.table(rows, verbose: verbose))
            case .json: Terminal.out(ScheduleOverview.json(rows, verbose: verbose).prettyText)
            }
        }
    }

    /// orchestrator-core's schedule from `--db` (read now) or `--snapshot`; nil when neither was given.
    private func orchestratorSchedule() throws -> OrchestratorSchedule? {
        if let db {
            let connection = try PostgresConnection.connect(try ConnectionString(db))
            return try OrchestratorScheduleReader(connection).read()
        }
        if let snapshot {
            let file = try SnapshotFile.read(URL(fileURLWithPath: snapshot))
            guard let schedule = file.schedule else {
                Terminal.note(
                    "note: \(snapshot) was taken before snapshots kept orchestrator-core's schedule (format 3); take it again to see it"
                )
                return nil
            }
            return schedule
        }
        return nil
    }
}
