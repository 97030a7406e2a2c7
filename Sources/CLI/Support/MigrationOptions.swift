import Alembic
import Apply
import ArgumentParser
import Foundation
import Postgres

/// What `db upgrade` and `db downgrade` share: the database, the project, `--sql`, and orchestrator-core's search
/// indexing flags (accepted, refused when set).
struct MigrationOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var project: ProjectOptions

    @Flag(help: "Print the SQL script (START:END, START defaulting to base) instead of running it; no database.")
    var sql = false

    @Flag(inversion: .prefixedNo, help: "orchestrator-core's search indexing after the migration (not supported).")
    var index = false

    @Flag(inversion: .prefixedNo, help: "orchestrator-core's forced search re-indexing (not supported).")
    var forceIndex = false

    func validate() throws {
        if index || forceIndex {
            throw ValidationError(
                "search indexing is not supported by orchestrator-planner (--index/--force-index); run orchestrator-core's own `db upgrade --index` for it"
            )
        }
        if !sql && !database.isGiven { throw ValidationError("give --db URL (or DATABASE_URI), or --sql for a script") }
    }

    /// Runs `command` against the database, telling what happens.
    func run(_ command: MigrationRunner.Command) throws {
        let (project, graph, _) = try self.project.load()
        let runner = MigrationRunner(
            graph: graph, project: project.root, environment: ProcessInfo.processInfo.environment)
        try runner.run(command, database: try database.connectionString()) { event in
            Terminal.out(Self.describe(event))
        }
    }

    /// `--sql START:END` (or END, from base): the script of the path, from the files alone (or from the project's
    /// Alembic when the path has Python revisions; what is said about that goes to stderr, the script to stdout).
    func script(_ argument: String, upgrade: Bool) throws {
        let (project, graph, _) = try self.project.load()
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || upgrade else {
            throw ValidationError("downgrade --sql needs START:END (the revision the database is at, and the target)")
        }
        let start: Set<String> =
            parts.count == 2 ? try MigrationPath.stampTargets(RevisionArgument(parts[0]), in: graph) : []
        let target = RevisionArgument(parts.count == 2 ? parts[1] : parts[0])
        let path =
            upgrade
            ? try MigrationPath.upgrade(target, from: start, in: graph)
            : try MigrationPath.downgrade(target, from: start, in: graph)
        let runner = MigrationRunner(
            graph: graph, project: project.root, environment: ProcessInfo.processInfo.environment)
        let alembicArguments = [upgrade ? "upgrade" : "downgrade", argument, "--sql"]
        if let text = try runner.script(
            path, alembicArguments: alembicArguments, report: { Terminal.note(Self.describe($0)) })
        {
            print(text, terminator: "")
        }
    }

    static func describe(_ event: MigrationRunner.Event) -> String {
        func heads(_ ids: [String]) -> String { ids.isEmpty ? "base (empty)" : ids.joined(separator: ", ") }
        switch event {
        case .nothingToDo(let current): return "Nothing to do: alembic_version is already at \(heads(current))."
        case .step(let step, let statements):
            let down = step.revision.downRevisions.joined(separator: ", ")
            let arrow = step.isUpgrade ? "\(down) -> \(step.revision.id)" : "\(step.revision.id) -> \(down)"
            return
                "Running \(step.isUpgrade ? "upgrade" : "downgrade") \(arrow), \(step.revision.message) (\(statements) statements)"
        case .delegating(let alembic, let arguments, let revisions):
            return
                "Running the project's Alembic (\(alembic.path) \(arguments.joined(separator: " "))): the path has revisions only Python can run: \(revisions.joined(separator: ", "))"
        case .finished(let ids): return "Done in one transaction; alembic_version: \(heads(ids))."
        case .stamped(let changes, let ids):
            let what = changes.isEmpty ? "nothing changed" : changes.map(\.description).joined(separator: ", ")
            return "Stamped (\(what)); alembic_version: \(heads(ids))."
        }
    }
}
