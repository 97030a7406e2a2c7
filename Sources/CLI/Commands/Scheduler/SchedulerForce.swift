import ArgumentParser
import Foundation
import Scheduler

/// `scheduler force KEYWORD`: run the matching jobs now, with orchestrator-core's messages.
struct SchedulerForce: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force",
        abstract: "Run now every job whose name contains KEYWORD (case-insensitive).",
        discussion: """
            Prints orchestrator-core's messages: Running Task [<id>] now..., then Task executed successfully. or \
            Task execution failed: <error> (and, on stderr, how the job's on-failure command ended). Exit 1 when \
            nothing matched or a job failed. The runs are recorded in the \
            job store; the jobs' next runs do not move.
            """)

    @Argument(help: ArgumentHelp("Part of a job's name (or its id).", valueName: "keyword"))
    var keyword: String

    @OptionGroup var options: SchedulerOptions

    func run() throws {
        let failed = try reportingErrors { () throws -> Bool in
            guard let schedule = try options.loadSchedule(required: false) else {
                Terminal.note("note: no schedule file (\(options.scheduleDescription))")
                Terminal.out("Task '\(keyword)' not found.")
                return true
            }
            let zone = try options.zone(for: schedule)
            let environment = ProcessInfo.processInfo.environment
            let selected = ForceRun.matching(keyword, in: schedule.jobs)
            guard !selected.isEmpty else {
                Terminal.out("Task '\(keyword)' not found.")
                return true
            }
            // Only the selected jobs' variables need to be set.
            try schedule.checkEnvironment(environment, only: selected)
            guard let store = try JobStore.open(options.storeURL, create: true) else { return true }
            let force = ForceRun(
                schedule: schedule, store: store, zone: zone, clock: SystemClock(),
                runner: JobActions(environment: environment, scheduleFile: schedule.path))
            let runs = try force.run(keyword) { event in
                switch event {
                case .starting(let job): Terminal.out("Running Task [\(job.id)] now...")
                case .finished(_, let run):
                    Terminal.out(
                        run.result.isFailure ? "Task execution failed: \(run.message)" : "Task executed successfully.")
                case .onFailureRan(_, let status?):
                    Terminal.note("on-failure: the command exited with status \(status)")
                case .onFailureRan(_, nil):
                    Terminal.note("on-failure: the command did not finish (it could not start, or it timed out)")
                }
            }
            return runs.contains { $0.result.isFailure }
        }
        if failed { throw ExitCode.failure }
    }
}
