import Catalogue
import Foundation

/// What `--no-input` reports for the questions nobody answered: each question with what it is about, the
/// `--inputs`/`--updates` JSON that would answer them (placeholders where a value is needed; an enum's values
/// listed), likely renames suggested, and the same as an answers file (`--answer-template FILE`) to fill in and pass
/// back with `--answers FILE`. Placeholders passed back unchanged are refused (`AnswerRule`).
public struct AnswerTemplate {
    public let questions: [Question]
    public let changes: ChangeSet

    public init(questions: [Question], changes: ChangeSet) {
        self.questions = questions
        self.changes = changes
    }

    /// What a question is about, in the orchestrator's words (`product "User partner"`).
    public static func about(_ question: Question) -> String {
        switch question.key {
        case .input(let name, let field):
            switch question.section {
            case "Create new products": return "product \(TextEscaping.jsonQuote(name)), \(field)"
            case "Create fixed inputs": return "product \(TextEscaping.jsonQuote(name)), fixed input \(field)"
            case "Create product blocks": return "product block \(TextEscaping.jsonQuote(name)), \(field)"
            case "Create resource types": return "resource type \(TextEscaping.jsonQuote(name)), \(field)"
            default:
                return
                    "resource type \(TextEscaping.jsonQuote(name)), default value in product block \(TextEscaping.jsonQuote(field))"
            }
        case .fixedInputRename(let product, let old):
            return "product \(TextEscaping.jsonQuote(product)), fixed input \(old) renamed?"
        case .resourceTypeRename(let old) where old.isEmpty:
            return "resource types renamed? (each removed one, in any block)"
        case .resourceTypeRename(let old): return "resource type \(TextEscaping.jsonQuote(old)) renamed?"
        case .blockResourceTypeUpdate(let block, let old) where old.isEmpty:
            return "product block \(TextEscaping.jsonQuote(block)), resource types switched?"
        case .blockResourceTypeUpdate(let block, let old):
            return "product block \(TextEscaping.jsonQuote(block)), resource type \(old) switched?"
        case .productRename(let old): return "product \(TextEscaping.jsonQuote(old)) renamed?"
        case .productBlockRename(let old): return "product block \(TextEscaping.jsonQuote(old)) renamed?"
        case .confirmation: return "confirmation"
        }
    }

    static func placeholder(_ question: Question, field: String) -> String {
        if case .oneOf(let values) = question.rule { return "<value: one of \(values.joined(separator: ", "))>" }
        return "<\(field == "description" || field == "tag" ? field : "value")>"
    }

    /// A block that loses exactly one resource type and gains exactly one: likely a rename, with the `--updates`
    /// that says so.
    public var likelyRenames: [(block: String, old: String, new: String)] {
        var removed: [String: [String]] = [:]
        var added: [String: [String]] = [:]
        for (type, blocks) in changes.deleteResourceTypeRelations {
            for block in blocks { removed[block, default: []].append(type) }
        }
        for (type, blocks) in changes.createResourceTypeRelations {
            for block in blocks { added[block, default: []].append(type) }
        }
        return removed.keys.byteSorted().compactMap { block in
            guard let old = removed[block], old.count == 1, let new = added[block], new.count == 1 else { return nil }
            return (block, old[0], new[0])
        }
    }

    /// The answers JSON with placeholders: `inputs` and, when a rename question is open, `updates`.
    var answers: (inputs: [String: [String: String]], updates: JSONValue?) {
        var inputs: [String: [String: String]] = [:]
        var fixedInputs: [String: [String: String]] = [:]
        var products: [String: String] = [:]
        var productBlocks: [String: String] = [:]
        var hasRenames = false
        for question in questions {
            switch question.key {
            case .input(let name, let field):
                inputs[name, default: [:]][field] = Self.placeholder(question, field: field)
            case .fixedInputRename(let product, let old): fixedInputs[product, default: [:]][old] = "<new name>"
            case .resourceTypeRename, .blockResourceTypeUpdate: hasRenames = true
            case .productRename(let old): products[old] = "<new name, or leave this key out>"
            case .productBlockRename(let old): productBlocks[old] = "<new name, or leave this key out>"
            case .confirmation: continue
            }
        }
        var updates: [(String, JSONValue)] = []
        if !fixedInputs.isEmpty { updates.append(("fixed_inputs", PlanAnswers.json(fixedInputs))) }
        if hasRenames {
            // A rename offered for every block (the old name is in no model block any more) is answered under
            // resource_types; a switch within one block under block_resource_types.
            var global: [String: String] = [:]
            var switches: [String: [String: String]] = [:]
            for rename in likelyRenames {
                if questions.contains(where: { Self.offersRename($0, of: rename.old) }) {
                    global[rename.old] = rename.new
                } else {
                    switches[rename.block, default: [:]][rename.old] = rename.new
                }
            }
            updates.append(("resource_types", .object(global)))
            updates.append(("block_resource_types", PlanAnswers.json(switches)))
        }
        if !products.isEmpty { updates.append(("products", .object(products))) }
        if !productBlocks.isEmpty { updates.append(("product_blocks", .object(productBlocks))) }
        return (inputs, updates.isEmpty ? nil : .object(updates))
    }

    /// Whether `question` is the global rename menu (or question) that offers `old`.
    static func offersRename(_ question: Question, of old: String) -> Bool {
        guard case .resourceTypeRename(let asked) = question.key else { return false }
        if asked == old { return true }
        if case .menu(let options, _) = question.kind { return asked.isEmpty && options.contains(old) }
        return false
    }

    /// The likely answer to a rename question: the new name a block gained when it lost the old one.
    func likelyRename(_ question: Question) -> String? {
        switch question.key {
        case .resourceTypeRename:
            let renames = likelyRenames.filter { Self.offersRename(question, of: $0.old) }
            guard !renames.isEmpty else { return nil }
            return "likely: "
                + renames.map {
                    "\($0.old) → \($0.new) (product block \(TextEscaping.jsonQuote($0.block)) lost \($0.old) and gained \($0.new))"
                }.joined(separator: "; ")
        case .blockResourceTypeUpdate(let block, let old):
            let renames = likelyRenames.filter { $0.block == block && (old.isEmpty || $0.old == old) }
            guard !renames.isEmpty else { return nil }
            return "likely: " + renames.map { "\($0.old) → \($0.new)" }.joined(separator: "; ")
        default:
            return nil
        }
    }

    /// The report's lines: the questions, then the JSON that answers them.
    public var lines: [String] {
        var lines: [String] = []
        for question in questions {
            var line =
                "  [\(question.section)] \(Self.about(question)): \(question.prompt.trimmingCharacters(in: .whitespacesAndNewlines))"
            if case .oneOf(let values) = question.rule { line += " (one of \(values.joined(separator: ", ")))" }
            if case .menu(let options, _) = question.kind { line += " (options: \(options.joined(separator: ", ")))" }
            if let likely = likelyRename(question) { line += " (\(likely))" }
            lines.append(line)
        }
        lines.append("Answer them with:")
        let (inputs, updates) = answers
        if !inputs.isEmpty {
            lines.append("  --inputs \(PlanAnswers.shellQuoted(PlanAnswers.json(inputs).compactText))")
        }
        if let updates {
            lines.append(
                "  --updates \(PlanAnswers.shellQuoted(updates.compactText))  (any --updates, even {\"resource_types\": {}}, answers every rename question: what it does not list is not renamed)"
            )
        }
        return lines
    }

    /// The answers file for `--answer-template`: pretty JSON with the placeholders and, under `questions`, each
    /// question with what it is about; fill it in and pass it back with `--answers FILE`.
    public var document: String {
        let (inputs, updates) = answers
        let explained = questions.map { question -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("about", .string(Self.about(question))), ("section", .string(question.section)),
                ("prompt", .string(question.prompt.trimmingCharacters(in: .whitespacesAndNewlines))),
                ("answer", .string(question.key.path)),
            ]
            if case .oneOf(let values) = question.rule {
                members.append(("one_of", .array(values.map(JSONValue.string))))
            }
            if case .menu(let options, _) = question.kind {
                members.append(("options", .array(options.map(JSONValue.string))))
            }
            if let likely = likelyRename(question) { members.append(("likely", .string(likely))) }
            return .object(members)
        }
        return JSONValue.object([
            ("inputs", PlanAnswers.json(inputs)), ("updates", updates ?? .null), ("questions", .array(explained)),
        ]).prettyText
    }
}
