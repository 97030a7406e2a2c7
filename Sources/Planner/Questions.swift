/// Where an answer is stored, in the `--inputs` / `--updates` shapes.
public enum AnswerKey: Hashable, Sendable {
    /// `--inputs {name: {key: value}}`.
    case input(String, String)
    /// `--updates {"fixed_inputs": {product: {old: new}}}` (a confirmed rename).
    case fixedInputRename(product: String, old: String)
    /// `--updates {"resource_types": {old: new}}`.
    case resourceTypeRename(old: String)
    /// `--updates {"block_resource_types": {block: {old: new}}}`.
    case blockResourceTypeUpdate(block: String, old: String)
    /// `--updates {"products": {old: new}}`.
    case productRename(old: String)
    /// `--updates {"product_blocks": {old: new}}`.
    case productBlockRename(old: String)
    /// A confirmation of the whole plan (`Confirm the above actions [y/n]: `); not an answer a plan keeps.
    case confirmation(String)
}

/// One question the planner needs answered, with orchestrator-core's exact prompt text (docs/orchestrator-core.md
/// §2.6).
public struct Question: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A non-empty text.
        case text
        /// `[y/N]`: only `y` is yes.
        case confirm
        /// A menu: the answer is one of `options`, or nil for the quit entry (`q) <quitLabel>`).
        case menu(options: [String], quitLabel: String)
    }

    /// The section header it belongs to (`Create new products`, ...).
    public var section: String
    /// Lines printed before the prompt (`Product: User User internal`).
    public var context: [String]
    /// The prompt, without colour.
    public var prompt: String
    /// The parts of the prompt to emphasise (bold or magenta in a terminal), in order.
    public var emphasis: [Emphasis]
    public var kind: Kind
    public var key: AnswerKey
    /// What a text answer must be (checked when it is given).
    public var rule: AnswerRule = .free

    public struct Emphasis: Hashable, Sendable {
        public enum Style: Hashable, Sendable { case bold, magenta }
        public var text: String
        public var style: Style
    }

    public init(
        section: String, context: [String] = [], prompt: String, emphasis: [Emphasis] = [], kind: Kind = .text,
        key: AnswerKey, rule: AnswerRule = .free
    ) {
        self.section = section
        self.context = context
        self.prompt = prompt
        self.emphasis = emphasis
        self.kind = kind
        self.key = key
        self.rule = rule
    }
}

/// Answers the planner's questions: a terminal, a file of answers, or nothing at all.
public protocol Questioner: AnyObject {
    /// Called when a section starts (orchestrator-core prints every header, even for empty sections).
    func beginSection(_ title: String)
    /// The answer, or nil when this questioner cannot answer (`--no-input`): the planner then records the question
    /// as unanswered and carries on, so every unanswered question is listed at once.
    func ask(_ question: Question) throws(PlannerError) -> String?
}

/// `--no-input`: never asks; the planner lists what remained unanswered.
public final class NoInputQuestioner: Questioner {
    public init() {}
    public func beginSection(_ title: String) {}
    public func ask(_ question: Question) throws(PlannerError) -> String? { nil }
}

/// Answers from a previous plan (`--answers`) or `--inputs`/`--updates`, before asking `fallback`.
public final class PrefilledQuestioner: Questioner {
    let answers: PlanAnswers
    let fallback: Questioner

    public init(_ answers: PlanAnswers, fallback: Questioner) {
        self.answers = answers
        self.fallback = fallback
    }

    public func beginSection(_ title: String) { fallback.beginSection(title) }

    /// A given answer is checked against the question's rule here, so a wrong one fails naming its key before any
    /// later question is asked.
    public func ask(_ question: Question) throws(PlannerError) -> String? {
        if let value = lookup(question.key), !value.isEmpty {
            if case .text = question.kind, let problem = question.rule.problem(with: value) {
                throw PlannerError(.invalidValue, "the answer \(question.key.path): \(problem)")
            }
            return value
        }
        return try fallback.ask(question)
    }

    func lookup(_ key: AnswerKey) -> String? {
        switch key {
        case .input(let name, let field): return answers.inputs[name]?[field]
        case .fixedInputRename(let product, let old): return answers.updates?.fixedInputs[product]?[old]
        case .resourceTypeRename(let old): return answers.updates?.resourceTypes[old]
        case .blockResourceTypeUpdate(let block, let old): return answers.updates?.blockResourceTypes[block]?[old]
        case .productRename(let old): return answers.updates?.products[old]
        case .productBlockRename(let old): return answers.updates?.productBlocks[old]
        case .confirmation: return nil
        }
    }
}

/// orchestrator-core's confirmation before anything is written: `Confirm the above actions [y/n]: `, where any answer
/// containing a `y` ("yes", "maybe") confirms and an empty one means no (docs/orchestrator-core.md §2.4 step 7).
public enum Confirmation {
    public static let actions = Question(
        section: "", prompt: "Confirm the above actions [y/n]: ", kind: .confirm, key: .confirmation("actions"))

    /// True when confirmed; nil when nobody could answer (end of input, `--no-input`).
    public static func ask(_ questioner: Questioner, _ question: Question = actions) throws(PlannerError) -> Bool? {
        guard let answer = try questioner.ask(question) else { return nil }
        return answer.lowercased().contains("y")
    }
}
