import Catalogue
import Foundation

/// The `--inputs` / `--updates` JSON that would answer a list of questions, with placeholders where a value is
/// needed, for `--no-input`'s report.
public enum AnswerTemplate {
    public static func lines(for questions: [Question]) -> [String] {
        var inputs: [String: [String: String]] = [:]
        var fixedInputs: [String: [String: String]] = [:]
        var hasRenameMenus = false
        var products: [String: String] = [:]
        var productBlocks: [String: String] = [:]
        var renameNotes: [String] = []
        for question in questions {
            switch question.key {
            case .input(let name, let field):
                inputs[name, default: [:]][field] = "<\(field == "description" || field == "tag" ? field : "value")>"
            case .fixedInputRename(let product, let old):
                fixedInputs[product, default: [:]][old] = "<new name>"
            case .resourceTypeRename, .blockResourceTypeUpdate:
                if case .menu(let options, _) = question.kind {
                    renameNotes.append(
                        "\(question.prompt.trimmingCharacters(in: .whitespacesAndNewlines)) options: \(options.joined(separator: ", "))"
                    )
                }
                hasRenameMenus = true
            case .productRename(let old):
                products[old] = "<new name, or leave this key out>"
            case .productBlockRename(let old):
                productBlocks[old] = "<new name, or leave this key out>"
            case .confirmation:
                continue
            }
        }
        var updates: [(String, JSONValue)] = []
        if !fixedInputs.isEmpty {
            updates.append(("fixed_inputs", .object(fixedInputs.map { ($0.key, .object($0.value)) })))
        }
        if hasRenameMenus { updates.append(("resource_types", .object([]))) }
        if !products.isEmpty { updates.append(("products", .object(products))) }
        if !productBlocks.isEmpty { updates.append(("product_blocks", .object(productBlocks))) }
        var lines: [String] = []
        if !inputs.isEmpty {
            lines.append("--inputs '\(shellQuoted(.object(inputs.map { ($0.key, .object($0.value)) })))'")
        }
        if !updates.isEmpty {
            lines.append(
                "--updates '\(shellQuoted(.object(updates)))'  (any --updates, even {\"resource_types\": {}}, answers every rename question: what it does not list is not renamed)"
            )
        }
        lines += renameNotes.map { "rename question: \($0)" }
        return lines
    }

    private static func shellQuoted(_ value: JSONValue) -> String {
        // Shell single quotes, closed and reopened around each quote byte (a quote plus a combining mark included).
        TextEscaping.replacingBytes(value.compactText) { $0 == UInt8(ascii: "'") ? "'\\''" : nil }
    }
}
