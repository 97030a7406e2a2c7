/// Asks the questioner, records every answer in the `--inputs`/`--updates` shapes, and collects what stayed
/// unanswered (so `--no-input` can list every question at once).
final class Conversation {
    let questioner: Questioner
    private(set) var answers = PlanAnswers()
    private(set) var unanswered: [Question] = []

    private let prefilled: PrefilledQuestioner

    /// `questioner` is asked what `given` does not answer.
    /// Told every answer as it is recorded (for saving them when the user stops).
    let recorder: AnswerRecorder?

    init(questioner: Questioner, given: PlanAnswers, recorder: AnswerRecorder? = nil) {
        prefilled = PrefilledQuestioner(given, fallback: questioner)
        self.questioner = prefilled
        self.recorder = recorder
        answers.updates = given.updates
        recorder?.update(answers)
        recorder?.follow { [weak self] in self?.answers }
    }

    deinit { recorder?.update(answers) }

    /// The given answer for a key, if any (without asking).
    func given(_ key: AnswerKey) -> String? {
        guard let value = prefilled.lookup(key), !value.isEmpty else { return nil }
        return value
    }

    func section(_ title: String) { questioner.beginSection(title) }

    /// A text answer (never empty), or nil if unanswered.
    func text(_ question: Question) throws(PlannerError) -> String? {
        guard let answer = try questioner.ask(question) else {
            unanswered.append(question)
            return nil
        }
        record(question.key, answer)
        return answer
    }

    /// A `[y/N]` confirmation: only `y` is yes (docs/orchestrator-core.md §2.6). nil if unanswered.
    func confirm(_ question: Question) throws(PlannerError) -> Bool? {
        guard let answer = try questioner.ask(question) else {
            unanswered.append(question)
            return nil
        }
        return answer == "y"
    }

    /// A menu: the chosen option, nil for the quit entry; `unanswered` is set when nobody could answer.
    func menu(_ question: Question) throws(PlannerError) -> (choice: String?, answered: Bool) {
        guard let answer = try questioner.ask(question) else {
            unanswered.append(question)
            return (nil, false)
        }
        guard case .menu(let options, _) = question.kind, options.contains(answer) else { return (nil, true) }
        return (answer, true)
    }

    func record(_ key: AnswerKey, _ value: String) {
        switch key {
        case .input(let name, let field): answers.inputs[name, default: [:]][field] = value
        case .fixedInputRename(let product, let old): updates { $0.fixedInputs[product, default: [:]][old] = value }
        case .resourceTypeRename(let old): updates { $0.resourceTypes[old] = value }
        case .blockResourceTypeUpdate(let block, let old):
            updates { $0.blockResourceTypes[block, default: [:]][old] = value }
        case .productRename(let old): updates { $0.products[old] = value }
        case .productBlockRename(let old): updates { $0.productBlocks[old] = value }
        case .confirmation: break
        }
    }

    private func updates(_ change: (inout ModelUpdates) -> Void) {
        var updates = answers.updates ?? ModelUpdates()
        change(&updates)
        answers.updates = updates
    }

    /// Marks that renames were considered (so the plan's answers, passed back, do not ask again).
    func settleUpdates() {
        if answers.updates == nil { answers.updates = ModelUpdates() }
    }
}
