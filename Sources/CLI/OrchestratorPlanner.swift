import ArgumentParser
import Catalogue
import Foundation

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
            db: Alembic commands: revisions on the migration files (init, revision, heads, history, merge), and \
            upgrade, downgrade, current and stamp on a database.
            generate: Python code (products, blocks, workflows, tests, migration) from a YAML product config.
            scheduler: scheduled snapshots, drift checks and stale-plan checks; orchestrator-core's own schedule.
            --show-completion [bash|zsh|fish]: print the shell completion script (default: from $SHELL).
            --install-completion [bash|zsh|fish]: install it where the shell looks.
            Exit codes: docs/exit-codes.md.
            """,
        version: ToolVersion.current,
        subcommands: [
            SnapshotCommand.self, ModelsCommand.self, PlanCommand.self, ApplyCommand.self, DbCommand.self,
            GenerateCommand.self, SchedulerCommand.self,
        ]
    )

    /// Temporary files of an interrupted earlier run that this run's writes removed.
    private static func noteStaleTemporaryFiles() {
        for path in TemporaryFiles.shared.takeStaleRemoved() {
            Terminal.note("note: removed \(path), a temporary file left by an interrupted run")
        }
    }

    static func main() {
        Interrupts.install()
        let arguments = CommandLineErrors.relativeRevisions(Array(CommandLine.arguments.dropFirst()))
        if let status = Completions.handle(arguments, environment: ProcessInfo.processInfo.environment) {
            exit(withError: status == 0 ? nil : ExitCode(status))
        }
        if let help = CommandLineErrors.planHelp(arguments) {
            print(help)
            return
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // Help and version requests print as usual; errors in the one error style.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            Terminal.note(CommandLineErrors.message(for: error, arguments: arguments))
            exit(withError: ExitCode(exitCode(for: error).rawValue))
        }
        do {
            defer { noteStaleTemporaryFiles() }
            try command.run()
        } catch {
            guard error is ExitCode || exitCode(for: error) == .success else {
                // An error no command mapped: still one line in the one style, and the validation exit status.
                Terminal.error(TextEscaping.oneLine("\(message(for: error))"))
                exit(withError: ExitCode(exitCode(for: error).rawValue))
            }
            exit(withError: error)
        }
    }
}
