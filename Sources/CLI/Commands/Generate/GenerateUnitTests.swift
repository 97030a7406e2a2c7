import ArgumentParser
import Foundation
import Generate

/// `generate unit-tests -cf PATH`: tests of the product type and its workflows, their fixtures and set-up.
struct GenerateUnitTests: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit-tests", abstract: "Create unit tests for the product type and its workflows.")
    @OptionGroup var options: GenerateOptions
    /// The tests stay under test/; the prefix is where they import the product and workflows from.
    @OptionGroup var prefix: FolderPrefixOption
    @Flag(help: "Accepted for orchestrator-core's command line (the tests are always written).") var tdd = false

    func run() throws {
        try reportingErrors {
            let code = try ProductGeneration.load(
                config: URL(fileURLWithPath: options.configFile), project: options.project, prefix: prefix.folderPrefix)
            let templates = try Templates(customFolder: nil)
            // The shared test set-up is the project's once written: never replaced.
            let files = try code.unitTestFiles(templates).filter {
                !ProductCode.writtenOnce.contains($0.path) || options.existing($0.path) == nil
            }
            try options.write(files, packages: code.testPackages)
        }
    }
}
