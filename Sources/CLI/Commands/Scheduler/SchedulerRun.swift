import ArgumentParser
import Foundation
import Scheduler

/// `scheduler run`: loop until stopped, running each job when it is due.
struct SchedulerRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Loop until stopped and run the jobs at their configured times.",
        discussion: """
            One job at a time, one log line per run on stdout. After a restart, a run missed meanwhile is made up once \
            (missed runs are coalesced). SIGINT (Ctrl-C, exit 130) or SIGTERM (exit 0) stops it after the running \
            job; a second signal stops it at once. A second `scheduler run` on the same job store refuses to start \
            (exit 71).
            """)

    @OptionGroup var options: SchedulerOptions

    @Option(help: "The log format: text (logfmt) or json (one object per line).")
    var logFormat: RunLog.Format = .text

    func run() throws {
        let reason = try reportingErrors { () throws -> StopReason in
            guard let schedule = try options.loadSchedule(required: true) else { throw ExitCode.failure }
            let zone = try options.zone(for: schedule)
            let environment = ProcessInfo.processInfo.environment
            try schedule.checkEnvironment(environment)
            guard !schedule.jobs.isEmpty else {
                throw SchedulerError(.invalidSchedule, "\(schedule.path) has no jobs: nothing to run")
            }
            let lock = try StoreLock.acquire(for: options.storeURL)
            defer { withExtendedLifetime(lock) {} }
            guard let store = try JobStore.open(options.storeURL, create: true) else { throw ExitCode.failure }
            let stop = StopSignal()
            Interrupts.stopGracefully { signal in stop.request(signal == SIGINT ? .interrupt : .terminate) }
            let log = RunLog(format: logFormat) { line in
                // Unbuffered, so a pipe or a log collector sees each line when it happens.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
            return try SchedulerLoop(
                schedule: schedule, store: store, zone: zone, clock: SystemClock(),
                runner: JobActions(environment: environment, scheduleFile: schedule.path), stop: stop, log: log
            ).run()
        }
        if reason == .interrupt { throw ExitCode(ExitCodes.interrupted) }
    }
}

extension RunLog.Format: ExpressibleByArgument {}
