import ArgumentParser
import Planner

/// `plan answers PLAN`: a plan's answers (an edited plan's too) as `--inputs`/`--updates` arguments or an answers
/// file, to re-plan with after the models or the snapshot changed.
struct PlanAnswersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answers",
        abstract: "Print a plan's answers as --inputs/--updates JSON or as an answers file.",
        discussion: """
            The plan may have been edited after it was planned (its digest is not checked here): its answers are \
            taken as they are. `--format json` prints an answers file for `plan --answers FILE`.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case inputs, json }

    @Argument(help: ArgumentHelp("The plan file (or an answers file).", valueName: "plan"))
    var file: String

    @Option(help: "inputs: the --inputs and --updates arguments; json: an answers file.")
    var format: Format = .inputs

    func run() throws {
        try reportingErrors {
            let answers = try PlanAnswers.read(file)
            switch format {
            case .inputs: for line in answers.argumentLines { Terminal.out(line) }
            case .json: Terminal.out(answers.jsonDocument)
            }
        }
    }
}
