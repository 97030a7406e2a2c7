import ArgumentParser

/// `orchestrator-planner scheduler ...`
struct SchedulerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "Run scheduled snapshots, drift checks and stale-plan checks; show orchestrator-core's schedule.",
        discussion: """
            The jobs are in a schedule file (orchestrator-planner-schedule.yaml, or --schedule FILE); the job store \
            (an SQLite file) remembers their next and last runs. docs/scheduler.md describes the file.
            """,
        subcommands: [SchedulerRun.self, SchedulerForce.self, SchedulerShowSchedule.self]
    )
}
