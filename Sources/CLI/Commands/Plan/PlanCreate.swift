import ArgumentParser
import Catalogue
import DomainModels
import Foundation
import Planner
import Snapshot

/// `plan MESSAGE --snapshot FILE --models ROOT --out plan.yaml`, and `plan --check`.
struct PlanCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Plan a catalogue migration (the default `plan` command).",
        discussion: """
            Answers come from --inputs/--updates (JSON, or @file), from a previous plan (--answers), and otherwise \
            from the terminal. With --no-input nothing is asked: unanswered questions are listed with the JSON that \
            answers them (exit 3), and destructive changes need --allow-destructive.
            """)

    @Argument(help: "The migration message (the revision's title).")
    var message: String?

    @Option(help: ArgumentHelp("The catalogue snapshot to plan against.", valueName: "file"))
    var snapshot: String

    @Option(help: ArgumentHelp("Models root folder, or a YAML product config.", valueName: "root"))
    var models: String = "."

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan.", valueName: "file"))
    var out: String = "plan.yaml"

    @Option(help: ArgumentHelp("--inputs JSON of orchestrator-core, or @file.", valueName: "json"))
    var inputs: String?

    @Option(help: ArgumentHelp("--updates JSON of orchestrator-core, or @file.", valueName: "json"))
    var updates: String?

    @Option(help: ArgumentHelp("Reuse the answers of a previous plan.", valueName: "plan"))
    var answers: String?

    @Option(
        help: ArgumentHelp("Do not diff existing products whose name contains this (repeatable).", valueName: "text"))
    var skip: [String] = []

    @Flag(help: "Never ask: list unanswered questions and exit 3.")
    var noInput = false

    @Flag(help: "With --no-input: accept changes that delete subscriptions, instances or values.")
    var allowDestructive = false

    @Flag(help: "Only check: exit 0 when the catalogue matches the models, 1 when it needs a migration.")
    var check = false

    @Flag(help: "Plan even when the model reader could not read everything (the plan lists what it missed).")
    var allowIncompleteModels = false

    @Option(
        help: ArgumentHelp(
            "Print orchestrator-core's info log lines of the change sets on stderr: text or json.", valueName: "format")
    )
    var logFormat: LogFormat?

    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    private func log(_ changes: ChangeSet, _ models: ModelSet) {
        guard let logFormat, let format = ChangeLog.Format(rawValue: logFormat.rawValue) else { return }
        for line in ChangeLog.lines(changes, productTypes: models.products.mapValues(\.productType), format: format) {
            Terminal.note(line)
        }
    }

    func validate() throws {
        if !check && (message ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("give a message for the migration (or use --check)")
        }
    }

    func run() throws {
        try reportingErrors {
            // Before any question is asked: an output that cannot be written would waste the answers.
            if !check { try AtomicFile(URL(fileURLWithPath: out)).checkWritable(inputs: inputPaths) }
            let snapshotValue = try SnapshotFile.read(URL(fileURLWithPath: snapshot))
            let modelSet = try modelOptions.read(models)
            Terminal.noteDiagnostics(modelSet, allowIncomplete: allowIncompleteModels)

            var given = PlanAnswers()
            if let answers { given = try PlanFile.read(path: answers).answers }
            if let inputs {
                let (text, source) = try PlanAnswers.argumentText(inputs, option: "--inputs")
                given.inputs.merge(try PlanAnswers.parseInputs(text, source: source)) { old, new in
                    old.merging(new) { _, n in n }
                }
            }
            if let updates {
                let (text, source) = try PlanAnswers.argumentText(updates, option: "--updates")
                if let parsed = try PlanAnswers.parseUpdates(text, source: source) { given.updates = parsed }
            }

            let source =
                models.hasSuffix(".yaml") || models.hasSuffix(".yml")
                ? "yaml:\(models)" : "python:\(models)" + (modelOptions.package.map { " (package \($0))" } ?? "")
            let planner = MigrationPlanner(
                snapshot: snapshotValue, models: modelSet,
                options: .init(
                    message: message ?? "check", modelsSource: source, createdAt: SnapshotTaker.iso8601(Clock.now()),
                    skip: skip,
                    allowIncompleteModels: allowIncompleteModels))
            let questioner: Questioner = (noInput || check) ? NoInputQuestioner() : TerminalQuestioner()

            switch try planner.plan(answers: given, questioner: questioner) {
            case .unanswered(let questions, let changes):
                log(changes, modelSet)
                if check { return try reportCheck(changed: true, changes: changes) }
                Terminal.error("\(questions.count) question\(questions.count == 1 ? "" : "s") unanswered (--no-input):")
                for question in questions {
                    Terminal.note(
                        "  [\(question.section)] \(question.prompt.trimmingCharacters(in: .whitespacesAndNewlines))")
                }
                Terminal.note("Answer them with:")
                for line in AnswerTemplate.lines(for: questions) { Terminal.note("  \(line)") }
                throw ExitCode(ExitCodes.unanswered)
            case .plan(let plan):
                log(plan.changes, modelSet)
                if check { return try reportCheck(changed: !plan.isEmpty, changes: plan.changes) }
                if plan.isDestructive {
                    if noInput && !allowDestructive {
                        Terminal.error("the plan deletes data; rerun with --allow-destructive to accept:")
                        for warning in plan.warnings where warning.kind == .destructive {
                            Terminal.note("  \(warning.message)")
                        }
                        throw ExitCode(ExitCodes.destructive)
                    }
                    if !noInput {
                        for warning in plan.warnings where warning.kind == .destructive {
                            Terminal.out("WARNING: \(warning.message)")
                        }
                        guard try Confirmation.ask(questioner) == true else {
                            Terminal.error("aborted: no plan written")
                            throw ExitCode(ExitCodes.aborted)
                        }
                    }
                }
                let (text, digest) = PlanFile.encodeWithDigest(plan)
                try AtomicFile(URL(fileURLWithPath: out)).write(Data(text.utf8), inputs: inputPaths)
                Terminal.out(PlanRenderer.text(plan, file: out, includeSQL: false, digest: digest))
                Terminal.out(
                    "Wrote \(out): \(plan.upgrade.count) upgrade and \(plan.downgrade.count) downgrade statements.")
            }
        }
    }

    /// The files this command reads: the plan must not replace any of them.
    private var inputPaths: [String] {
        var paths = [snapshot, models]
        if let answers { paths.append(answers) }
        for argument in [inputs, updates].compactMap({ $0 }) where argument.hasPrefix("@") {
            paths.append(String(argument.dropFirst()))
        }
        return paths
    }

    private func reportCheck(changed: Bool, changes: ChangeSet) throws {
        guard changed else {
            Terminal.out("The catalogue matches the models: nothing to migrate.")
            return
        }
        Terminal.out("The catalogue needs a migration.")
        for (name, entries) in PlanRenderer.categories(changes) {
            Terminal.out("  \(name): \(entries.joined(separator: ", "))")
        }
        throw ExitCode(ExitCodes.differs)
    }
}
