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
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path)
        } catch {
            throw PlannerError(.invalidPlan, "cannot read the plan: \(error)")
        }
        return try PlanFile.decode(text, file: path)
    }

    /// `@path` reads a file (a large catalogue's inputs exceed the argv limit); anything else is the JSON itself.
    static func jsonArgument(_ value: String, option: String) throws(PlannerError) -> (text: String, source: String) {
        guard value.hasPrefix("@") else { return (value, option) }
        let path = String(value.dropFirst())
        do throws(TextFile.Failure) {
            // Answers for the largest catalogues are a few MiB; a cap keeps a wrong file from exhausting memory.
            return (try TextFile.read(path, limit: 16 << 20), "\(option) @\(path)")
        } catch {
            throw PlannerError(.invalidAnswers, "\(option): \(error)")
        }
    }
}
