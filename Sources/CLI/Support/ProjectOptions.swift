import Alembic
import ArgumentParser
import Foundation

/// `--project` and `--core-migrations`, shared by the commands that work on an Alembic project.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder holding alembic.ini.", valueName: "dir"))
    var project: String = "."

    @Option(
        help: ArgumentHelp(
            "orchestrator-core's migrations/versions/schema folder (default: found in the project's virtualenv).",
            valueName: "dir"))
    var coreMigrations: String?

    var root: URL { URL(fileURLWithPath: project) }
    var coreMigrationsURL: URL? { coreMigrations.map { URL(fileURLWithPath: $0) } }

    /// The project and the revisions of its version locations plus orchestrator-core's schema branch.
    func load() throws(AlembicError) -> (AlembicProject, RevisionGraph, coreVisible: Bool) {
        let project = try AlembicProject(root: root)
        let core = CoreMigrations.find(
            explicit: coreMigrationsURL, project: root, environment: ProcessInfo.processInfo.environment)
        let graph = try RevisionGraph(locations: project.versionLocations + (core.map { [$0] } ?? []))
        let visible = core != nil || graph.revisions.values.contains { $0.branchLabels.contains("schema") }
        return (project, graph, visible)
    }

    static let coreNotVisible =
        "note: orchestrator-core's migrations (the schema branch) are not visible; install orchestrator-core in the project's virtualenv or pass --core-migrations"
}
