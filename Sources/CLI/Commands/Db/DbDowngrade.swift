import Alembic
import ArgumentParser

/// `db downgrade [REVISION]` (default: one step down).
struct DbDowngrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "downgrade",
        abstract: "Downgrade the database to the previous revision or to the given one (-1, data@-1, base, an id).",
        discussion: "Runs as `db upgrade` does: natively for orchestrator-planner's revisions, else through Alembic.")

    @Argument(help: ArgumentHelp("Rev id to downgrade to (with --sql: START:END).", valueName: "revision"))
    var revision: String = "-1"

    @OptionGroup var options: MigrationOptions

    func run() throws {
        try reportingErrors {
            if options.sql { return try options.script(revision, upgrade: false) }
            try options.run(.downgrade(RevisionArgument(revision)))
        }
    }
}
