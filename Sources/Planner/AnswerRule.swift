import Catalogue

/// What an answer must be, checked when it is given (at the prompt, or as `--inputs`/`--answers`), not after every
/// question: the columns' limits (counted in code points, as PostgreSQL counts), an enum fixed input's values, no
/// NUL, and never one of the placeholders `--no-input` prints.
public enum AnswerRule: Hashable, Sendable {
    case free
    /// At most this many characters (code points).
    case maxLength(Int)
    /// One of these (an enum fixed input's values).
    case oneOf([String])

    /// The placeholders of the answer templates: pasted back unchanged they are not answers.
    public static func isPlaceholder(_ answer: String) -> Bool {
        guard answer.hasPrefix("<"), answer.hasSuffix(">") else { return false }
        let inner = answer.dropFirst().dropLast()
        return ["tag", "description", "value", "new name", "new name, or leave this key out"].contains(String(inner))
            || inner.hasPrefix("value: one of ") || inner.hasPrefix("one of ")
    }

    /// What is wrong with `answer`, or nil.
    public func problem(with answer: String) -> String? {
        if Self.isPlaceholder(answer) {
            return "\(TextEscaping.shown(answer)) is the template's placeholder, not an answer"
        }
        if answer.utf8.contains(0) { return "it contains a NUL character, which PostgreSQL cannot store" }
        switch self {
        case .free:
            return nil
        case .maxLength(let limit):
            let length = TextEscaping.codePoints(answer)
            return length > limit ? "it is \(length) characters; the database allows \(limit)" : nil
        case .oneOf(let values):
            guard !values.contains(where: { $0.utf8.elementsEqual(answer.utf8) }) else { return nil }
            return
                "\(TextEscaping.shown(answer)) is not one of the enum's values (\(values.map(TextEscaping.jsonQuote).joined(separator: ", ")))"
        }
    }
}

/// The answers given so far, kept outside the planner so that a command can save them when the user stops or a
/// later answer is refused, and offer to resume from them.
///
/// It reads the conversation's answers when asked (not a copy per answer: a copy held here made every later answer
/// copy the whole dictionary, quadratic in the number of answers), and keeps the final ones when the conversation
/// ends.
public final class AnswerRecorder: @unchecked Sendable {
    private var stored = PlanAnswers()
    private var live: (() -> PlanAnswers?)?

    public init() {}

    /// The answers so far: the live conversation's, else the last ones it left.
    public var answers: PlanAnswers { live?() ?? stored }

    func follow(_ source: @escaping () -> PlanAnswers?) { live = source }

    func update(_ answers: PlanAnswers) { stored = answers }
}

extension AnswerKey {
    /// Where the answer sits in `--inputs`/`--updates` JSON, for messages (`inputs["User partner"]["tag"]`).
    public var path: String {
        func q(_ name: String) -> String { "[\(TextEscaping.shown(name))]" }
        switch self {
        case .input(let name, let field): return "inputs\(q(name))\(q(field))"
        case .fixedInputRename(let product, let old): return "updates[\"fixed_inputs\"]\(q(product))\(q(old))"
        case .resourceTypeRename(let old): return "updates[\"resource_types\"]" + (old.isEmpty ? "" : q(old))
        case .blockResourceTypeUpdate(let block, let old):
            return "updates[\"block_resource_types\"]\(q(block))" + (old.isEmpty ? "" : q(old))
        case .productRename(let old): return "updates[\"products\"]\(q(old))"
        case .productBlockRename(let old): return "updates[\"product_blocks\"]\(q(old))"
        case .confirmation(let what): return "the confirmation \(what)"
        }
    }
}
