import ArgumentParser
import Catalogue
import DomainModels

/// `models show`: the model set as orchestrator-core would see it.
struct ModelsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the products and product blocks the domain models define.",
        discussion:
            "ROOT is the folder the project's imports resolve from, or a YAML product config (.yaml)."
    )

    @Argument(help: ArgumentHelp("Models root folder or YAML product config.", valueName: "root"))
    var root: String = "."

    @OptionGroup var models: ModelOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let modelSet = try models.read(root)
            switch format {
            case .json: Terminal.out(ModelSetJSON.encode(modelSet))
            case .text: Terminal.out(ModelSetText.render(modelSet))
            }
        }
    }
}
