import ArgumentParser
import Foundation
import Generate

/// `generate product -cf PATH` (also spelled `products`, as the reference documentation does).
struct GenerateProduct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product", abstract: "Create the product type classes.", aliases: ["products"])
    @OptionGroup var options: GenerateOptions
    @OptionGroup var prefix: FolderPrefixOption

    func run() throws {
        try reportingErrors {
            let code = try ProductGeneration.load(
                config: URL(fileURLWithPath: options.configFile), project: options.project, prefix: prefix.folderPrefix)
            let templates = try Templates(customFolder: nil)
            try options.write([try code.productFile(templates)], packages: code.modelPackages)
        }
    }
}
