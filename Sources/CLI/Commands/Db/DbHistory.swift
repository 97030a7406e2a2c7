import Alembic
import Apply
import ArgumentParser

/// `db history`, in Alembic's format.
///
/// orchestrator-core always marks the database's revisions (`--current` cannot be switched off there), so its
/// history needs the database; ours reads the files alone unless `-c/--current` asks for the marks.
struct DbHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the revisions, newest first (Alembic's format).")
    @OptionGroup var options: ProjectOptions
    @Flag(name: .shortAndLong, help: "Verbose output.") var verbose = false
    @Flag(
        name: .shortAndLong,
        help: "Mark the revisions alembic_version holds with (current); reads --db or $DATABASE_URI.")
    var current = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if database.db != nil && !current { throw ValidationError("--db is read only with --current") }
    }

    func run() throws {
        try reportingErrors {
            let (_, graph, coreVisible) = try options.load()
            var marked: Set<String> = []
            if current {
                let rows = try MigrationRunner.currentVersions(try database.connectionString())
                marked = Set(rows)
                for row in rows where graph.revisions[row] == nil {
                    Terminal.note("warning: alembic_version holds \(row), which no migration file has")
                }
            }
            for line in AlembicListing(graph: graph).history(verbose: verbose, current: marked) { Terminal.out(line) }
            if !coreVisible { Terminal.note(ProjectOptions.coreNotVisible) }
        }
    }
}
