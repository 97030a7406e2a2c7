import Foundation

/// Runs one job and everything around it: the run itself, the store's record, the log line, and `on-failure`.
struct JobExecution {
    let schedule: ScheduleFile
    let store: JobStore
    let zone: ZoneRules
    let clock: SchedulerClock
    let runner: JobRunning
    let log: RunLog?
    let hookTimeout: TimeInterval

    /// Runs `job`; a scheduled run (`nextRunTime` given) also moves the job's next run in the store. `onFailureRan`
    /// hears how the `on-failure` command ended (nil: it could not start or timed out), when it ran.
    func execute(
        _ job: ScheduledJob, forced: Bool, lateBy: Int64 = 0, onFailureRan: (Int32?) -> Void = { _ in },
        nextRunTime: ((Date) -> Int64?)? = nil
    )
        throws(SchedulerError) -> (JobRun, JobOutcome)
    {
        let started = clock.now()
        let outcome = runner.run(job, startedAt: started)
        let finished = clock.now()
        let run = JobRun(
            jobID: job.id, startedAt: started.timeIntervalSince1970, finishedAt: finished.timeIntervalSince1970,
            result: outcome.result, message: outcome.message, forced: forced)
        try store.record(run, job: job, zone: zone, nextRunTime: nextRunTime.map { $0(finished) })
        log?.log(.run(job, run, details: outcome.details, lateBy: lateBy), at: finished)
        if outcome.result.isFailure, let command = job.onFailure {
            let summary = FailureHook.summary(job: job, run: run, outcome: outcome, scheduleFile: schedule.path)
            let folder = URL(fileURLWithPath: schedule.path).deletingLastPathComponent()
            let status = FailureHook(command: command, folder: folder, timeout: hookTimeout)
                .run(input: summary.prettyText + "\n")
            log?.log(.hook(job, status: status), at: clock.now())
            onFailureRan(status)
        }
        return (run, outcome)
    }
}

/// `scheduler run`: loops until stopped, running each job when it is due, one at a time.
///
/// The next run of every job lives in the job store, so after downtime a job whose run was missed is due at once
/// and runs once (missed runs are coalesced, as orchestrator-core's APScheduler does with `coalesce=True`); the
/// runs after it keep the trigger's cadence. A stop request is honoured between jobs: a running job finishes, and
/// its run is recorded, before the loop returns.
public struct SchedulerLoop {
    public var schedule: ScheduleFile
    public var store: JobStore
    public var zone: ZoneRules
    public var clock: SchedulerClock
    public var runner: JobRunning
    public var stop: StopSignal
    public var log: RunLog
    public var hookTimeout: TimeInterval = 300

    public init(
        schedule: ScheduleFile, store: JobStore, zone: ZoneRules, clock: SchedulerClock, runner: JobRunning,
        stop: StopSignal, log: RunLog
    ) {
        self.schedule = schedule
        self.store = store
        self.zone = zone
        self.clock = clock
        self.runner = runner
        self.stop = stop
        self.log = log
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// Runs until `stop` is requested; returns why it stopped.
    public func run() throws(SchedulerError) -> StopReason {
        let execution = JobExecution(
            schedule: schedule, store: store, zone: zone, clock: clock, runner: runner, log: log,
            hookTimeout: hookTimeout)
        var next = try store.reconcile(schedule.jobs, now: Self.seconds(clock.now()), zone: zone)
        log.log(.started(jobs: schedule.jobs.count, store: store.url.path, zone: zone.key), at: clock.now())
        for job in schedule.jobs { log.log(.next(job, at: next[job.id] ?? nil, zone: zone), at: clock.now()) }
        while true {
            if let reason = stop.reason {
                log.log(.stopped(reason), at: clock.now())
                return reason
            }
            let now = Self.seconds(clock.now())
            let due = schedule.jobs.compactMap { job -> (job: ScheduledJob, at: Int64)? in
                guard let time = next[job.id] ?? nil, time <= now else { return nil }
                return (job, time)
            }
            if let first = due.min(by: { ($0.at, $0.job.name) < ($1.at, $1.job.name) }) {
                let job = first.job
                var following: Int64?
                _ = try execution.execute(
                    job, forced: false, lateBy: now - first.at,
                    nextRunTime: { finished in
                        following = job.trigger.nextRun(
                            afterScheduled: first.at, now: Self.seconds(finished), in: zone)
                        return following
                    })
                next[job.id] = following
                log.log(.next(job, at: following, zone: zone), at: clock.now())
                continue
            }
            let wake = next.values.compactMap { $0 }.min().map { Date(timeIntervalSince1970: Double($0)) }
            clock.sleep(until: wake ?? clock.now().addingTimeInterval(3600), stop: stop)
        }
    }
}

/// `scheduler force KEYWORD`: runs now every job whose name contains the keyword (case-insensitive), one after
/// another, recording each run without moving its next run.
public struct ForceRun {
    public enum Event {
        case starting(ScheduledJob)
        case finished(ScheduledJob, JobRun)
        /// The job's `on-failure` command ended: its exit status, or nil when it could not start or timed out.
        case onFailureRan(ScheduledJob, status: Int32?)
    }

    public var schedule: ScheduleFile
    public var store: JobStore
    public var zone: ZoneRules
    public var clock: SchedulerClock
    public var runner: JobRunning
    public var hookTimeout: TimeInterval = 300

    public init(schedule: ScheduleFile, store: JobStore, zone: ZoneRules, clock: SchedulerClock, runner: JobRunning) {
        self.schedule = schedule
        self.store = store
        self.zone = zone
        self.clock = clock
        self.runner = runner
    }

    /// The jobs `keyword` selects: names containing it, compared case-insensitively; an exact id also selects.
    public static func matching(_ keyword: String, in jobs: [ScheduledJob]) -> [ScheduledJob] {
        let wanted = keyword.lowercased()
        return jobs.filter { $0.name.lowercased().contains(wanted) || $0.id == keyword }
    }

    /// Runs the matching jobs, reporting each start and end; returns the runs (empty when nothing matched).
    public func run(_ keyword: String, report: (Event) -> Void) throws(SchedulerError) -> [JobRun] {
        let execution = JobExecution(
            schedule: schedule, store: store, zone: zone, clock: clock, runner: runner, log: nil,
            hookTimeout: hookTimeout)
        var runs: [JobRun] = []
        for job in Self.matching(keyword, in: schedule.jobs) {
            report(.starting(job))
            let (run, _) = try execution.execute(
                job, forced: true, onFailureRan: { report(.onFailureRan(job, status: $0)) })
            report(.finished(job, run))
            runs.append(run)
        }
        return runs
    }
}
