import Foundation
import TestSupport
import Testing

@testable import Scheduler

/// The schedule file: what it holds, and one clear error with its line for each kind of mistake.
@Suite struct ScheduleFileTests {
    static let example = """
        timezone: Europe/Amsterdam
        jobs:
          - name: snapshot production
            cron: "0 2 * * *"
            snapshot: {db: "${PROD_DATABASE_URI}", out: snapshots/production.sqlite}
          - name: drift production
            every: 30m
            check: {db: "postgresql://app:s3cr%27et@db.example:5432/orch", models: ., package: products}
            on-failure: "./notify-team.sh"
          - name: stale plans
            id: plans
            every: day at 02:30
            verify-plans: {dir: plans/, snapshot: snapshots/production.sqlite}
        """

    @Test func theExampleIsRead() throws {
        let file = try ScheduleFile.parse(Self.example, path: "s.yaml")
        #expect(file.timezone == "Europe/Amsterdam")
        #expect(file.jobs.map(\.id) == ["snapshot-production", "drift-production", "plans"])
        #expect(file.jobs.map(\.line) == [3, 6, 10])
        #expect(file.jobs.map(\.action.kind) == ["snapshot", "check", "verify-plans"])
        #expect(file.jobs[1].onFailure == "./notify-team.sh")
        #expect(file.jobs[0].trigger.written == "cron: 0 2 * * *")
        #expect(file.jobs[2].trigger.written == "every: day at 02:30")
        guard case .snapshot(let db, _) = file.jobs[0].action else { throw TestFailure("not a snapshot job") }
        #expect(db.variables == ["PROD_DATABASE_URI"])
        #expect(db.line == 5)
    }

    @Test func settingsAreShownWithTheirSecretsMasked() throws {
        let file = try ScheduleFile.parse(Self.example, path: "s.yaml")
        let drift = file.jobs[1].maskedSettings.map { "\($0.key)=\($0.value)" }
        #expect(
            drift == [
                "action=check", "db=postgresql://app:***@db.example:5432/orch", "models=.", "package=products",
                "on-failure=./notify-team.sh",
            ])
        #expect(file.jobs[0].maskedSettings.contains { $0.key == "db" && $0.value == "${PROD_DATABASE_URI}" })
        #expect(ScheduledJob.masked(connection: "not a url with password=x y") == "***")
    }

    @Test func variablesAreResolvedFromTheEnvironmentAndMissingOnesNamed() throws {
        let file = try ScheduleFile.parse(Self.example, path: "s.yaml")
        #expect(throws: SchedulerError.self) { try file.checkEnvironment([:]) }
        do {
            try file.checkEnvironment(["OTHER": "x"])
        } catch {
            #expect(error.code == .invalidSchedule)
            #expect(
                error.message == "s.yaml:5: db of job 'snapshot production' needs PROD_DATABASE_URI, which is not set")
        }
        try file.checkEnvironment(["PROD_DATABASE_URI": "postgresql://x@y/z"])
        try file.checkEnvironment([:], only: [file.jobs[2]])
        guard case .snapshot(let db, _) = file.jobs[0].action else { throw TestFailure("not a snapshot job") }
        #expect(try db.resolved(["PROD_DATABASE_URI": "postgresql://a@b/c"], file: "s.yaml") == "postgresql://a@b/c")
    }

    @Test(arguments: [
        (
            "jobs:\n  - name: a\n    cron: '0 2 * *'\n    snapshot: {db: x, out: y}\n",
            "s.yaml:3: job 'a': a cron expression has 5 fields"
        ),
        (
            "jobs:\n  - name: a\n    every: 5x\n    snapshot: {db: x, out: y}\n",
            "s.yaml:3: job 'a': 'every: 5x' is not an interval"
        ),
        (
            "jobs:\n  - name: a\n    cron: '* * * * *'\n    every: 5m\n    snapshot: {db: x, out: y}\n",
            "s.yaml:2: job 'a' needs exactly one trigger"
        ),
        ("jobs:\n  - name: a\n    every: 5m\n", "s.yaml:2: job 'a' needs exactly one action"),
        ("jobs:\n  - name: a\n    every: 5m\n    snapshot: {db: x}\n", "s.yaml:4: snapshot of job 'a' needs 'out'"),
        (
            "jobs:\n  - name: a\n    every: 5m\n    snapshot: {db: x, out: y, outt: z}\n",
            "s.yaml:4: unknown key \"outt\" in snapshot of job 'a'"
        ),
        ("jobs:\n  - name: a\n    evry: 5m\n", "s.yaml:3: unknown key \"evry\" in a job"),
        ("jobs:\n  - every: 5m\n    snapshot: {db: x, out: y}\n", "s.yaml:2: a job needs a 'name'"),
        (
            "jobs:\n  - {name: A, every: 5m, snapshot: {db: x, out: y}}\n  - {name: a, every: 5m, snapshot: {db: x, out: y}}\n",
            "s.yaml:3: a second job named 'a' (the first is on line 2)"
        ),
        (
            "jobs:\n  - {name: a b, every: 5m, snapshot: {db: x, out: y}}\n  - {name: a-b, every: 5m, snapshot: {db: x, out: y}}\n",
            "s.yaml:3: a second job with id 'a-b'"
        ),
        ("jobs:\n  - {name: a, every: 5m, check: {models: .}}\n", "s.yaml:2: check of job 'a' needs one of 'db'"),
        (
            "jobs:\n  - {name: a, every: 5m, snapshot: {db: '${UNCLOSED', out: y}}\n",
            "s.yaml:2: '${' without its closing '}'"
        ),
        ("jobs:\n  - {name: a, every: 5m, snapshot: {db: '${1X}', out: y}}\n", "is not a variable reference"),
        ("timezone: Mars/Olympus\njobs: []\n", "s.yaml:1: unknown time zone 'Mars/Olympus'"),
        ("jobs: 5\n", "s.yaml:1: 'jobs' must be a list of jobs"),
        ("jobs:\n  - [a]\n", "s.yaml:2: a job must be a mapping"),
        ("jobs: [\n", "s.yaml: not valid YAML: line"),
        ("- a\n", "the schedule file must be a mapping"),
        ("job: []\n", "unknown key \"job\" in the schedule file"),
    ])
    func aMistakeIsOneErrorWithItsLine(_ text: String, _ message: String) {
        #expect {
            _ = try ScheduleFile.parse(text, path: "s.yaml")
        } throws: { error in
            guard let error = error as? SchedulerError else { return false }
            return error.code == .invalidSchedule && error.message.contains(message) && !error.message.contains("\n")
        }
    }

    @Test func idsAreDerivedFromNames() {
        #expect(ScheduledJob.slug("Drift production (EU)") == "drift-production-eu")
        #expect(ScheduledJob.slug("  Ünïcode — check ") == "ünïcode-check")
        #expect(ScheduledJob.slug("!!!") == "job")
    }

    @Test func aMissingFileSaysWhereItLooked() {
        #expect {
            _ = try ScheduleFile.read("/nonexistent/schedule.yaml")
        } throws: { error in
            "\(error)".contains("no schedule file at /nonexistent/schedule.yaml")
        }
    }
}
