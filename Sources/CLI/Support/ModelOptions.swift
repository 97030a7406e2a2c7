import ArgumentParser
import Catalogue
import DomainModels
import Foundation

/// Where the domain models are: a folder the project's imports resolve from, or a YAML product config.
struct ModelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The products package, dotted (default: products, or the one package that builds a registry).",
            valueName: "dotted"))
    var package: String?

    /// How a plan names the models it was made for: `python:<root> (package <name>)` or `yaml:<file>`.
    func describe(_ source: String) -> String {
        Self.isConfig(source) ? "yaml:\(source)" : "python:\(source)" + (package.map { " (package \($0))" } ?? "")
    }

    static func isConfig(_ source: String) -> Bool { source.hasSuffix(".yaml") || source.hasSuffix(".yml") }

    /// Reads the model set from `source`.
    func read(_ source: String) throws(DomainModelsError) -> ModelSet {
        let url = URL(fileURLWithPath: source)
        if Self.isConfig(source) {
            return try YAMLProductConfig.read(url)
        }
        return try PythonModelReader(root: url, package: package).read()
    }
}

/// The models a plan is made for: `--models ROOT` (a folder or a YAML product config), `--package`, and
/// `--allow-incomplete-models`; shared by the commands that plan.
struct ModelSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Models root folder, or a YAML product config.", valueName: "root"))
    var models: String = "."

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Plan even when the model reader could not read everything (the plan lists what it missed).")
    var allowIncompleteModels = false

    func read() throws(DomainModelsError) -> ModelSet { try modelOptions.read(models) }

    func describe() -> String { modelOptions.describe(models) }
}
