import ArgumentParser

/// `orchestrator-planner db ...`: orchestrator-core's Alembic wrappers, working on the files alone.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Alembic revision commands on the project's migration files (no database needed).",
        subcommands: [
            DbInit.self, DbRevision.self, DbHeads.self, DbHistory.self, DbMerge.self, DbMigrateDomainModels.self,
        ]
    )
}
