import ArgumentParser
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
            let plan = try PlanFiles.read(file)
            switch format {
            case .text: Terminal.out(PlanRenderer.text(plan, file: file))
            case .markdown: Terminal.out(PlanRenderer.markdown(plan, file: file))
            case .json: Terminal.out(PlanRenderer.json(plan))
            }
        }
    }
}

/// Plan files on disk.
enum PlanFiles {
    static func read(_ path: String) throws(PlannerError) -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlannerError(.invalidPlan, "cannot read the plan \(path)")
        }
        return try PlanFile.decode(String(decoding: data, as: UTF8.self), file: path)
    }

    /// `@path` reads a file (a large catalogue's inputs exceed the argv limit); anything else is the JSON itself.
    static func jsonArgument(_ value: String, option: String) throws(PlannerError) -> (text: String, source: String) {
        guard value.hasPrefix("@") else { return (value, option) }
        let path = String(value.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlannerError(.invalidAnswers, "\(option) @\(path): cannot read the file")
        }
        return (String(decoding: data, as: UTF8.self), "\(option) @\(path)")
    }
}
