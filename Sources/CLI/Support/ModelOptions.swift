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
