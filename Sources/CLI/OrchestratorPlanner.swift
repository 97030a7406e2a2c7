import ArgumentParser
import Catalogue

/// The root command: `orchestrator-planner`.
@main
struct OrchestratorPlanner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchestrator-planner",
        abstract: "Plan orchestrator-core product-catalogue migrations offline and reviewably.",
        discussion: """
            snapshot: copy a database's product catalogue into a small SQLite file (no customer data).
            models: read the domain models (Python source or YAML product config) without running Python.
            plan: diff the models against a snapshot and write a reviewable plan with the exact SQL.
            apply: verify a plan, write its Alembic revision, or run it in one transaction.
            db: Alembic revision commands (init, revision, heads, history, merge) on the migration files.
            Exit codes are listed in the README ("Exit codes").
            """,
        version: ToolVersion.current,
        subcommands: [SnapshotCommand.self, ModelsCommand.self, PlanCommand.self, ApplyCommand.self, DbCommand.self]
    )

    /// Temporary files of an interrupted earlier run that this run's writes removed.
    private static func noteStaleTemporaryFiles() {
        for path in TemporaryFiles.shared.takeStaleRemoved() {
            Terminal.note("note: removed \(path), a temporary file left by an interrupted run")
        }
    }

    static func main() {
        Interrupts.install()
        do {
            var command = try parseAsRoot()
            defer { noteStaleTemporaryFiles() }
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
