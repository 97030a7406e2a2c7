import Alembic
import Apply
import ArgumentParser
import Foundation
import Postgres

/// `db current`: what alembic_version holds, resolved against the files (Alembic's format).
struct DbCurrent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the database's current revisions (Alembic's format).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var project: ProjectOptions

    func run() throws {
        try reportingErrors {
            let (_, graph, _) = try project.load()
            let rows = try MigrationRunner.currentVersions(try database.connectionString())
            for line in AlembicListing(graph: graph).current(rows) { Terminal.out(line) }
        }
    }
}
