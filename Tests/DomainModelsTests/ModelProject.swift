import Catalogue
import DomainModels
import Foundation
import TestSupport

/// A throwaway Python project on disk, read by the model reader.
struct ModelProject {
    /// Two lines: model sources start on line 3.
    static let header = """
        from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel
        from orchestrator.core.types import SubscriptionLifecycle

        """

    /// Writes `files` (path → source) under a fresh folder and reads the models.
    static func read(_ files: [String: String], package: String? = nil) throws -> ModelSet {
        try read(bytes: files.mapValues { Data($0.utf8) }, package: package)
    }

    /// The same with the files' exact bytes (encodings, byte order marks, line endings).
    static func read(bytes files: [String: Data], package: String? = nil) throws -> ModelSet {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (path, data) in files {
            let url = folder.file(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return try PythonModelReader(root: folder.url, package: package).read()
    }

    /// One products package: `products/__init__.py` registers `registry` (name → class) from `products/models.py`.
    static func single(_ models: String, registry: [String: String]) throws -> ModelSet {
        let entries = registry.sorted { $0.key < $1.key }.map { "    \"\($0.key)\": \($0.value)," }.joined(
            separator: "\n")
        let imports = Set(registry.values).sorted().joined(separator: ", ")
        return try read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.models import \(imports)

            SUBSCRIPTION_MODEL_REGISTRY.update({
            \(entries)
            })
            """,
            "products/models.py": header + models,
        ])
    }
}

extension ModelSet {
    func bounds(_ block: String, _ dependency: String, _ attribute: String) -> ListBounds? {
        productBlocks[block]?.dependsOn[dependency]?.attributes[attribute]
    }
}
