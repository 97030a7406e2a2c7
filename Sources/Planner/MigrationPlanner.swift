import Catalogue

/// Plans a catalogue migration: diff the models against a snapshot, resolve every question, write the SQL.
///
/// No database and no terminal here: the snapshot is a value, questions go to a `Questioner`.
public struct MigrationPlanner {
    public struct Options: Sendable {
        public var message: String
        /// Existing products whose names contain one of these (case-insensitive) are not diffed
        /// (`SKIP_MODEL_FOR_MIGRATION_DB_DIFF`).
        public var skip: [String] = []
        /// Describes the models for the plan's `target` (`python:. (package products)`).
        public var modelsSource: String
        public var createdAt: String
        /// Plan even when the model reader could not read everything; the plan records what it missed.
        public var allowIncompleteModels = false

        public init(
            message: String, modelsSource: String, createdAt: String, skip: [String] = [],
            allowIncompleteModels: Bool = false
        ) {
            self.message = message
            self.modelsSource = modelsSource
            self.createdAt = createdAt
            self.skip = skip
            self.allowIncompleteModels = allowIncompleteModels
        }
    }

    /// The result: a plan, or the questions nobody could answer.
    public enum Outcome: Sendable {
        case plan(Plan)
        case unanswered([Question], changes: ChangeSet)
        /// The review of the changes declined them (with the answers given up to then).
        case declined(PlanAnswers)
    }

    /// What is known before the values are asked for: the changes, and the warnings they bring (with the snapshot's
    /// counts), for a person to confirm, as orchestrator-core confirms before its value prompts.
    public struct Preview: Sendable {
        public var changes: ChangeSet
        public var warnings: [Plan.Warning]
        /// A plan of the changes without their values, for rendering the change list.
        public var plan: Plan
    }

    public let snapshot: CatalogueSnapshot
    public let models: ModelSet
    public let options: Options

    public init(snapshot: CatalogueSnapshot, models: ModelSet, options: Options) {
        self.snapshot = snapshot
        self.models = models
        self.options = options
    }

    /// Plans with `given` answers (`--inputs`/`--updates`, or a previous plan's), asking `questioner` the rest.
    /// `review` sees the changes before any value is asked for and returns false to stop (nothing is planned);
    /// `recorder` is told every answer as it is given.
    public func plan(
        answers given: PlanAnswers, questioner: Questioner, recorder: AnswerRecorder? = nil,
        review: ((Preview) throws(PlannerError) -> Bool)? = nil
    ) throws(PlannerError) -> Outcome {
        let incomplete = models.incompleteDiagnostics.sorted()
        if !incomplete.isEmpty && !options.allowIncompleteModels {
            // What the reader missed would look deleted: a plan would drop it with its subscriptions.
            let list = incomplete.map { "  \($0)" }.joined(separator: "\n")
            throw PlannerError(
                .incompleteModels,
                "the models could not be read completely, so a plan could delete what was missed:\n\(list)\nFix these, or plan anyway with --allow-incomplete-models (the plan then lists them)"
            )
        }
        try checkSpellings()
        let view = CatalogueView(snapshot)
        let conversation = Conversation(questioner: questioner, given: given, recorder: recorder)
        let changes = try ChangeCalculator(
            view: view, models: models, conversation: conversation, given: given.updates, skip: options.skip
        ).compute()
        if let review, conversation.unanswered.isEmpty, !changes.isEmpty {
            let preview = makePlan(changes: changes, answers: given, view: view, upgrade: [], downgrade: [])
            guard try review(Preview(changes: changes, warnings: preview.warnings, plan: preview)) else {
                return .declined(conversation.answers)
            }
        }
        try askForValues(changes, conversation: conversation)
        guard conversation.unanswered.isEmpty else {
            return .unanswered(conversation.unanswered, changes: changes)
        }
        var answers = conversation.answers
        answers.updates = answers.updates.map(Self.trimmed)
        try checkNames(changes)
        let writer = SQLWriter(changes: changes, inputs: answers.inputs, models: models)
        let upgrade = try writer.upgrade()
        let downgrade = try DowngradeWriter(changes: changes, view: view, snapshot: snapshot, upgrade: writer)
            .downgrade()
        let plan = makePlan(changes: changes, answers: answers, view: view, upgrade: upgrade, downgrade: downgrade)
        return .plan(plan)
    }

    /// A plan of `changes` without SQL (and with the answers known so far), for showing the changes: the review
    /// before the values are asked for, `plan --check`, a re-plan that left questions open.
    public func draft(of changes: ChangeSet, answers: PlanAnswers = PlanAnswers()) -> Plan {
        makePlan(changes: changes, answers: answers, view: CatalogueView(snapshot), upgrade: [], downgrade: [])
    }

    private func makePlan(
        changes: ChangeSet, answers: PlanAnswers, view: CatalogueView, upgrade: [String], downgrade: [String]
    ) -> Plan {
        Plan(
            message: options.message, toolVersion: ToolVersion.current, createdAt: options.createdAt,
            base: Plan.Base(
                fingerprint: snapshot.fingerprint.value, source: snapshot.source.display, takenAt: snapshot.takenAt,
                alembicVersions: snapshot.alembicVersions),
            target: Plan.Target(
                models: options.modelsSource, fingerprint: models.fingerprint,
                incompleteModels: models.incompleteDiagnostics.sorted().map(\.description)),
            changes: changes, answers: answers, impact: Plan.Impact(changes: changes, view: view),
            warnings: Warnings(changes: changes, view: view, models: models).all(),
            upgrade: upgrade, downgrade: downgrade)
    }

    /// Refuses names whose spellings differ only in Unicode normalisation where they meet: PostgreSQL compares bytes
    /// (orchestrator-core would not find a product whose registry key is the NFD spelling of the catalogue's NFC
    /// name), while Swift's string equality would call them the same and plan nothing.
    private func checkSpellings() throws(PlannerError) {
        let catalogue = snapshot.catalogue
        var fixedInputs: [String] = []
        for (name, product) in models.products { fixedInputs += product.fixedInputs.keys.map { "\(name)/\($0)" } }
        let productNames = Dictionary(
            catalogue.products.map { ($0.productID, $0.name) }, uniquingKeysWith: { a, _ in a })
        fixedInputs += catalogue.fixedInputs.map { "\(productNames[$0.productID] ?? "")/\($0.name)" }
        let kinds: [(String, [String])] = [
            ("product", Array(models.products.keys) + catalogue.products.map(\.name)),
            ("product block", Array(models.productBlocks.keys) + catalogue.productBlocks.map(\.name)),
            (
                "resource type",
                models.productBlocks.values.flatMap(\.resourceTypes) + catalogue.resourceTypes.map(\.name)
            ),
            ("fixed input (product/name)", fixedInputs),
        ]
        var lines: [String] = []
        for (kind, names) in kinds {
            for group in UnicodeNames.conflicts(names) {
                lines.append(
                    "  \(kind): " + group.map { "'\($0)' (\(UnicodeNames.codePoints($0)))" }.joined(separator: " and "))
            }
        }
        guard !lines.isEmpty else { return }
        throw PlannerError(
            .unicodeConflict,
            "these names look alike but are spelled with different Unicode code points, so PostgreSQL sees different names:\n\(lines.joined(separator: "\n"))\nRename them in the models or the catalogue so both use the same code points (usually the composed form, NFC)"
        )
    }

    /// The schema's column limits (docs/orchestrator-core.md §1), counted in code points as PostgreSQL counts them.
    static let tagLimit = 20
    static let descriptionLimit = 2_000
    static let valueLimit = 10_000
    static let resourceTypeLimit = 510

    /// Answers are checked as they are given (`AnswerRule`); what remains are names from the models.
    private func checkNames(_ changes: ChangeSet) throws(PlannerError) {
        for type in changes.createResourceTypes where TextEscaping.codePoints(type) > Self.resourceTypeLimit {
            throw PlannerError(
                .invalidValue,
                "the resource type name \(TextEscaping.shown(type, limit: 40)) is \(TextEscaping.codePoints(type)) characters; the database allows \(Self.resourceTypeLimit)"
            )
        }
    }

    private static func trimmed(_ updates: ModelUpdates) -> ModelUpdates {
        var result = updates
        result.fixedInputs = result.fixedInputs.filter { !$0.value.isEmpty }
        result.blockResourceTypes = result.blockResourceTypes.filter { !$0.value.isEmpty }
        return result
    }

    /// Sections 6–10 of docs/orchestrator-core.md §2.6: descriptions and tags of new products and blocks, fixed-input
    /// values, resource type descriptions, default values for existing instances.
    private func askForValues(_ changes: ChangeSet, conversation: Conversation) throws(PlannerError) {
        conversation.section("Create new products")
        for product in changes.createProducts {
            let type = models.products[product]?.productType ?? ""
            let context = ["Product: \(type) \(product)"]
            _ = try conversation.text(
                Question(
                    section: "Create new products", context: context, prompt: "Supply the product description: ",
                    key: .input(product, "description"), rule: .maxLength(Self.descriptionLimit)))
            _ = try conversation.text(
                Question(
                    section: "Create new products", prompt: "Supply the product tag: ", key: .input(product, "tag"),
                    rule: .maxLength(Self.tagLimit)))
        }
        conversation.section("Create fixed inputs")
        for name in changes.createProductFixedInputs.keys.byteSorted() {
            for product in changes.createProductFixedInputs[name] ?? [] {
                _ = try conversation.text(
                    Question(
                        section: "Create fixed inputs",
                        prompt: "Supply fixed input value for product \(product) and fixed input \(name): ",
                        emphasis: [.init(text: product, style: .bold), .init(text: name, style: .magenta)],
                        key: .input(product, name),
                        rule: models.products[product]?.fixedInputs[name]?.values.map(AnswerRule.oneOf) ?? .free))
            }
        }
        conversation.section("Create product blocks")
        for block in changes.createProductBlocks {
            _ = try conversation.text(
                Question(
                    section: "Create product blocks", context: ["Product block: \(block)"],
                    prompt: "Supply the product block description: ", key: .input(block, "description"),
                    rule: .maxLength(Self.descriptionLimit)))
            _ = try conversation.text(
                Question(
                    section: "Create product blocks", prompt: "Supply the product block tag: ",
                    key: .input(block, "tag"), rule: .maxLength(Self.tagLimit)))
        }
        conversation.section("Create resource types")
        for type in changes.createResourceTypes {
            _ = try conversation.text(
                Question(
                    section: "Create resource types", prompt: "Supply description for new resource type \(type): ",
                    emphasis: [.init(text: type, style: .magenta)], key: .input(type, "description"),
                    rule: .maxLength(Self.descriptionLimit)))
        }
        conversation.section("Create subscription instance values")
        for type in changes.createResourceTypeInstanceRelations.keys.byteSorted() {
            for block in changes.createResourceTypeInstanceRelations[type] ?? [] {
                // `inputs[rt][block]`, else `inputs[rt]["value"]`, else ask (docs/orchestrator-core.md §2.7).
                if let shared = conversation.given(.input(type, "value")),
                    conversation.given(.input(type, block)) == nil
                {
                    if let problem = AnswerRule.maxLength(Self.valueLimit).problem(with: shared) {
                        throw PlannerError(
                            .invalidValue, "the answer \(AnswerKey.input(type, "value").path): \(problem)")
                    }
                    conversation.record(.input(type, "value"), shared)
                    continue
                }
                let question = Question(
                    section: "Create subscription instance values",
                    prompt:
                        "Supply default subscription instance value for resource type \(type) and product block \(block): ",
                    emphasis: [.init(text: type, style: .magenta), .init(text: block, style: .bold)],
                    key: .input(type, block), rule: .maxLength(Self.valueLimit))
                _ = try conversation.text(question)
            }
        }
    }
}
