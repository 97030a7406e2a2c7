import Catalogue
import Foundation
import TestSupport
import Testing

/// A real `scheduler run` on a real PostgreSQL with orchestrator-core 5.5.0's schema: jobs every second keep a
/// snapshot fresh, check the models and a baseline, and verify a plan; a description edited in the database is
/// reported as drift, the plan as stale.
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct SchedulerLiveTests {
    @Test func runKeepsSnapshotsFreshAndReportsDriftAndStalePlans() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The password role over TCP: its password (with quotes and &) must reach no file and no log line.
        let url = database.passwordURL
        let baseline = try planner(["snapshot", "create", "--db", url, "--out", "baseline.sqlite"], in: folder)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        try FileManager.default.createDirectory(at: folder.file("plans"), withIntermediateDirectories: true)
        let plan = try planner(
            [
                "plan", "add partner users", "--snapshot", "baseline.sqlite", "--models",
                Repository.fixture("example/models").path, "--inputs",
                "@" + Repository.fixture("example/inputs.json").path, "--no-input", "--out", "plans/partner.yaml",
            ], in: folder)
        #expect(plan.status == 0, "\(plan.stderr)")
        let schedule = """
            jobs:
              - name: snapshot
                every: 1s
                snapshot: {db: "${TEST_DATABASE_URI}", out: snapshots/latest.sqlite}
              - name: drift
                every: 1s
                check: {db: "${TEST_DATABASE_URI}", models: \(Repository.fixture("models/example-v2").path), baseline: baseline.sqlite}
                on-failure: "cat > drift.json"
              - name: plans
                every: 1s
                verify-plans: {dir: plans, db: "${TEST_DATABASE_URI}"}
            """
        try schedule.write(to: folder.file("orchestrator-planner-schedule.yaml"), atomically: true, encoding: .utf8)

        let run = try SchedulerProcess(
            ["--log-format", "json"], in: folder, environment: ["TEST_DATABASE_URI": url])
        for job in ["snapshot", "drift", "plans"] {
            let line = try run.waitFor { $0.contains("\"event\":\"run\",\"job\":\"\(job)\"") }
            #expect(line.contains("\"result\":\"ok\""), "\(line)")
        }
        let drift0 = try run.waitFor { $0.contains("\"event\":\"run\",\"job\":\"drift\"") }
        #expect(drift0.contains("matches the models"), "\(drift0)")

        try database.psql("UPDATE products SET description = 'Users, edited by hand' WHERE name = 'User internal'")
        let drift = try run.waitFor {
            $0.contains("\"event\":\"run\",\"job\":\"drift\"") && $0.contains("\"result\":\"drift\"")
        }
        #expect(drift.contains("changed since baseline.sqlite"))
        #expect(drift.contains("~ product \\\"User internal\\\": description"), "\(drift)")
        let stale = try run.waitFor {
            $0.contains("\"event\":\"run\",\"job\":\"plans\"") && $0.contains("\"result\":\"stale\"")
        }
        #expect(stale.contains("the plan partner.yaml is stale"))
        try run.waitFor {
            $0.contains("\"event\":\"run\",\"job\":\"snapshot\"")
                && $0.contains("catalogue changed since the last snapshot")
        }
        #expect(run.stop(SIGTERM) == 0)

        let summary = try String(contentsOf: folder.file("drift.json"), encoding: .utf8)
        #expect(summary.contains("\"result\": \"drift\""))
        let latest = try planner(["snapshot", "show", "snapshots/latest.sqlite"], in: folder)
        #expect(latest.status == 0, "the snapshot job wrote a readable snapshot: \(latest.stderr)")
        // No password anywhere: log, store, snapshot, on-failure summary.
        let password = Data(TestPostgres.password.utf8)
        for file in [
            run.log, folder.file(".orchestrator-planner/scheduler.sqlite"), folder.file("snapshots/latest.sqlite"),
            folder.file("drift.json"),
        ] {
            #expect(try Data(contentsOf: file).range(of: password) == nil, "\(file.lastPathComponent)")
        }
    }
}

/// orchestrator-core's own schedule: jobs written by real APScheduler (from PyPI, in the orchestrator-core 5.5.0
/// venv) into the 5.5.0 schema, shown by orchestrator-core's own `scheduler show-schedule` and by ours.
@Suite(.enabled(if: TestCore.isConfigured, "needs the test cluster and PLANNER_TEST_CORE_VENV (run .ci/run)"))
struct OrchestratorScheduleTests {
    /// The cells of a rich-style table: one list per row; in a table with lines between rows (`-v`), the lines of a
    /// row's multi-line cells joined with line feeds.
    static func cells(_ table: String) -> [[String]] {
        let grouped = table.contains("├")
        var rows: [[String]] = []
        var group: [[String]] = []
        func flush() {
            guard let first = group.first else { return }
            rows.append(
                first.indices.map { column in
                    group.map { $0[column] }.joined(separator: "\n").trimmingCharacters(in: .newlines)
                })
            group = []
        }
        for line in table.split(separator: "\n") {
            if line.hasPrefix("├") || line.hasPrefix("└") {
                flush()
                continue
            }
            guard line.hasPrefix("│") else { continue }
            // A cell is " text " padded: drop the first space and the padding, keep the text's own indentation.
            group.append(
                line.split(separator: "│", omittingEmptySubsequences: false).dropFirst().dropLast().map { cell in
                    String(cell.dropFirst()).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
                })
            if !grouped { flush() }
        }
        flush()
        return rows
    }

    struct Truth: Decodable {
        let id: String
        let name: String
        let next_run_time: String
        let trigger: String
        let kwargs: String
    }

    @Test func showScheduleMatchesOrchestratorCore() throws {
        guard let venv = TestCore.venv else { return }
        let database = try TestPostgres.copy(of: "orchestrator_empty")
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URI"] = database.socketURLWithHost
        let write = try Command.run(
            venv + "/bin/python",
            arguments: [
                Repository.fixture("scheduler/write_apscheduler_jobs.py").path, folder.file("truth.json").path,
            ],
            environment: environment)
        #expect(write.status == 0, "\(write.stderr)")
        let truth = try JSONDecoder().decode([Truth].self, from: Data(contentsOf: folder.file("truth.json")))
        #expect(truth.count == 11)

        // orchestrator-core's CLI as a project runs it (psycopg 3 driver), wide enough not to wrap.
        environment["DATABASE_URI"] = database.socketURLWithHost.replacingOccurrences(
            of: "postgresql://", with: "postgresql+psycopg://")
        environment["COLUMNS"] = "400"
        func core(_ arguments: [String]) throws -> [[String]] {
            let result = try Command.run(
                venv + "/bin/python", arguments: [Repository.fixture("scheduler/main.py").path] + arguments,
                environment: environment, currentDirectory: folder.url)
            #expect(result.status == 0, "\(result.stderr)")
            return Self.cells(result.stdout)
        }
        func ours(_ arguments: [String]) throws -> String {
            let result = try planner(["scheduler", "show-schedule"] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("warning"), "\(result.stderr)")
            return result.stdout
        }

        let theirs = try core(["scheduler", "show-schedule"])
        let mine = Self.cells(try ours(["--db", database.socketURL]))
        #expect(theirs.count == 11)
        #expect(
            mine.map { Array($0.prefix(4)) } == theirs.map { Array($0.prefix(4)) }, "id, name, source, next run time")
        #expect(Set(theirs.map { $0[2] }) == ["API", "decorator"])
        for (row, core) in zip(mine, theirs) {
            let expected = try #require(truth.first { $0.id == row[0] })
            #expect(row[1] == expected.name)
            #expect(row[3] == expected.next_run_time)
            #expect(row[4] == expected.trigger, "APScheduler's own trigger text")
            // rich reads `[hour='0', ...]` as markup and drops it; the rest it prints as it is.
            #expect(core[4] == (expected.trigger.hasPrefix("cron[") ? "cron" : expected.trigger))
        }

        let theirsVerbose = try core(["scheduler", "show-schedule", "-v"])
        let mineVerbose = Self.cells(try ours(["-v", "--db", database.socketURL]))
        #expect(mineVerbose.map { $0[7] } == theirsVerbose.map { $0[5] }, "kwargs as json.dumps(indent=2)")
        #expect(mineVerbose.map { $0[7] } == mine.map { row in truth.first { $0.id == row[0] }?.kwargs ?? "" })

        // A snapshot keeps the rows: the same table offline.
        let snapshot = try planner(["snapshot", "create", "--db", database.socketURL, "--out", "s.sqlite"], in: folder)
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        #expect(try ours(["--snapshot", "s.sqlite"]) == ours(["--db", database.socketURL]))
    }
}
