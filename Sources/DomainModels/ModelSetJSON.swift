import Catalogue
import Foundation
import PythonSource

/// The stable JSON form of a model set (docs/models-json.md): sorted keys, sorted lists, two-space indentation.
public enum ModelSetJSON {
    public static func encode(_ modelSet: ModelSet) -> String {
        var out = JSONWriter()
        out.object(indent: 0) { out in
            out.member("diagnostics", indent: 1) { out in
                out.array(modelSet.diagnostics.sorted(), indent: 1) { out, diagnostic in
                    out.object(indent: 2) { out in
                        out.member("file", indent: 3) { $0.string(diagnostic.file) }
                        out.member("line", indent: 3) { $0.raw(String(diagnostic.line)) }
                        out.member("message", indent: 3) { $0.string(diagnostic.message) }
                        out.member("severity", indent: 3) { $0.string(diagnostic.severity.rawValue) }
                    }
                }
            }
            out.member("product_blocks", indent: 1) { out in
                out.object(sorted(modelSet.productBlocks), indent: 1) { out, block in
                    out.member("depends_on", indent: 3) { out in
                        out.object(sorted(block.dependsOn), indent: 3) { out, relation in
                            out.member("attributes", indent: 5) { out in
                                out.object(sorted(relation.attributes), indent: 5) { out, bounds in
                                    out.member("max", indent: 7) { $0.raw(bounds.max.map(String.init) ?? "null") }
                                    out.member("min", indent: 7) { $0.raw(bounds.min.map(String.init) ?? "null") }
                                }
                            }
                        }
                    }
                    out.member("resource_types", indent: 3) { $0.strings(block.resourceTypes, indent: 3) }
                }
            }
            out.member("products", indent: 1) { out in
                out.object(sorted(modelSet.products), indent: 1) { out, product in
                    out.member("fixed_inputs", indent: 3) { out in
                        out.object(sorted(product.fixedInputs), indent: 3) { out, input in
                            out.member("type", indent: 5) { $0.string(input.type) }
                            out.member("values", indent: 5) { out in
                                if let values = input.values { out.strings(values, indent: 5) } else { out.raw("null") }
                            }
                        }
                    }
                    out.member("product_blocks", indent: 3) { $0.strings(product.productBlocks, indent: 3) }
                    out.member("product_type", indent: 3) { $0.string(product.productType) }
                }
            }
        }
        return out.text
    }

    private static func sorted<T>(_ dictionary: [String: T]) -> [(String, T)] {
        dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}

/// Writes JSON text directly (two-space indentation, members in the order given), so output never depends on
/// Foundation's formatting and no value is boxed.
struct JSONWriter {
    private(set) var text = ""
    private var first: [Bool] = []

    private static func pad(_ level: Int) -> String { String(repeating: "  ", count: level) }

    mutating func raw(_ value: String) { text += value }
    mutating func string(_ value: String) { text += JSONText.string(value) }

    /// `{ ... }` whose members are written by `body`; `indent` is the level of the opening line.
    mutating func object(indent: Int, _ body: (inout JSONWriter) -> Void) {
        text += "{"
        first.append(true)
        body(&self)
        let empty = first.removeLast()
        text += empty ? "}" : "\n" + Self.pad(indent) + "}"
    }

    /// An object keyed by name, each value written by `body`.
    mutating func object<T>(_ entries: [(String, T)], indent: Int, _ body: (inout JSONWriter, T) -> Void) {
        object(indent: indent) { out in
            for (key, value) in entries {
                out.member(key, indent: indent + 1) { out in out.object(indent: indent + 1) { body(&$0, value) } }
            }
        }
    }

    mutating func member(_ key: String, indent: Int, _ value: (inout JSONWriter) -> Void) {
        if first[first.count - 1] { first[first.count - 1] = false } else { text += "," }
        text += "\n" + Self.pad(indent) + JSONText.string(key) + ": "
        value(&self)
    }

    mutating func array<T>(_ items: [T], indent: Int, _ body: (inout JSONWriter, T) -> Void) {
        guard !items.isEmpty else {
            text += "[]"
            return
        }
        text += "["
        for (index, item) in items.enumerated() {
            text += (index == 0 ? "" : ",") + "\n" + Self.pad(indent + 1)
            body(&self, item)
        }
        text += "\n" + Self.pad(indent) + "]"
    }

    mutating func strings(_ items: [String], indent: Int) {
        array(items, indent: indent) { out, item in out.string(item) }
    }
}

/// JSON string escaping (shared with the plan file's YAML).
enum JSONText {
    static func string(_ text: String) -> String { TextEscaping.jsonQuote(text) }
}
