import Catalogue
import Foundation
import TestSupport
import Testing

@testable import Scheduler

/// The run loop, `force` and the job store with an injected clock: nothing sleeps, and the runs are counted.
@Suite struct SchedulerLoopTests {
    static let schedule = """
        jobs:
          - name: every ten minutes
            every: 10m
            verify-plans: {dir: plans, snapshot: s.sqlite}
          - name: nightly
            cron: "0 2 * * *"
            snapshot: {db: "postgresql://u@h/d", out: s.sqlite}
          - name: Nightly drift
            cron: "30 2 * * *"
            check: {snapshot: s.sqlite}
        """

    struct Setup {
        let folder: TemporaryFolder
        let file: ScheduleFile
        let store: JobStore
        var lines: [String] = []

        init(_ text: String = SchedulerLoopTests.schedule) throws {
            folder = try TemporaryFolder()
            file = try ScheduleFile.parse(text, path: folder.file("schedule.yaml").path)
            store = try #require(try JobStore.open(folder.file("store/scheduler.sqlite"), create: true))
        }

        func loop(
            _ clock: ManualClock, _ runner: RecordingRunner, stop: StopSignal = StopSignal(), log: RunLog? = nil
        )
            -> SchedulerLoop
        {
            SchedulerLoop(
                schedule: file, store: store, zone: .utc, clock: clock, runner: runner, stop: stop,
                log: log ?? RunLog(format: .text) { _ in })
        }
    }

    @Test func jobsRunWhenDueOneAtATime() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        let clock = ManualClock(start, stopAt: start + 5400)
        let runner = RecordingRunner(clock: clock)
        runner.duration = 5
        let reason = try setup.loop(clock, runner).run()
        #expect(reason == .terminate)
        let runs = runner.runs.map { "\($0.job)@\($0.at - start)" }
        // Each run takes 5 s: jobs due together run one after the other, by due time and then name (code points,
        // as Python compares: "Nightly drift" before "every ten minutes").
        #expect(
            runs == [
                "every-ten-minutes@600", "every-ten-minutes@1200", "every-ten-minutes@1800", "every-ten-minutes@2400",
                "every-ten-minutes@3000", "every-ten-minutes@3600", "nightly@3605", "every-ten-minutes@4200",
                "every-ten-minutes@4800", "nightly-drift@5400", "every-ten-minutes@5405",
            ])
        let records = try setup.store.records()
        #expect(records["nightly"]?.nextRunTime == utc("2026-06-02 02:00"))
        #expect(records["nightly"]?.lastRun?.result == .ok)
        #expect(records["every-ten-minutes"]?.nextRunTime == start + 6000, "the cadence holds after a late start")
        #expect(try setup.store.history(of: "every-ten-minutes", limit: 100).count == 9)
    }

    @Test func aRestartMakesUpMissedRunsOnce() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        // First life: reconciles (next runs stored) and stops before anything is due.
        let first = ManualClock(start, stopAt: start + 60)
        _ = try setup.loop(first, RecordingRunner(clock: first)).run()
        #expect(try setup.store.records()["every-ten-minutes"]?.nextRunTime == start + 600)

        // Down for five hours: every job missed runs; each runs once, at once, then keeps its cadence.
        let restart = start + 5 * 3600
        let clock = ManualClock(restart, stopAt: restart + 700)
        let runner = RecordingRunner(clock: clock)
        var lines: [String] = []
        _ = try setup.loop(clock, runner, log: RunLog(format: .text) { lines.append($0) }).run()
        #expect(
            runner.runs.map { "\($0.job)@\($0.at - restart)" } == [
                "every-ten-minutes@0", "nightly@0", "nightly-drift@0", "every-ten-minutes@600",
            ])
        #expect(lines.contains { $0.contains("job=every-ten-minutes") && $0.contains("late=4:50:00") })
        #expect(try setup.store.records()["nightly"]?.nextRunTime == utc("2026-06-02 02:00"))
    }

    @Test func aChangedTriggerIsScheduledAnew() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        _ = try setup.store.reconcile(setup.file.jobs, now: start, zone: .utc)
        let changed = try ScheduleFile.parse(
            Self.schedule.replacingOccurrences(of: "every: 10m", with: "every: 1h"), path: setup.file.path)
        let next = try setup.store.reconcile(changed.jobs, now: start + 300, zone: .utc)
        #expect(next["every-ten-minutes"] == start + 300 + 3600)
        #expect(next["nightly"] == utc("2026-06-01 02:00"), "unchanged jobs keep their next run")
        // A job no longer in the file is forgotten with its runs.
        let fewer = ScheduleFile(path: changed.path, timezone: nil, jobs: Array(changed.jobs.prefix(1)))
        _ = try setup.store.reconcile(fewer.jobs, now: start, zone: .utc)
        #expect(Set(try setup.store.records().keys) == ["every-ten-minutes"])
    }

    @Test func aStopRequestLetsTheRunningJobFinish() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        let clock = ManualClock(start)
        let runner = RecordingRunner(clock: clock)
        let stop = StopSignal()
        runner.duration = 30
        // Ctrl-C arrives while the first job runs.
        runner.onRun = { _ in stop.request(.interrupt) }
        var lines: [String] = []
        let reason = try setup.loop(clock, runner, stop: stop, log: RunLog(format: .json) { lines.append($0) }).run()
        #expect(reason == .interrupt)
        #expect(runner.runs.count == 1)
        let records = try setup.store.records()
        #expect(records["every-ten-minutes"]?.lastRun?.finishedAt == Double(start + 630), "the run was recorded")
        #expect(records["every-ten-minutes"]?.nextRunTime == start + 1200)
        #expect(lines.last?.contains("\"event\":\"stopped\",\"signal\":\"SIGINT\"") == true)
        // A second request changes nothing.
        stop.request(.terminate)
        #expect(stop.reason == .interrupt)
    }

    /// logfmt values are quoted when they hold a space, a quote or `=`, found by scalar: a quote followed by a
    /// combining mark is one Swift Character but would still end a bare value for a logfmt reader.
    @Test func logfmtQuotesByScalar() {
        #expect(RunLog.logfmt(.string("plain")) == "plain")
        #expect(RunLog.logfmt(.string("a\"\u{301}b")) == "\"a\\\"\u{301}b\"")
        #expect(RunLog.logfmt(.string("a \u{301}b")) == "\"a \u{301}b\"")
        #expect(RunLog.logfmt(.string("k=\u{301}v")).hasPrefix("\""))
    }

    @Test func forceRunsTheJobsWhoseNamesContainTheKeyword() throws {
        let setup = try Setup()
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        _ = try setup.store.reconcile(setup.file.jobs, now: start, zone: .utc)
        let clock = ManualClock(start + 60)
        let runner = RecordingRunner(clock: clock)
        runner.result = { job in job.id == "nightly" ? JobOutcome(.error, "database unreachable") : JobOutcome(.ok, "")
        }
        let force = ForceRun(schedule: setup.file, store: setup.store, zone: .utc, clock: clock, runner: runner)
        var events: [String] = []
        let runs = try force.run("NIGHTLY") { event in
            switch event {
            case .starting(let job): events.append("start \(job.id)")
            case .finished(let job, let run): events.append("end \(job.id) \(run.result.rawValue)")
            case .onFailureRan(let job, let status):
                events.append("on-failure \(job.id) \(status.map(String.init) ?? "-")")
            }
        }
        #expect(events == ["start nightly", "end nightly error", "start nightly-drift", "end nightly-drift ok"])
        #expect(runs.allSatisfy { $0.forced })
        let records = try setup.store.records()
        #expect(records["nightly"]?.lastRun?.message == "database unreachable")
        #expect(records["nightly"]?.nextRunTime == utc("2026-06-01 02:00"), "a forced run does not move the next one")
        #expect(try force.run("no such job") { _ in }.isEmpty)
        #expect(ForceRun.matching("every-ten-minutes", in: setup.file.jobs).map(\.id) == ["every-ten-minutes"])
    }

    @Test func theStoreLockKeepsASecondRunOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("scheduler.sqlite")
        var lock: StoreLock? = try StoreLock.acquire(for: store)
        #expect(lock != nil)
        #expect {
            _ = try StoreLock.acquire(for: store)
        } throws: { error in
            guard let error = error as? SchedulerError else { return false }
            return error.code == .storeLocked && error.message.contains("(process \(getpid()))")
                && error.message.contains(store.path)
        }
        lock = nil
        #expect(try StoreLock.acquire(for: store).path == store.path + ".lock")
    }

    @Test func theStoreIsNotAnyOtherSQLiteFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let copy = folder.file("catalogue.sqlite")
        try FileManager.default.copyItem(at: Repository.fixture("example/catalogue.sqlite"), to: copy)
        #expect {
            _ = try JobStore.open(copy, create: true)
        } throws: { error in
            (error as? SchedulerError)?.code == .storeUnusable && "\(error)".contains("not a job store")
        }
        #expect(try JobStore.open(folder.file("absent.sqlite"), create: false) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.file("absent.sqlite").path))
    }

    @Test func onFailureGetsASummaryWithoutSettings() throws {
        let text = """
            jobs:
              - name: drift
                every: 1m
                check: {db: "postgresql://app:hunter2@db/orch", models: .}
                on-failure: "cat > summary.json; exit 3"
            """
        let setup = try Setup(text)
        defer { setup.folder.remove() }
        let start = utc("2026-06-01 01:00")
        let clock = ManualClock(start, stopAt: start + 90)
        let runner = RecordingRunner(clock: clock)
        runner.result = { _ in JobOutcome(.drift, "the catalogue needs a migration", details: ["+ product \"X\""]) }
        var lines: [String] = []
        _ = try setup.loop(clock, runner, log: RunLog(format: .text) { lines.append($0) }).run()
        let summary = try String(contentsOf: setup.folder.file("summary.json"), encoding: .utf8)
        let json = try JSONValue.parse(summary)
        #expect(json.members?.first { $0.key == "result" }?.value == .string("drift"))
        #expect(json.members?.first { $0.key == "details" }?.value == .array([.string("+ product \"X\"")]))
        #expect(json.members?.first { $0.key == "started_at" }?.value == .string("2026-06-01T01:01:00Z"))
        #expect(!summary.contains("hunter2") && !summary.contains("postgresql"))
        #expect(lines.contains { $0.contains("event=on-failure job=drift status=3") })
        #expect(!lines.joined().contains("hunter2"))
    }
}
