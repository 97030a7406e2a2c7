import Catalogue

/// `plan verify`: re-plans with a plan's own answers against a snapshot and models, and says whether the result is the
/// same plan (the same changes and the same SQL). For a CI job that checks a plan attached to a pull request still
/// matches the code: the models path may be spelled differently (relative or absolute); what counts is what they
/// contain.
public struct PlanVerification: Sendable {
    /// Why the plan does not match; empty when it does.
    public var differences: [String]
    /// What differs without changing the plan (the models' fingerprint, the snapshot's source).
    public var notes: [String]

    public var matches: Bool { differences.isEmpty }

    /// Re-plans `plan`'s answers against `snapshot` and `models`; nothing is asked (questions the answers do not
    /// answer are a difference). When the plan was made on incomplete models, so is the re-plan.
    public init(plan: Plan, snapshot: CatalogueSnapshot, models: ModelSet, skip: [String] = []) throws(PlannerError) {
        differences = []
        notes = []
        guard plan.workflows == nil else {
            throw PlannerError(
                .invalidPlan,
                "this is a workflow plan (plan workflows|tasks): verify it against the snapshot with `apply` (the stale check) and the code with `plan workflows --check`"
            )
        }
        if plan.base.fingerprint != snapshot.fingerprint.value {
            differences.append(
                "the snapshot is not the plan's base: the plan was made against \(plan.base.fingerprint) (\(plan.base.source), taken \(plan.base.takenAt)), this snapshot is \(snapshot.fingerprint.value)"
            )
        }
        if plan.target.fingerprint != models.fingerprint {
            notes.append(
                "the models' fingerprint differs from the plan's target (\(plan.target.fingerprint), now \(models.fingerprint))"
            )
        }
        let planner = MigrationPlanner(
            snapshot: snapshot, models: models,
            options: .init(
                message: plan.message, modelsSource: plan.target.models, createdAt: plan.createdAt, skip: skip,
                allowIncompleteModels: !plan.target.incompleteModels.isEmpty))
        switch try planner.plan(answers: plan.answers, questioner: NoInputQuestioner()) {
        case .declined:
            differences.append("re-planning stopped")
        case .unanswered(let questions, let changes):
            differences += Self.compare(plan, planner.draft(of: changes, answers: plan.answers))
            differences.append(
                "re-planning asks \(questions.count) question\(questions.count == 1 ? "" : "s") the plan's answers do not answer: "
                    + questions.map { AnswerTemplate.about($0) }.joined(separator: "; "))
        case .plan(let replanned):
            differences += Self.compare(plan, replanned)
            if differences.isEmpty {
                differences += Self.compareSQL("upgrade", plan.upgrade, replanned.upgrade)
                differences += Self.compareSQL("downgrade", plan.downgrade, replanned.downgrade)
            }
            if plan.target.incompleteModels != replanned.target.incompleteModels {
                differences.append("what the model reader could not read differs from the plan's incomplete_models")
            }
        }
    }

    /// The changes only in one of the two, in the plan's labels (`+ product "User partner"`,
    /// `~ product block "UserBlock": + resource type email`).
    static func compare(_ planned: Plan, _ replanned: Plan) -> [String] {
        func entries(_ plan: Plan) -> [String] {
            PlanOverview(plan).items.flatMap { item -> [String] in
                let subject =
                    "\(item.action.marker) \(item.subject.rawValue) \(TextEscaping.jsonQuote(item.name))"
                    + (item.newName.map { " → \(TextEscaping.jsonQuote($0))" } ?? "")
                return [subject] + item.details.map { "\(subject): \($0.action.marker) \($0.text)" }
            }
        }
        let before = entries(planned)
        let after = entries(replanned)
        return before.filter { !after.contains($0) }.map { "only in the plan: \($0)" }
            + after.filter { !before.contains($0) }.map { "only when re-planned: \($0)" }
    }

    static func compareSQL(_ name: String, _ planned: [String], _ replanned: [String]) -> [String] {
        if planned.count != replanned.count {
            return ["the \(name) SQL differs: \(planned.count) statements in the plan, \(replanned.count) re-planned"]
        }
        guard let index = planned.indices.first(where: { !planned[$0].utf8.elementsEqual(replanned[$0].utf8) }) else {
            return []
        }
        return ["the \(name) SQL differs from statement \(index + 1) on"]
    }
}
