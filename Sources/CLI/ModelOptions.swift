import ArgumentParser
import Catalogue
import DomainModels
import Foundation

/// Where the domain models are: a folder the project's imports resolve from, or a YAML product config.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The products package, dotted (default: products, or the one package that builds a registry).", valueName: "dotted"))
    var package: String?

    /// Reads the model set from `source`.
    func read(_ source: String) throws(DomainModelsError) -> ModelSet {
        let url = URL(fileURLWithPath: source)
        if source.hasSuffix(".yaml") || source.hasSuffix(".yml") {
            return try YAMLProductConfig.read(url)
        }
        return try PythonModelReader(root: url, package: package).read()
    }
}
