import Foundation
import PythonSource

/// The product blocks a project's code already defines (`products/product_blocks`), for `generate`: a config may use
/// them by base type (the class name up to `Block`, as orchestrator-core's generator names them).
public enum ProjectBlocks {
    /// Every module of the package folder is read (nothing tells which ones the application imports); a block is a
    /// class whose lifecycle includes ACTIVE and whose name contains `Block`.
    public static func read(root: URL, package: String) -> [String: ProductConfig.ExternalBlock] {
        let folder = root.appendingPathComponent(package.replacingOccurrences(of: ".", with: "/"))
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        let modules = ProjectModules(root: root)
        var files: [String] = []
        while let file = enumerator.nextObject() as? String {
            if file.hasSuffix(".py") { files.append(file) }
        }
        for file in files.sorted() {
            var dotted = package + "." + String(file.dropLast(3)).replacingOccurrences(of: "/", with: ".")
            if dotted.hasSuffix(".__init__") { dotted = String(dotted.dropLast(9)) }
            modules.load(dotted)
        }
        let classes = ClassResolver(modules: modules)
        var found: [String: ProductConfig.ExternalBlock] = [:]
        for candidate in classes.allClasses
        where classes.kind(of: candidate).isProductBlock && classes.lifecycle(of: candidate).contains("ACTIVE") {
            guard let range = candidate.name.range(of: "Block"), let blockName = classes.blockName(of: candidate) else {
                continue
            }
            let base = String(candidate.name[..<range.lowerBound])
            let required = candidate.annotated.filter { $0.value == nil }.map(\.name)
            found[base] = ProductConfig.ExternalBlock(
                type: base, blockName: blockName, module: candidate.module.name, requiredFields: required)
        }
        return found
    }
}
