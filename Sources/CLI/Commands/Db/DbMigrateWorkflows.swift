import Apply
import ArgumentParser
import Catalogue
import Foundation
import Planner
import Snapshot
import Workflows

/// What `db migrate-workflows` and `db migrate-tasks` share: orchestrator-core's one-shot commands, as the menus
/// on the terminal, a workflow plan, and `apply`'s revision.
struct MigrateWorkflowsOptions: ParsableArguments {
    @Argument(help: "Migration name.") var message: String
    @Flag(help: "Print the lists to add and delete, and write no migration file.") var test = false
    @Option(help: ArgumentHelp("Choose against this snapshot instead of a live database.", valueName: "file"))
    var snapshot: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var code: WorkflowCodeOptions
    @OptionGroup var project: ProjectOptions
    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?

    func validate() throws {
        if snapshot == nil && !database.isGiven {
            throw ValidationError("give --db URL (or DATABASE_URI) or --snapshot FILE")
        }
    }

    func run(_ kind: WorkflowChanges.Kind) throws {
        try reportingErrors {
            if test { Terminal.out("NOTE: Running in test mode. No migration file will be generated.\n") }
            let source: CatalogueSource =
                try snapshot.map { .file(URL(fileURLWithPath: $0)) } ?? .database(database.connectionString())
            let catalogue = try source.load(takenAt: Clock.now())
            let registry = code.registry()
            var wizard = WorkflowWizard(
                console: TerminalConsole(),
                selection: WorkflowSelection(
                    kind: kind, catalogue: WorkflowCatalogue(catalogue.catalogue, counts: catalogue.counts),
                    registry: registry))
            var changes = WorkflowChanges(kind: kind)
            if case .finished(let chosen) = try wizard.run() { changes = chosen }
            if test {
                Terminal.out(Self.lists(changes))
                return
            }
            guard !changes.isEmpty else {
                Terminal.out("Nothing to do")
                return
            }
            let plan = try WorkflowPlanner.plan(
                changes, snapshot: catalogue, registry: registry, code: code.code, message: message,
                createdAt: SnapshotTaker.iso8601(Clock.now()))
            Terminal.out("Generating migration file.\n")
            let application = PlanApplication(
                plan: plan, planFile: "the plan of db migrate-\(kind.rawValue)", project: project.root,
                coreMigrations: project.coreMigrationsURL, dependsOn: dependsOn, catalogue: .loaded(catalogue),
                date: Clock.now(), environment: ProcessInfo.processInfo.environment)
            try application.run { step in
                if case .revisionWritten(let file, _, _, _) = step { Terminal.out("Generating \(file.path) ...  done") }
            }
            Terminal.out("Migration generated. Don't forget to create a database backup before migrating!")
        }
    }

    /// `--test`: the two lists orchestrator-core returns, as JSON.
    static func lists(_ changes: WorkflowChanges) -> String {
        let tasks = changes.kind == .tasks
        let add = changes.add.map { added -> JSONValue in
            tasks
                ? .object([("name", .string(added.name)), ("description", .string(added.description))])
                : .object([
                    ("name", .string(added.name)), ("target", .string(added.target)),
                    ("description", .string(added.description)),
                    ("product_type", added.productType.map(JSONValue.string) ?? .null),
                ])
        }
        let delete = changes.delete.map { deleted -> JSONValue in
            tasks
                ? .object([("name", .string(deleted.name)), ("description", .string(deleted.description))])
                : .object([
                    ("name", .string(deleted.name)), ("target", .string(deleted.target)),
                    ("description", .string(deleted.description)),
                    ("product_type", deleted.productType.map(JSONValue.string) ?? .null),
                ])
        }
        return JSONValue.array([.array(add), .array(delete)]).prettyText
    }
}

/// `db migrate-workflows MESSAGE`.
struct DbMigrateWorkflows: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-workflows", abstract: "Create migration file based on diff workflows in db")
    @OptionGroup var options: MigrateWorkflowsOptions
    func run() throws { try options.run(.workflows) }
}

/// `db migrate-tasks MESSAGE`.
struct DbMigrateTasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-tasks", abstract: "Create migration file based on diff tasks in db")
    @OptionGroup var options: MigrateWorkflowsOptions
    func run() throws { try options.run(.tasks) }
}
