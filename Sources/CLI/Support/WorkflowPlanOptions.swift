import ArgumentParser
import Catalogue
import Foundation
import Planner
import Snapshot
import Workflows

/// What `plan workflows` and `plan tasks` share: the message, the snapshot, the code, the choices (`--choices`,
/// or orchestrator-core's menus on the terminal), `--check`, and the plan file.
struct WorkflowPlanOptions: ParsableArguments {
    @Argument(help: "The migration message (the revision's title).")
    var message: String?

    @Option(help: ArgumentHelp("The catalogue snapshot to plan against.", valueName: "file"))
    var snapshot: String

    @OptionGroup var code: WorkflowCodeOptions

    @Option(help: ArgumentHelp("The choices as JSON, or @file (see --help of plan workflows).", valueName: "json"))
    var choices: String?

    @Flag(help: "Never ask: without --choices, print what could be chosen and exit 3.")
    var noInput = false

    @Flag(help: "Only check: exit 1 when registered ones are missing from the catalogue or it holds unregistered ones.")
    var check = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan.", valueName: "file"))
    var out: String = "plan.yaml"

    @Flag(help: "Also append the plan as Markdown to the file named by $GITHUB_STEP_SUMMARY.")
    var githubSummary = false

    func validate() throws {
        if !check && (message ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("give a message for the migration (or use --check)")
        }
    }

    func run(_ kind: WorkflowChanges.Kind) throws {
        try reportingErrors {
            if !check { try AtomicFile(URL(fileURLWithPath: out)).checkWritable(inputs: [snapshot]) }
            let snapshotValue = try SnapshotFile.read(URL(fileURLWithPath: snapshot))
            let registry = code.registry()
            var selection = WorkflowSelection(
                kind: kind, catalogue: WorkflowCatalogue(snapshotValue.catalogue, counts: snapshotValue.counts),
                registry: registry)
            if check { return try reportCheck(selection) }
            if let choices {
                let (text, source) = try PlanAnswers.argumentText(choices, option: "--choices")
                try WorkflowChoices.apply(text, source: source, to: &selection)
            } else if noInput {
                Terminal.error(
                    "nothing chosen (--no-input without --choices); what could be chosen, as --choices JSON:")
                Terminal.note(WorkflowChoices.template(selection))
                throw ExitCode(ExitCodes.unanswered)
            } else {
                var wizard = WorkflowWizard(console: TerminalConsole(), selection: selection)
                guard case .finished(let changes) = try wizard.run() else {
                    Terminal.out("Nothing to do")
                    return
                }
                return try write(changes, snapshot: snapshotValue, registry: registry)
            }
            try write(selection.changes, snapshot: snapshotValue, registry: registry)
        }
    }

    private func write(_ changes: WorkflowChanges, snapshot: CatalogueSnapshot, registry: WorkflowRegistry) throws {
        guard !changes.isEmpty else {
            Terminal.out("Nothing to do: nothing was chosen, so no plan was written.")
            return
        }
        let plan = try WorkflowPlanner.plan(
            changes, snapshot: snapshot, registry: registry, code: code.code, message: message ?? "",
            createdAt: SnapshotTaker.iso8601(Clock.now()))
        let (text, digest) = PlanFile.encodeWithDigest(plan)
        try AtomicFile(URL(fileURLWithPath: out)).write(Data(text.utf8), inputs: [self.snapshot])
        Terminal.out(
            PlanRenderer.text(plan, file: out, includeSQL: false, digest: digest, colour: Terminal.stdoutHasColour))
        Terminal.out("Wrote \(out): \(plan.upgrade.count) upgrade and \(plan.downgrade.count) downgrade statements.")
        if githubSummary { try GitHubSummary.append(plan, file: out) }
    }

    /// `--check`: registered ones missing from the catalogue, and catalogue ones no code registers.
    private func reportCheck(_ selection: WorkflowSelection) throws {
        let tasks = selection.kind == .tasks
        let missing =
            tasks
            ? selection.availableTasks
            : selection.registeredWorkflows.filter {
                selection.catalogue[$0] == nil && selection.registry[$0]?.isTask != true
            }
        let unregistered =
            (tasks ? selection.unregisteredTasks : selection.unregisteredWorkflows.filter { !$0.isTask }).map(\.name)
        let noun = tasks ? "tasks" : "workflows"
        guard !missing.isEmpty || !unregistered.isEmpty else {
            Terminal.out("The catalogue's \(noun) match the registered ones.")
            return
        }
        Terminal.out("The catalogue's \(noun) differ from the registered ones:")
        for name in missing { Terminal.out("  + \(name) (registered, not in the catalogue)") }
        for name in unregistered { Terminal.out("  - \(name) (in the catalogue, not registered)") }
        throw ExitCode(ExitCodes.differs)
    }
}
