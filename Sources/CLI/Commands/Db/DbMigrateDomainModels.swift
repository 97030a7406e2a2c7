import Apply
import ArgumentParser
import Catalogue
import DomainModels
import Foundation
import Planner
import Snapshot

/// `db migrate-domain-models MESSAGE`: orchestrator-core's one-shot command, as snapshot + plan + apply.
struct DbMigrateDomainModels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-domain-models",
        abstract: "Create revision based on diff_product_in_database (snapshot, plan and apply in one go).")

    @Argument(help: "The migration message.") var message: String
    @Flag(help: "Print the SQL and write nothing.") var test = false
    @Option(help: ArgumentHelp("--inputs JSON, or @file.", valueName: "json")) var inputs: String = "{}"
    @Option(help: ArgumentHelp("--updates JSON, or @file.", valueName: "json")) var updates: String = "{}"
    @Flag(help: "Do not stop at the multiple-relation notice (it is listed as a warning).") var confirmWarnings = false
    @Option(help: ArgumentHelp("Plan against this snapshot instead of a live database.", valueName: "file"))
    var snapshot: String?
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Models root folder, or a YAML product config.", valueName: "root")) var models: String =
        "."
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var project: ProjectOptions
    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?
    @Flag(help: "Plan even when the model reader could not read everything (the plan lists what it missed).")
    var allowIncompleteModels = false

    func validate() throws {
        if snapshot == nil && !database.isGiven {
            throw ValidationError("give --db URL (or DATABASE_URI) or --snapshot FILE")
        }
    }

    func run() throws {
        try reportingErrors {
            let source: CatalogueSource =
                try snapshot.map { .file(URL(fileURLWithPath: $0)) } ?? .database(database.connectionString())
            let catalogue = try source.load(takenAt: Clock.now())
            let modelSet = try modelOptions.read(models)
            Terminal.noteDiagnostics(modelSet, allowIncomplete: allowIncompleteModels)
            let inputsJSON = try PlanAnswers.argumentText(inputs, option: "--inputs")
            let updatesJSON = try PlanAnswers.argumentText(updates, option: "--updates")
            let given = PlanAnswers(
                inputs: try PlanAnswers.parseInputs(inputsJSON.text, source: inputsJSON.source),
                updates: try PlanAnswers.parseUpdates(updatesJSON.text, source: updatesJSON.source))
            if test {
                Terminal.out("NOTE: Running in test mode. No migration file will be generated.\n")
            }
            let questioner = TerminalQuestioner()
            let planner = MigrationPlanner(
                snapshot: catalogue, models: modelSet,
                options: .init(
                    message: message, modelsSource: modelOptions.describe(models),
                    createdAt: SnapshotTaker.iso8601(Clock.now()),
                    allowIncompleteModels: allowIncompleteModels))
            guard case .plan(let plan) = try planner.plan(answers: given, questioner: questioner) else {
                throw PlannerError(.unanswered, "questions were left unanswered (end of input)")
            }
            for warning in plan.warnings where warning.kind != .notice || !confirmWarnings {
                Terminal.out("WARNING: \(warning.message)")
            }
            if test {
                Terminal.out("-- upgrade")
                for statement in plan.upgrade { Terminal.out(statement + ";") }
                Terminal.out("-- downgrade")
                for statement in plan.downgrade { Terminal.out(statement + ";") }
                return
            }
            Terminal.out("\nWARNING: Deleting products will also delete its subscriptions.")
            guard try Confirmation.ask(questioner) == true else { throw ExitCode(ExitCodes.aborted) }
            guard !plan.isEmpty else {
                Terminal.out("Nothing to do")
                return
            }
            Terminal.out("Generating migration file.\n")
            let application = PlanApplication(
                plan: plan, planFile: "the plan of db migrate-domain-models", project: project.root,
                coreMigrations: project.coreMigrationsURL, dependsOn: dependsOn, catalogue: .loaded(catalogue),
                date: Clock.now(),
                environment: ProcessInfo.processInfo.environment)
            try application.run { step in
                if case .revisionWritten(let file, _, _, _) = step { Terminal.out("Generating \(file.path) ...  done") }
            }
            Terminal.out("Migration generated. Don't forget to create a database backup before migrating!")
        }
    }
}
