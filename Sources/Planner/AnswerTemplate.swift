import Catalogue
import Foundation

/// The `--inputs` / `--updates` JSON that would answer a list of questions, with placeholders where a value is
/// needed, for `--no-input`'s report.
public enum AnswerTemplate {
    public static func lines(for questions: [Question]) -> [String] {
        var inputs: [String: [String: String]] = [:]
        var updates: [String: Any] = [:]
        var renameNotes: [String] = []
        for question in questions {
            switch question.key {
            case .input(let name, let field):
                inputs[name, default: [:]][field] = "<\(field == "description" || field == "tag" ? field : "value")>"
            case .fixedInputRename(let product, let old):
                var products = updates["fixed_inputs"] as? [String: [String: String]] ?? [:]
                products[product, default: [:]][old] = "<new name>"
                updates["fixed_inputs"] = products
            case .resourceTypeRename, .blockResourceTypeUpdate:
                if case .menu(let options, _) = question.kind {
                    renameNotes.append("\(question.prompt.trimmingCharacters(in: .whitespacesAndNewlines)) options: \(options.joined(separator: ", "))")
                }
                updates["resource_types"] = updates["resource_types"] ?? [String: String]()
            case .productRename(let old):
                var renames = updates["products"] as? [String: String] ?? [:]
                renames[old] = "<new name, or leave this key out>"
                updates["products"] = renames
            case .productBlockRename(let old):
                var renames = updates["product_blocks"] as? [String: String] ?? [:]
                renames[old] = "<new name, or leave this key out>"
                updates["product_blocks"] = renames
            case .confirmation:
                continue
            }
        }
        var lines: [String] = []
        if !inputs.isEmpty { lines.append("--inputs '\(compact(inputs))'") }
        if !updates.isEmpty {
            lines.append("--updates '\(compact(updates))'  (any --updates, even {\"resource_types\": {}}, answers every rename question: what it does not list is not renamed)")
        }
        lines += renameNotes.map { "rename question: \($0)" }
        return lines
    }

    private static func compact(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        // Shell single quotes, closed and reopened around each quote byte (a quote plus a combining mark included).
        return TextEscaping.replacingBytes(String(decoding: data, as: UTF8.self)) { $0 == UInt8(ascii: "'") ? "'\\''" : nil }
    }
}
