import Catalogue
import Foundation
import TestSupport
import Testing

/// The `scheduler` commands through the built binary, without a database: show-schedule, force, and run with its
/// signals and its store lock.
@Suite struct SchedulerCommandTests {
    static let schedule = """
        timezone: Europe/Amsterdam
        jobs:
          - name: snapshot production
            cron: "0 2 * * *"
            snapshot: {db: "${PROD_DATABASE_URI}", out: snapshots/production.sqlite}
          - name: drift production
            every: 30m
            check: {db: "postgresql://app:hunter2@db.example:5432/orch", models: ., package: products}
            on-failure: "./notify-team.sh"
          - name: stale plans
            every: day at 02:30
            verify-plans: {dir: plans/, db: "${PROD_DATABASE_URI}"}
        """

    /// 2026-12-01 06:00 UTC (07:00 in Amsterdam).
    static let now = ["SOURCE_DATE_EPOCH": "1796104800"]

    @Test func showScheduleListsTheJobsByNextRunTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.schedule.write(
            to: folder.file("orchestrator-planner-schedule.yaml"), atomically: true, encoding: .utf8)
        let result = try planner(["scheduler", "show-schedule"], in: folder, environment: Self.now)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                                                                      Scheduled Tasks                                                       
                ┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━┓
                ┃ id                  ┃ name                ┃ source   ┃ next run time             ┃ trigger           ┃ last run ┃ result ┃
                ┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━┩
                │ drift-production    │ drift production    │ schedule │ 2026-12-01 07:30:00+01:00 │ interval[0:30:00] │          │        │
                │ snapshot-production │ snapshot production │ schedule │ 2026-12-02 02:00:00+01:00 │ cron[0 2 * * *]   │          │        │
                │ stale-plans         │ stale plans         │ schedule │ 2026-12-02 02:30:00+01:00 │ cron[30 2 * * *]  │          │        │
                └─────────────────────┴─────────────────────┴──────────┴───────────────────────────┴───────────────────┴──────────┴────────┘

                """)
        #expect(!FileManager.default.fileExists(atPath: folder.file(".orchestrator-planner").path), "nothing written")

        // --timezone overrides the file's zone; -v shows the settings with the password masked; JSON for scripts.
        let json = try planner(
            ["scheduler", "show-schedule", "-v", "--format", "json", "--timezone", "America/New_York"], in: folder,
            environment: Self.now)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(!json.stdout.contains("hunter2"))
        let rows = try JSONValue.parse(json.stdout)
        guard case .array(let items) = rows else { throw TestFailure("not a list: \(json.stdout)") }
        let first = try #require(items.first?.members)
        func field(_ name: String) -> JSONValue? { first.first { $0.key == name }?.value }
        #expect(field("id") == .string("drift-production"))
        #expect(field("next_run_time") == .string("2026-12-01 01:30:00-05:00"))
        #expect(field("trigger") == .string("interval[0:30:00]"))
        #expect(field("source") == .string("schedule"))
        let settings = try #require(field("settings")?.members)
        #expect(settings.first { $0.key == "db" }?.value == .string("postgresql://app:***@db.example:5432/orch"))
        #expect(items.count == 3)
        #expect(try planner(["scheduler", "show-schedule", "-v"], in: folder).stdout.contains("app:***@db.example"))
    }

    @Test func withoutAScheduleFileItSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let show = try planner(["scheduler", "show-schedule"], in: folder)
        #expect(show.status == 0)
        #expect(show.stderr.contains("note: no schedule file (orchestrator-planner-schedule.yaml in"))
        #expect(show.stdout.contains("Scheduled Tasks"))
        let force = try planner(["scheduler", "force", "nightly"], in: folder)
        #expect(force.status == 1)
        #expect(force.stdout == "Task 'nightly' not found.\n")
        let run = try planner(["scheduler", "run"], in: folder)
        #expect(run.status == 70)
        #expect(run.stderr.contains("error: no schedule file at "))
        let missing = try planner(["scheduler", "show-schedule", "--schedule", "absent.yaml"], in: folder)
        #expect(missing.status == 70, "a --schedule that is not there is an error")
        #expect(folder.contents().isEmpty, "nothing written: \(folder.contents())")
    }

    @Test func aWrongScheduleIsRefusedBeforeAnythingRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "jobs:\n  - name: a\n    cron: '0 25 * * *'\n    snapshot: {db: x, out: y}\n".write(
            to: folder.file("s.yaml"), atomically: true, encoding: .utf8)
        let run = try planner(["scheduler", "run", "--schedule", "s.yaml"], in: folder)
        #expect(run.status == 70)
        #expect(run.stderr == "error: s.yaml:3: job 'a': the hour field '25' has 25, outside 0-23\n")
        // A variable the environment lacks, named with its line, before the store is even created.
        try Self.schedule.write(to: folder.file("s.yaml"), atomically: true, encoding: .utf8)
        let unset = try planner(["scheduler", "run", "--schedule", "s.yaml"], in: folder)
        #expect(unset.status == 70)
        #expect(unset.stderr.contains("s.yaml:5: db of job 'snapshot production' needs PROD_DATABASE_URI"))
        #expect(unset.stderr.contains("s.yaml:12: db of job 'stale plans' needs PROD_DATABASE_URI"))
        #expect(folder.contents() == ["s.yaml"])
        let zone = try planner(
            ["scheduler", "show-schedule", "--schedule", "s.yaml", "--timezone", "Mars/Base"], in: folder)
        #expect(zone.status == 70)
        #expect(zone.stderr.contains("unknown time zone 'Mars/Base'"))
    }

    @Test func forcePrintsOrchestratorCoresMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.file("plans"), withIntermediateDirectories: true)
        try makeExamplePlan(folder.file("plans/example.yaml"))
        let schedule = """
            jobs:
              - name: Plans still apply
                every: 1h
                verify-plans: {dir: plans, snapshot: \(Repository.fixture("example/catalogue.sqlite").path)}
              - name: Plans against the empty catalogue
                every: 1h
                verify-plans: {dir: plans, snapshot: \(Repository.fixture("empty/catalogue.sqlite").path)}
                on-failure: "cat > hook.json; exit 3"
              - name: Unreachable database
                every: 1h
                snapshot: {db: "postgresql://app:hunter2@127.0.0.1:1/orch?connect_timeout=2", out: s.sqlite}
            """
        try schedule.write(to: folder.file("orchestrator-planner-schedule.yaml"), atomically: true, encoding: .utf8)
        let ok = try planner(["scheduler", "force", "STILL"], in: folder)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "Running Task [plans-still-apply] now...\nTask executed successfully.\n")
        let stale = try planner(["scheduler", "force", "plans"], in: folder)
        #expect(stale.status == 1)
        #expect(
            stale.stdout.hasPrefix(
                "Running Task [plans-still-apply] now...\nTask executed successfully.\nRunning Task [plans-against-the-empty-catalogue] now...\nTask execution failed: 1 of 1 plan in "
            ))
        #expect(stale.stderr.contains("on-failure: the command exited with status 3"), "\(stale.stderr)")
        let summary = try String(contentsOf: folder.file("hook.json"), encoding: .utf8)
        #expect(summary.contains(#""job": "Plans against the empty catalogue""#), "\(summary)")
        #expect(summary.contains(#""forced": true"#), "\(summary)")
        let unreachable = try planner(["scheduler", "force", "unreachable"], in: folder)
        #expect(unreachable.status == 1)
        #expect(unreachable.stdout.contains("Task execution failed: "))
        #expect(!unreachable.stdout.contains("hunter2"))
        let store = try Data(contentsOf: folder.file(".orchestrator-planner/scheduler.sqlite"))
        #expect(store.range(of: Data("hunter2".utf8)) == nil, "the store never holds a password")
        #expect(store.range(of: Data("Unreachable database".utf8)) != nil)
        let show = try planner(["scheduler", "show-schedule"], in: folder)
        #expect(show.stdout.contains("│ error (forced) │"))
        #expect(show.stdout.contains("│ stale (forced) │"))
    }

    @Test func runStopsCleanlyOnSignalsAndKeepsASecondRunOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.file("plans"), withIntermediateDirectories: true)
        try makeExamplePlan(folder.file("plans/example.yaml"))
        let schedule = """
            jobs:
              - name: stale plans
                every: 1s
                verify-plans: {dir: plans, snapshot: \(Repository.fixture("example/catalogue.sqlite").path)}
            """
        try schedule.write(to: folder.file("orchestrator-planner-schedule.yaml"), atomically: true, encoding: .utf8)

        let first = try SchedulerProcess(["--log-format", "json"], in: folder)
        let run = try first.waitFor { $0.contains("\"event\":\"run\"") }
        #expect(run.contains("\"result\":\"ok\""))
        #expect(run.contains("\"message\":\"1 plan in "))
        let second = try planner(["scheduler", "run"], in: folder)
        #expect(second.status == 71)
        #expect(
            second.stderr.contains(
                "error: another `scheduler run` (process \(first.process.processIdentifier)) is using the job store"))
        #expect(first.stop(SIGINT) == 130, "Ctrl-C: 130, as orchestrator-core")
        #expect(first.lines.last?.contains("\"event\":\"stopped\",\"signal\":\"SIGINT\"") == true)

        // The lock went with the process; the store kept the next run, so a restart does not start over.
        let again = try SchedulerProcess([], in: folder)
        try again.waitFor { $0.contains("event=run") }
        #expect(again.stop(SIGTERM) == 0, "SIGTERM is a requested stop")
        #expect(again.lines.last?.hasSuffix("event=stopped signal=SIGTERM") == true)
        let show = try planner(["scheduler", "show-schedule"], in: folder)
        #expect(show.stdout.contains("│ ok     │"))
        #expect(folder.contents().contains(".orchestrator-planner"))
    }
}
