import DomainModels
import Foundation

/// Reading a config for `generate`: the file, the blocks the project's code already defines (a config may use them),
/// every check, and the paths under the folder prefix. Nothing is written before this has passed.
public enum ProductGeneration {
    /// `extra`: blocks known elsewhere (the catalogue's, for `migration`); `skipExistingBlocks`: a config block whose
    /// type the code already defines is taken as that existing block instead of a new one.
    public static func load(
        config url: URL, project: URL, prefix: String, extra: [String: ProductConfig.ExternalBlock] = [:],
        skipExistingBlocks: Bool = false
    ) throws(DomainModelsError) -> ProductCode {
        var config = try ProductConfig.read(url)
        let paths = GeneratorPaths(prefix: prefix)
        var external = extra
        for (type, block) in ProjectBlocks.read(root: project, package: paths.productBlocksModule) {
            external[type] = block
        }
        let own = Set(config.productBlocks.map(\.type))
        if skipExistingBlocks {
            // The root stays the config's own (the product needs it); other blocks the code has are reused.
            let reused = config.productBlocks.dropFirst().filter { external[$0.type] != nil }.map(\.type)
            let rootType = config.productBlocks.first?.type
            config.productBlocks.removeAll { reused.contains($0.type) && $0.type != rootType }
        }
        for type in own where config.block(ofType: type) != nil { external[type] = nil }
        return ProductCode(checked: try config.check(external: external), paths: paths)
    }
}
