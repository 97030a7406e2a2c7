import PythonSource
import Catalogue
import Foundation

/// The info log lines orchestrator-core prints for every change set (spec 2.4 step 5), in its format
/// (`[info] create_products [orchestrator.cli.migrate_domain_models] create_products={...}`, Python reprs with
/// sorted members), or as JSON objects, one per line.
public enum ChangeLog {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    static let logger = "orchestrator.cli.migrate_domain_models"

    /// (event, key, Python repr, JSON value) in the seed's order.
    static func entries(_ c: ChangeSet, models productTypes: [String: String]) -> [(String, String, String, Any)] {
        func set(_ values: [String]) -> String { values.isEmpty ? "set()" : "{" + values.map(repr).joined(separator: ", ") + "}" }
        func groups(_ groups: [String: [String]]) -> String {
            "{" + groups.keys.byteSorted().map { "\(repr($0)): \(set(groups[$0] ?? []))" }.joined(separator: ", ") + "}"
        }
        func map(_ map: [String: String]) -> String {
            "{" + map.keys.byteSorted().map { "\(repr($0)): \(repr(map[$0] ?? ""))" }.joined(separator: ", ") + "}"
        }
        func nested(_ nested: [String: [String: String]]) -> String {
            "{" + nested.keys.byteSorted().map { "\(repr($0)): \(map(nested[$0] ?? [:]))" }.joined(separator: ", ") + "}"
        }
        let classes = "{" + c.createProducts.map { "\(repr($0)): <class '\(productTypes[$0] ?? "")'>" }.joined(separator: ", ") + "}"
        let blocks = "{" + c.createProductBlocks.map { "\(repr($0)): <class '\($0)'>" }.joined(separator: ", ") + "}"
        let relations = c.createProductBlockRelations.mapValues { $0.map(\.inUseBy) }
        return [
            ("create_products", "create_products", classes, c.createProducts),
            ("delete_products", "delete_products", set(c.deleteProducts), c.deleteProducts),
            ("create_product_fixed_inputs", "create_product_fixed_inputs", groups(c.createProductFixedInputs), c.createProductFixedInputs),
            ("update_product_fixed_inputs", "update_product_fixed_inputs", nested(c.updateProductFixedInputs), c.updateProductFixedInputs),
            ("delete_product_fixed_inputs", "delete_product_fixed_inputs", groups(c.deleteProductFixedInputs), c.deleteProductFixedInputs),
            ("create_product_to_block_relations", "create_product_to_block_relations", groups(c.createProductToBlockRelations), c.createProductToBlockRelations),
            ("delete_product_to_block_relations", "delete_product_to_block_relations", groups(c.deleteProductToBlockRelations), c.deleteProductToBlockRelations),
            ("create_resource_types", "create_resource_types", set(c.createResourceTypes), c.createResourceTypes),
            ("rename_resource_types", "rename_resource_types", map(c.renameResourceTypes), c.renameResourceTypes),
            ("delete_resource_types", "delete_resource_types", set(c.deleteResourceTypes), c.deleteResourceTypes),
            ("create_resource_type_relations", "create_resource_type_relations", groups(c.createResourceTypeRelations), c.createResourceTypeRelations),
            ("delete_resource_type_relations", "delete_resource_type_relations", groups(c.deleteResourceTypeRelations), c.deleteResourceTypeRelations),
            ("update_block_resource_types", "update_block_resource_types", nested(c.updateBlockResourceTypes), c.updateBlockResourceTypes),
            ("create_product_blocks", "create_blocks", blocks, c.createProductBlocks),
            ("delete_product_blocks", "delete_blocks", set(c.deleteProductBlocks), c.deleteProductBlocks),
            ("create_product_block_relations", "create_product_block_relations", groups(relations), relations),
            ("delete_product_block_relations", "delete_product_block_relations", groups(c.deleteProductBlockRelations), c.deleteProductBlockRelations),
            ("rename_products", "rename_products", map(c.renameProducts), c.renameProducts),
            ("rename_product_blocks", "rename_product_blocks", map(c.renameProductBlocks), c.renameProductBlocks),
        ]
    }

    /// Python's `repr` of a string.
    static func repr(_ text: String) -> String { PythonRepr.string(text) }

    public static func lines(_ changes: ChangeSet, productTypes: [String: String], format: Format) -> [String] {
        entries(changes, models: productTypes).map { event, key, python, value in
            switch format {
            case .text:
                return "[info] \(event.padding(toLength: 33, withPad: " ", startingAt: 0)) [\(logger)] \(key)=\(python)"
            case .json:
                let object: [String: Any] = ["event": event, "level": "info", "logger": logger, key: value]
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                return String(decoding: data, as: UTF8.self)
            }
        }
    }
}
