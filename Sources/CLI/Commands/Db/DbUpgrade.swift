import Alembic
import ArgumentParser

/// `db upgrade REVISION`: our revisions natively, a path with others through the project's Alembic.
struct DbUpgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Upgrade the database to a revision (heads, data@head, +1, an id, ...).",
        discussion: """
            Revisions orchestrator-planner wrote run without Python, in one transaction, under the lock `apply` \
            takes, with alembic_version changed as Alembic changes it. When the path has any other revision \
            (orchestrator-core's schema migrations, hand-written ones), the whole command runs through the \
            project's Alembic ($VIRTUAL_ENV, .venv or venv), or is refused before anything changes.
            """)

    @Argument(help: ArgumentHelp("Rev id to upgrade to (with --sql: START:END).", valueName: "revision"))
    var revision: String

    @OptionGroup var options: MigrationOptions

    func run() throws {
        try reportingErrors {
            if options.sql { return try options.script(revision, upgrade: true) }
            try options.run(.upgrade(RevisionArgument(revision)))
        }
    }
}
