import ArgumentParser

/// `orchestrator-planner db ...`: orchestrator-core's Alembic wrappers, working on the files alone.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract:
            "Alembic commands: revisions on the migration files, and upgrade/downgrade/current/stamp on a database.",
        subcommands: [
            DbInit.self, DbRevision.self, DbHeads.self, DbHistory.self, DbMerge.self, DbUpgrade.self,
            DbDowngrade.self, DbCurrent.self, DbStamp.self, DbMigrateDomainModels.self, DbMigrateWorkflows.self,
            DbMigrateTasks.self,
        ]
    )
}
