import Alembic
import ArgumentParser

/// `db init`: alembic.ini and the migrations folder, as orchestrator-core lays them out.
struct DbInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create alembic.ini and the migrations folder.")
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try reportingErrors {
            for line in try ProjectLayout.create(in: options.root) { Terminal.note(line) }
        }
    }
}
