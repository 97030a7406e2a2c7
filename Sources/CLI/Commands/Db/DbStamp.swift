import Alembic
import Apply
import ArgumentParser
import Foundation

/// `db stamp REVISION`: set alembic_version without running anything.
struct DbStamp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp",
        abstract: "Set alembic_version to a revision without running any migration (for repairs).")

    @Argument(help: ArgumentHelp("The revision to record (heads, data@head, base, an id).", valueName: "revision"))
    var revision: String

    @Flag(help: "Delete every row first, then record the revision.")
    var purge = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var project: ProjectOptions

    func run() throws {
        try reportingErrors {
            let (alembic, graph, _) = try project.load()
            let runner = MigrationRunner(
                graph: graph, project: alembic.root, environment: ProcessInfo.processInfo.environment)
            try runner.run(.stamp(RevisionArgument(revision), purge: purge), database: try database.connectionString())
            {
                Terminal.out(MigrationOptions.describe($0))
            }
        }
    }
}
