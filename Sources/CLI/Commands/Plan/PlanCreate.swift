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
            Answers come from --answers (a plan, even an edited one, or an answers file), --inputs/--updates (JSON, \
            or @file), and otherwise from the terminal, which shows the changes and asks to confirm them before the \
            first value is asked for. Every answer is checked when it is given. Stopping (or a refused answer) saves \
            the answers given so far next to the plan, to resume with --answers. With --no-input nothing is asked: \
            unanswered questions are listed with the JSON that answers them (exit 3), and destructive changes need \
            --allow-destructive (exit 4). Other plan commands: show, answers, verify (`plan SUBCOMMAND --help`).
            """)

    @Argument(help: "The migration message (the revision's title).")
    var message: String?

    @Option(help: ArgumentHelp("The catalogue snapshot to plan against.", valueName: "file"))
    var snapshot: String

    @OptionGroup var modelSource: ModelSourceOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan.", valueName: "file"))
    var out: String = "plan.yaml"

    @OptionGroup var given: AnswerOptions

    @Option(
        help: ArgumentHelp("Do not diff existing products whose name contains this (repeatable).", valueName: "text"))
    var skip: [String] = []

    @Flag(help: "Never ask: list unanswered questions and exit 3.")
    var noInput = false

    @Option(
        help: ArgumentHelp(
            "With unanswered questions: write an answers file to fill in and pass back with --answers.",
            valueName: "file"))
    var answerTemplate: String?

    @Flag(help: "With --no-input: accept changes that delete subscriptions, instances or values.")
    var allowDestructive = false

    @Flag(help: "Only check: exit 0 when the catalogue matches the models, 1 when it needs a migration.")
    var check = false

    @Flag(help: "Also append the plan as Markdown to the file named by $GITHUB_STEP_SUMMARY.")
    var githubSummary = false

    @Option(
        help: ArgumentHelp(
            "Print orchestrator-core's info log lines of the change sets on stderr: text or json.", valueName: "format")
    )
    var logFormat: LogFormat?

    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    private var interactive: Bool { !(noInput || check) }

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
            let modelSet = try modelSource.read()
            Terminal.noteDiagnostics(modelSet, allowIncomplete: modelSource.allowIncompleteModels)
            let answers = try given.gather()
            let planner = MigrationPlanner(
                snapshot: snapshotValue, models: modelSet,
                options: .init(
                    message: message ?? "check", modelsSource: modelSource.describe(),
                    createdAt: SnapshotTaker.iso8601(Clock.now()), skip: skip,
                    allowIncompleteModels: modelSource.allowIncompleteModels))
            let saved = SavedAnswers(planPath: out, enabled: interactive)
            Interrupts.onInterruptAtPrompt { saved.save(saved.recorder.answers) }
            var reviewer: ((MigrationPlanner.Preview) throws(PlannerError) -> Bool)? = nil
            if interactive { reviewer = { (preview) throws(PlannerError) -> Bool in try review(preview) } }
            let questioner: Questioner = interactive ? TerminalQuestioner() : NoInputQuestioner()
            let outcome: MigrationPlanner.Outcome = try saved.onFailure {
                try planner.plan(answers: answers, questioner: questioner, recorder: saved.recorder, review: reviewer)
            }
            switch outcome {
            case .declined(let answers):
                Terminal.error("stopped: no plan written")
                saved.save(answers)
                throw ExitCode(ExitCodes.aborted)
            case .unanswered(let questions, let changes):
                log(changes, modelSet)
                if check { return try reportCheck(planner.draft(of: changes, answers: answers)) }
                try reportUnanswered(questions, changes: changes)
                saved.save(saved.recorder.answers)
                throw ExitCode(ExitCodes.unanswered)
            case .plan(let plan):
                log(plan.changes, modelSet)
                if check { return try reportCheck(plan) }
                if plan.isDestructive && !interactive && !allowDestructive {
                    Terminal.error("the plan deletes data; rerun with --allow-destructive to accept:")
                    for warning in plan.warnings where warning.kind == .destructive {
                        Terminal.note("  \(warning.message)")
                    }
                    throw ExitCode(ExitCodes.destructive)
                }
                let (text, digest) = PlanFile.encodeWithDigest(plan)
                try AtomicFile(URL(fileURLWithPath: out)).write(Data(text.utf8), inputs: inputPaths)
                Terminal.out(
                    PlanRenderer.text(
                        plan, file: out, includeSQL: false, digest: digest, colour: Terminal.stdoutHasColour))
                Terminal.out(
                    "Wrote \(out): \(plan.upgrade.count) upgrade and \(plan.downgrade.count) downgrade statements.")
                if githubSummary { try GitHubSummary.append(plan, file: out) }
            }
        }
    }

    /// Shows the changes and their warnings before the first value is asked for, and asks to confirm them (as
    /// orchestrator-core confirms up front).
    private func review(_ preview: MigrationPlanner.Preview) throws(PlannerError) -> Bool {
        Terminal.out("")
        for line in PlanRenderer.changeLines(preview.plan, colour: Terminal.stdoutHasColour) { Terminal.out(line) }
        Terminal.out("")
        guard let confirmed = try Confirmation.ask(TerminalQuestioner()) else {
            throw PlannerError(.unanswered, Self.endOfInput + " before the changes were confirmed")
        }
        return confirmed
    }

    static let endOfInput = "the input ended (end of file on stdin)"

    private func reportUnanswered(_ questions: [Question], changes: ChangeSet) throws {
        let count = "\(questions.count) question\(questions.count == 1 ? "" : "s") unanswered"
        if interactive {
            Terminal.error("\(Self.endOfInput) before every question was answered; \(count):")
        } else {
            Terminal.error("\(count) (--no-input):")
        }
        let template = AnswerTemplate(questions: questions, changes: changes)
        for line in template.lines { Terminal.note(line) }
        if let answerTemplate {
            try AtomicFile(URL(fileURLWithPath: answerTemplate)).write(
                Data(template.document.utf8), inputs: inputPaths)
            Terminal.note("Wrote \(answerTemplate): fill it in and pass it back with --answers \(answerTemplate)")
        }
    }

    private func log(_ changes: ChangeSet, _ models: ModelSet) {
        guard let logFormat, let format = ChangeLog.Format(rawValue: logFormat.rawValue) else { return }
        for line in ChangeLog.lines(changes, productTypes: models.products.mapValues(\.productType), format: format) {
            Terminal.note(line)
        }
    }

    /// The files this command reads: the plan must not replace any of them.
    private var inputPaths: [String] { [snapshot, modelSource.models] + given.paths }

    private func reportCheck(_ plan: Plan) throws {
        // A draft (questions left open under --check) has changes but no SQL yet.
        guard !plan.isEmpty || !plan.changes.isEmpty else {
            Terminal.out("The catalogue matches the models: nothing to migrate.")
            return
        }
        Terminal.out("The catalogue needs a migration.")
        for line in PlanRenderer.changeLines(plan, colour: Terminal.stdoutHasColour) { Terminal.out(line) }
        throw ExitCode(ExitCodes.differs)
    }
}
