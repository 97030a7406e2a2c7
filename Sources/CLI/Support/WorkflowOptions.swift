import ArgumentParser
import Catalogue
import Foundation
import Workflows

/// `--code ROOT` (the folder holding the `workflows` package) and the reading of its registrations, with the
/// reader's notes on stderr.
struct WorkflowCodeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder that holds the workflows package.", valueName: "root"))
    var code: String = "."

    func registry() -> WorkflowRegistry {
        let registry = WorkflowReader(root: URL(fileURLWithPath: code)).read()
        for diagnostic in registry.diagnostics.sorted(by: { $0.description < $1.description }) {
            Terminal.note("note: \(diagnostic)")
        }
        return registry
    }
}
