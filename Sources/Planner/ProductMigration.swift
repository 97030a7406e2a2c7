import Catalogue
import Workflows

/// `generate migration`: a new product's catalogue migration, planned by the planner (not guessed): the target is
/// the catalogue as it is plus the config's models, so the catalogue's other products are left alone and its blocks
/// are found and reused; the config's values answer every question; the product's workflows are added and linked
/// (with `modify_note`, as orchestrator-core's `ensure_default_workflows` does).
public enum ProductMigration {
    public static func plan(
        models: ModelSet, inputs: [String: [String: String]], workflows: [WorkflowChanges.Added],
        snapshot: CatalogueSnapshot, message: String, modelsSource: String, createdAt: String
    ) throws(PlannerError) -> Plan {
        var target = ModelSet(catalogue: snapshot.catalogue)
        for (name, product) in models.products { target.products[name] = product }
        for (name, block) in models.productBlocks { target.productBlocks[name] = block }
        let planner = MigrationPlanner(
            snapshot: snapshot, models: target,
            options: .init(message: message, modelsSource: modelsSource, createdAt: createdAt))
        var plan: Plan
        switch try planner.plan(answers: PlanAnswers(inputs: inputs), questioner: NoInputQuestioner()) {
        case .plan(let planned): plan = planned
        case .declined: throw PlannerError(.unanswered, "planning stopped")
        case .unanswered(let questions, _):
            throw PlannerError(
                .unanswered,
                "the config does not answer every question of the migration: "
                    + questions.map { AnswerTemplate.about($0) }.joined(separator: "; ")
                    + " (a fixed input without values needs a `default`)")
        }
        let changes = WorkflowChanges(kind: .workflows, add: workflows)
        do throws(WorkflowsError) {
            plan.upgrade += try WorkflowSQL.upgrade(changes)
            plan.downgrade = try WorkflowSQL.downgrade(changes) + plan.downgrade
        } catch {
            throw PlannerError(.invalidValue, error.description)
        }
        plan.workflows = changes
        return plan
    }
}

extension ModelSet {
    /// The models a catalogue stands for, as far as a plan compares them: its products (type, fixed-input names,
    /// root blocks) and blocks (resource types, the blocks they use with their bounds). Planning them against the same
    /// catalogue changes nothing.
    init(catalogue: DatabaseCatalogue) {
        self.init()
        let blockNames = Dictionary(catalogue.productBlocks.map { ($0.productBlockID, $0.name) }) { first, _ in first }
        let resourceTypeNames = Dictionary(catalogue.resourceTypes.map { ($0.resourceTypeID, $0.name) }) { first, _ in
            first
        }
        for product in catalogue.products {
            let fixedInputs = catalogue.fixedInputs.filter { $0.productID == product.productID }
            let roots = catalogue.productProductBlocks.filter { $0.productID == product.productID }.compactMap {
                blockNames[$0.productBlockID]
            }
            products[product.name] = ProductModel(
                productType: product.productType,
                fixedInputs: Dictionary(fixedInputs.map { ($0.name, FixedInputModel(type: "str")) }) { first, _ in first
                },
                productBlocks: roots.byteSorted())
        }
        for block in catalogue.productBlocks {
            var model = ProductBlockModel()
            model.resourceTypes = catalogue.productBlockResourceTypes.filter {
                $0.productBlockID == block.productBlockID
            }
            .compactMap { resourceTypeNames[$0.resourceTypeID] }.byteSorted()
            for relation in catalogue.productBlockRelations where relation.inUseByID == block.productBlockID {
                guard let target = blockNames[relation.dependsOnID] else { continue }
                model.dependsOn[target] = BlockDependency(attributes: [
                    target: ListBounds(min: relation.min, max: relation.max)
                ])
            }
            productBlocks[block.name] = model
        }
    }
}
