import ArgumentParser
import Catalogue
import Foundation
import Planner

/// `plan show`: a plan file for the terminal, a pull request (Markdown) or a program (JSON).
struct PlanShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a plan file (the digest is checked first).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: ArgumentHelp("The plan file.", valueName: "plan"))
    var file: String

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func run() throws {
        try reportingErrors {
            let plan = try PlanFile.read(path: file)
            switch format {
            case .text: Terminal.out(PlanRenderer.text(plan, file: file, colour: Terminal.stdoutHasColour))
            case .markdown: Terminal.out(PlanMarkdown.render(plan, file: file))
            case .json: Terminal.out(PlanJSON.render(plan))
            }
        }
    }
}
