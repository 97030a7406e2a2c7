import Catalogue
import Foundation
import PythonSource

/// The info log lines orchestrator-core prints for every change set (docs/orchestrator-core.md §2.4 step 5), in its
/// format (`[info] create_products [orchestrator.cli.migrate_domain_models] create_products={...}`, Python reprs with
/// sorted members), or as JSON objects, one per line.
public enum ChangeLog {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    static let logger = "orchestrator.cli.migrate_domain_models"

    /// (event, key, Python repr, JSON value) in the seed's order.
    static func entries(_ c: ChangeSet, models productTypes: [String: String]) -> [(String, String, String, JSONValue)]
    {
        func set(_ values: [String]) -> String {
            values.isEmpty ? "set()" : "{" + values.map(repr).joined(separator: ", ") + "}"
        }
        func groups(_ groups: [String: [String]]) -> String {
            "{" + groups.keys.byteSorted().map { "\(repr($0)): \(set(groups[$0] ?? []))" }.joined(separator: ", ") + "}"
        }
        func map(_ map: [String: String]) -> String {
            "{" + map.keys.byteSorted().map { "\(repr($0)): \(repr(map[$0] ?? ""))" }.joined(separator: ", ") + "}"
        }
        func nested(_ nested: [String: [String: String]]) -> String {
            "{" + nested.keys.byteSorted().map { "\(repr($0)): \(map(nested[$0] ?? [:]))" }.joined(separator: ", ")
                + "}"
        }
        let classes =
            "{" + c.createProducts.map { "\(repr($0)): <class '\(productTypes[$0] ?? "")'>" }.joined(separator: ", ")
            + "}"
        let blocks = "{" + c.createProductBlocks.map { "\(repr($0)): <class '\($0)'>" }.joined(separator: ", ") + "}"
        let relations = c.createProductBlockRelations.mapValues { $0.map(\.inUseBy) }
        return [
            ("create_products", "create_products", classes, json(c.createProducts)),
            ("delete_products", "delete_products", set(c.deleteProducts), json(c.deleteProducts)),
            (
                "create_product_fixed_inputs", "create_product_fixed_inputs", groups(c.createProductFixedInputs),
                json(c.createProductFixedInputs)
            ),
            (
                "update_product_fixed_inputs", "update_product_fixed_inputs", nested(c.updateProductFixedInputs),
                json(c.updateProductFixedInputs)
            ),
            (
                "delete_product_fixed_inputs", "delete_product_fixed_inputs", groups(c.deleteProductFixedInputs),
                json(c.deleteProductFixedInputs)
            ),
            (
                "create_product_to_block_relations", "create_product_to_block_relations",
                groups(c.createProductToBlockRelations), json(c.createProductToBlockRelations)
            ),
            (
                "delete_product_to_block_relations", "delete_product_to_block_relations",
                groups(c.deleteProductToBlockRelations), json(c.deleteProductToBlockRelations)
            ),
            ("create_resource_types", "create_resource_types", set(c.createResourceTypes), json(c.createResourceTypes)),
            ("rename_resource_types", "rename_resource_types", map(c.renameResourceTypes), json(c.renameResourceTypes)),
            ("delete_resource_types", "delete_resource_types", set(c.deleteResourceTypes), json(c.deleteResourceTypes)),
            (
                "create_resource_type_relations", "create_resource_type_relations",
                groups(c.createResourceTypeRelations), json(c.createResourceTypeRelations)
            ),
            (
                "delete_resource_type_relations", "delete_resource_type_relations",
                groups(c.deleteResourceTypeRelations), json(c.deleteResourceTypeRelations)
            ),
            (
                "update_block_resource_types", "update_block_resource_types", nested(c.updateBlockResourceTypes),
                json(c.updateBlockResourceTypes)
            ),
            ("create_product_blocks", "create_blocks", blocks, json(c.createProductBlocks)),
            ("delete_product_blocks", "delete_blocks", set(c.deleteProductBlocks), json(c.deleteProductBlocks)),
            ("create_product_block_relations", "create_product_block_relations", groups(relations), json(relations)),
            (
                "delete_product_block_relations", "delete_product_block_relations",
                groups(c.deleteProductBlockRelations), json(c.deleteProductBlockRelations)
            ),
            ("rename_products", "rename_products", map(c.renameProducts), json(c.renameProducts)),
            ("rename_product_blocks", "rename_product_blocks", map(c.renameProductBlocks), json(c.renameProductBlocks)),
        ]
    }

    private static func json(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
    private static func json(_ groups: [String: [String]]) -> JSONValue {
        .object(groups.map { ($0.key, json($0.value)) })
    }
    private static func json(_ map: [String: String]) -> JSONValue { .object(map) }
    private static func json(_ nested: [String: [String: String]]) -> JSONValue {
        .object(nested.map { ($0.key, .object($0.value)) })
    }

    /// Python's `repr` of a string.
    static func repr(_ text: String) -> String { PythonRepr.string(text) }

    public static func lines(_ changes: ChangeSet, productTypes: [String: String], format: Format) -> [String] {
        entries(changes, models: productTypes).map { event, key, python, value in
            switch format {
            case .text:
                return "[info] \(event.padding(toLength: 33, withPad: " ", startingAt: 0)) [\(logger)] \(key)=\(python)"
            case .json:
                return JSONValue.object([
                    ("event", .string(event)), ("level", .string("info")), ("logger", .string(logger)), (key, value),
                ]).compactText
            }
        }
    }
}
