import ArgumentParser
import Foundation
import Generate

/// `generate product-blocks -cf PATH`.
struct GenerateProductBlocks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product-blocks", abstract: "Create product block classes (dependencies first).")
    @OptionGroup var options: GenerateOptions
    @OptionGroup var prefix: FolderPrefixOption

    func run() throws {
        try reportingErrors {
            let code = try ProductGeneration.load(
                config: URL(fileURLWithPath: options.configFile), project: options.project, prefix: prefix.folderPrefix)
            let templates = try Templates(customFolder: nil)
            try options.write(try code.productBlockFiles(templates), packages: code.modelPackages)
        }
    }
}
