import Alembic
import ArgumentParser

/// `db history`, in Alembic's format.
struct DbHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List the revisions, newest first (Alembic's format).")
    @OptionGroup var options: ProjectOptions
    @Flag(name: .shortAndLong, help: "Verbose output.") var verbose = false

    func run() throws {
        try reportingErrors {
            let (_, graph, coreVisible) = try options.load()
            for line in AlembicListing(graph: graph).history(verbose: verbose) { Terminal.out(line) }
            if !coreVisible { Terminal.note(ProjectOptions.coreNotVisible) }
        }
    }
}
