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
    @OptionGroup var modelSource: ModelSourceOptions
    @OptionGroup var project: ProjectOptions
    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?

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
            let modelSet = try modelSource.read()
            Terminal.noteDiagnostics(modelSet, allowIncomplete: modelSource.allowIncompleteModels)
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
                    message: message, modelsSource: modelSource.describe(),
                    createdAt: SnapshotTaker.iso8601(Clock.now()),
                    allowIncompleteModels: modelSource.allowIncompleteModels))
            // orchestrator-core confirms after the change sets and before the value prompts (§2.4 step 7), and
            // also when nothing changed (the planner only reviews changes, so that case is confirmed below).
            var confirmed = false
            var reviewer: ((MigrationPlanner.Preview) throws(PlannerError) -> Bool)? = nil
            if !test {
                reviewer = { (preview) throws(PlannerError) -> Bool in
                    confirmed = try confirm(preview.warnings, questioner)
                    return confirmed
                }
            }
            let plan: Plan
            switch try planner.plan(answers: given, questioner: questioner, review: reviewer) {
            case .plan(let planned): plan = planned
            case .declined: throw ExitCode(ExitCodes.aborted)
            case .unanswered:
                throw PlannerError(.unanswered, "questions were left unanswered (end of file on stdin)")
            }
            if test {
                for warning in plan.warnings where warning.kind != .notice || !confirmWarnings {
                    Terminal.out("WARNING: \(warning.message)")
                }
                Terminal.out("-- upgrade")
                for statement in plan.upgrade { Terminal.out(statement + ";") }
                Terminal.out("-- downgrade")
                for statement in plan.downgrade { Terminal.out(statement + ";") }
                return
            }
            if !confirmed, try !confirm(plan.warnings, questioner) { throw ExitCode(ExitCodes.aborted) }
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

    /// The warnings, orchestrator-core's fixed warning, and `Confirm the above actions [y/n]: `.
    private func confirm(_ warnings: [Plan.Warning], _ questioner: Questioner) throws(PlannerError) -> Bool {
        for warning in warnings where warning.kind != .notice || !confirmWarnings {
            Terminal.out("WARNING: \(warning.message)")
        }
        Terminal.out("\nWARNING: Deleting products will also delete its subscriptions.")
        return try Confirmation.ask(questioner) == true
    }
}
