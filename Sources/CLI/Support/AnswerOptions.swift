import ArgumentParser
import Catalogue
import Foundation
import Planner

/// Where a plan's answers come from besides the terminal: `--answers` (a plan, even an edited one, or an answers
/// file), `--inputs` and `--updates` (orchestrator-core's JSON, or @file).
struct AnswerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Reuse the answers of a plan (edited or not) or of an answers file (JSON).", valueName: "file"))
    var answers: String?

    @Option(help: ArgumentHelp("--inputs JSON of orchestrator-core, or @file.", valueName: "json"))
    var inputs: String?

    @Option(help: ArgumentHelp("--updates JSON of orchestrator-core, or @file.", valueName: "json"))
    var updates: String?

    func gather() throws(PlannerError) -> PlanAnswers {
        try PlanAnswers.gather(answersFile: answers, inputs: inputs, updates: updates)
    }

    /// The files these options read (an output must not replace them).
    var paths: [String] {
        var paths = answers.map { [$0] } ?? []
        for argument in [inputs, updates].compactMap({ $0 }) where argument.hasPrefix("@") {
            paths.append(String(argument.dropFirst()))
        }
        return paths
    }
}

/// The answers given so far in an interactive plan, saved next to the plan when the user stops (declines, presses
/// Ctrl-C at a question, or the input ends) or an answer is refused, so that nothing typed is lost: `plan.yaml` → `plan.answers.json`, read back with `--answers`.
struct SavedAnswers {
    let recorder = AnswerRecorder()
    let path: String
    let enabled: Bool

    init(planPath: String, enabled: Bool) {
        var base = planPath
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        path = base + ".answers.json"
        self.enabled = enabled
    }

    /// Runs `body`; when it throws, the answers given up to then are saved first.
    func onFailure<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            save(recorder.answers)
            throw error
        }
    }

    /// Saves `answers` (when there are any) and says how to resume.
    func save(_ answers: PlanAnswers) {
        guard enabled, !answers.inputs.isEmpty || answers.updates != nil else { return }
        do {
            try AtomicFile(URL(fileURLWithPath: path)).write(Data(answers.jsonDocument.utf8))
            Terminal.note("Saved the answers given so far to \(path); resume with --answers \(path)")
        } catch {
            Terminal.note("could not save the answers given so far: \(error)")
        }
    }
}
