import Catalogue
import Foundation

/// The stable JSON form of a model set (docs/models-json.md): sorted keys, sorted lists, two-space indentation.
public enum ModelSetJSON {
    public static func encode(_ modelSet: ModelSet) -> String {
        var products: [String: Any] = [:]
        for (name, product) in modelSet.products {
            var fixedInputs: [String: Any] = [:]
            for (inputName, input) in product.fixedInputs {
                fixedInputs[inputName] = ["type": input.type, "values": input.values.map { $0 as Any } ?? NSNull()] as [String: Any]
            }
            products[name] = ["product_type": product.productType, "fixed_inputs": fixedInputs, "product_blocks": product.productBlocks] as [String: Any]
        }
        var blocks: [String: Any] = [:]
        for (name, block) in modelSet.productBlocks {
            var dependsOn: [String: Any] = [:]
            for (dependency, relation) in block.dependsOn {
                var attributes: [String: Any] = [:]
                for (attribute, bounds) in relation.attributes {
                    attributes[attribute] = ["min": bounds.min.map { $0 as Any } ?? NSNull(), "max": bounds.max.map { $0 as Any } ?? NSNull()] as [String: Any]
                }
                dependsOn[dependency] = ["attributes": attributes]
            }
            blocks[name] = ["resource_types": block.resourceTypes, "depends_on": dependsOn] as [String: Any]
        }
        let diagnostics = modelSet.diagnostics.sorted().map { ["file": $0.file, "line": $0.line, "message": $0.message] as [String: Any] }
        let document: [String: Any] = ["products": products, "product_blocks": blocks, "diagnostics": diagnostics]
        return JSONText.render(document)
    }
}

/// A small JSON writer with byte-order key sorting and two-space indentation, so output never depends on
/// Foundation's formatting choices.
enum JSONText {
    static func render(_ value: Any, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch value {
        case let dictionary as [String: Any]:
            if dictionary.isEmpty { return "{}" }
            let keys = dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let body = keys.map { key in "\(inner)\(string(key)): \(render(dictionary[key] as Any, indent: indent + 1))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(pad)}"
        case let array as [Any]:
            if array.isEmpty { return "[]" }
            return "[\n" + array.map { "\(inner)\(render($0, indent: indent + 1))" }.joined(separator: ",\n") + "\n\(pad)]"
        case let text as String: return string(text)
        case let number as Int: return String(number)
        case let flag as Bool: return flag ? "true" : "false"
        default: return "null"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
