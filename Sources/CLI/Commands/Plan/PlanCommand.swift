import ArgumentParser

/// `orchestrator-planner plan ...`: make a plan (default), or show one.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Diff domain models against a snapshot and write a reviewable migration plan.",
        subcommands: [
            PlanCreate.self, PlanShow.self, PlanAnswersCommand.self, PlanVerify.self, PlanWorkflows.self,
            PlanTasks.self,
        ],
        defaultSubcommand: PlanCreate.self
    )
}
