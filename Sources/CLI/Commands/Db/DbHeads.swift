import Alembic
import ArgumentParser

/// `db heads`, in Alembic's format.
struct DbHeads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heads", abstract: "Show the heads (Alembic's format).")
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try reportingErrors {
            let (_, graph, coreVisible) = try options.load()
            for line in AlembicListing(graph: graph).heads() { Terminal.out(line) }
            if !coreVisible { Terminal.note(ProjectOptions.coreNotVisible) }
        }
    }
}
