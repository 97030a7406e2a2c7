import Catalogue
import Foundation
import Planner
import Postgres
import Snapshot
import TestSupport
import Testing

/// Answers every question with a value derived from its key: enough to build a catalogue from models.
final class AutoAnswerQuestioner: Questioner {
    func beginSection(_ title: String) {}
    func ask(_ question: Question) throws(PlannerError) -> String? {
        switch question.kind {
        case .confirm: return "N"
        case .menu: return "q"
        case .text:
            if case .input(let name, let field) = question.key { return field == "tag" ? "TAG" : "\(field) of \(name)" }
            return "x"
        }
    }
}

/// orchestrator-core's own migrate-domain-models integration tests (spec §7), on their fixture models, against a
/// real database: categories and (where our SQL shape matches theirs) statement counts, then the round trip.
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct Spec7Tests {
    static func baseModels() -> ModelSet {
        var models = ModelSet()
        models.products["TestProductOne"] = ProductModel(
            productType: "TestProductOne", fixedInputs: ["test_fixed_input": FixedInputModel(type: "bool")],
            productBlocks: ["ProductBlockOneForTest"])
        models.products["ProductSubListUnion"] = ProductModel(
            productType: "ProductSubListUnion", productBlocks: ["ProductBlockWithListUnionForTest"])
        models.productBlocks["ProductBlockOneForTest"] = ProductBlockModel(
            resourceTypes: ["enum_field", "int_field", "list_field", "str_field"],
            dependsOn: [
                "SubBlockOneForTest": BlockDependency(attributes: [
                    "sub_block": ListBounds(), "sub_block_2": ListBounds(), "sub_block_list": ListBounds(),
                ])
            ])
        models.productBlocks["SubBlockOneForTest"] = ProductBlockModel(resourceTypes: ["int_field", "str_field"])
        models.productBlocks["SubBlockTwoForTest"] = ProductBlockModel(resourceTypes: ["int_field_2"])
        models.productBlocks["ProductBlockWithListUnionForTest"] = ProductBlockModel(
            resourceTypes: ["int_field", "list_field", "str_field"],
            dependsOn: [
                "SubBlockOneForTest": BlockDependency(attributes: ["list_union_blocks": ListBounds()]),
                "SubBlockTwoForTest": BlockDependency(attributes: ["list_union_blocks": ListBounds()]),
            ])
        return models
    }

    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var withInstances: Bool
        /// Changes to the models the database is built from (default: the base models).
        var base: @Sendable (inout ModelSet) -> Void = { _ in }
        var edit: @Sendable (inout ModelSet) -> Void
        var inputs = "{}"
        var updates = #"{"resource_types": {}}"#
        /// orchestrator-core's upgrade statement count, where our SQL has the same shape (nil: it differs, see why).
        var upgradeCount: Int?
        var check: @Sendable (TestDatabase, Plan) -> Void = { _, _ in }
        var testDescription: String { "\(name)\(withInstances ? " (with instances)" : "")" }
    }

    static let scenarios: [Scenario] = [
        // The database lacks the product and its root block; orchestrator-core's count (11) includes statements
        // for its fixture's state, so only the categories and the round trip are compared.
        Scenario(
            name: "new product", withInstances: false,
            base: { models in
                models.products.removeValue(forKey: "TestProductOne")
                models.productBlocks.removeValue(forKey: "ProductBlockOneForTest")
            },
            edit: { $0 = Spec7Tests.baseModels() },
            inputs:
                #"{"TestProductOne": {"description": "Test product one", "tag": "TEST", "test_fixed_input": "False"}, "ProductBlockOneForTest": {"description": "block one", "tag": "B1"}, "enum_field": {"description": "enum"}}"#,
            upgradeCount: nil,
            check: { db, plan in
                #expect(plan.changes.createProducts == ["TestProductOne"])
                #expect(plan.changes.createResourceTypes == ["enum_field"])
                #expect(db.checkedRows("SELECT value FROM fixed_inputs WHERE name = 'test_fixed_input'") == [["False"]])
            }),
        Scenario(
            name: "new fixed input", withInstances: false,
            edit: { $0.products["TestProductOne"]?.fixedInputs["new_fixed_input"] = FixedInputModel(type: "str") },
            inputs: #"{"TestProductOne": {"new_fixed_input": "test"}}"#, upgradeCount: 1),
        Scenario(
            name: "rename fixed input", withInstances: false,
            edit: { models in
                models.products["TestProductOne"]?.fixedInputs = ["changed_fixed_input": FixedInputModel(type: "bool")]
            },
            updates: #"{"fixed_inputs": {"TestProductOne": {"test_fixed_input": "changed_fixed_input"}}}"#,
            upgradeCount: 1),
        Scenario(
            name: "remove fixed input", withInstances: true,
            edit: { $0.products["TestProductOne"]?.fixedInputs = [:] }, upgradeCount: 1),
        // orchestrator-core emits no instance statement when the product has no subscriptions; ours is set-based and
        // always present (it inserts nothing then), so the count is 4, not 3.
        Scenario(
            name: "new product block", withInstances: false,
            edit: { models in
                models.products["TestProductOne"]?.productBlocks.append("TestBlock")
                models.productBlocks["TestBlock"] = ProductBlockModel(resourceTypes: ["str_field"])
            },
            inputs: #"{"TestBlock": {"description": "test block", "tag": "TEST"}}"#, upgradeCount: nil),
        Scenario(
            name: "new product block", withInstances: true,
            edit: { models in
                models.products["TestProductOne"]?.productBlocks.append("TestBlock")
                models.productBlocks["TestBlock"] = ProductBlockModel(resourceTypes: ["str_field"])
            },
            inputs: #"{"TestBlock": {"description": "test block", "tag": "TEST"}, "str_field": {"TestBlock": "test"}}"#,
            upgradeCount: 5,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT v.value FROM subscription_instance_values v JOIN subscription_instances i USING (subscription_instance_id) JOIN product_blocks b USING (product_block_id) WHERE b.name = 'TestBlock'"
                    ) == [["test"]])
            }),
        // orchestrator-core writes one instance and one relation statement per existing instance; ours is one
        // set-based statement, so with one subscription the count is 5, not 6.
        Scenario(
            name: "new product block on product block", withInstances: true,
            edit: { models in
                models.productBlocks["ProductBlockOneForTest"]?.dependsOn["TestBlock"] = BlockDependency(attributes: [
                    "new_block": ListBounds()
                ])
                models.productBlocks["TestBlock"] = ProductBlockModel(resourceTypes: ["str_field"])
            },
            inputs: #"{"TestBlock": {"description": "test block", "tag": "TEST"}, "str_field": {"TestBlock": "test"}}"#,
            upgradeCount: nil,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_relations WHERE domain_model_attr = 'new_block'")
                        == [["1"]])
                #expect(
                    db.checkedRows(
                        "SELECT v.value FROM subscription_instance_values v JOIN subscription_instances i USING (subscription_instance_id) JOIN product_blocks b USING (product_block_id) WHERE b.name = 'TestBlock'"
                    ) == [["test"]])
            }),
        Scenario(
            name: "new resource type", withInstances: false,
            edit: { $0.productBlocks["ProductBlockOneForTest"]?.resourceTypes.append("new_int_field") },
            inputs: #"{"new_int_field": {"description": "new int field", "ProductBlockOneForTest": 1}}"#,
            upgradeCount: 2),
        Scenario(
            name: "new resource type", withInstances: true,
            edit: { $0.productBlocks["ProductBlockOneForTest"]?.resourceTypes.append("new_int_field") },
            inputs: #"{"new_int_field": {"description": "new int field", "ProductBlockOneForTest": 1}}"#,
            upgradeCount: 3,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT v.value FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'new_int_field'"
                    ) == [["1"]])
            }),
        Scenario(
            name: "rename resource type", withInstances: true,
            edit: { models in
                for block in ["ProductBlockOneForTest", "ProductBlockWithListUnionForTest"] {
                    models.renameResourceType(in: block, "list_field", to: "new_list_field")
                }
            },
            updates: #"{"resource_types": {"list_field": "new_list_field"}}"#, upgradeCount: 1,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT v.value FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'new_list_field' ORDER BY 1"
                    ) == [["10"], ["20"], ["30"]])
            }),
        Scenario(
            name: "create and rename resource type", withInstances: true,
            edit: { models in
                for block in ["ProductBlockOneForTest", "ProductBlockWithListUnionForTest"] {
                    models.renameResourceType(in: block, "list_field", to: "new_list_field")
                }
                models.productBlocks["SubBlockOneForTest"]?.resourceTypes.append("new_list_field")
            },
            inputs: #"{"new_list_field": {"SubBlockOneForTest": "5"}}"#,
            updates: #"{"resource_types": {"list_field": "new_list_field"}}"#, upgradeCount: 3,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'new_list_field' AND v.value = '5'"
                    ) == [["2"]])
            }),
        Scenario(
            name: "update block resource type", withInstances: true,
            edit: { models in
                models.productBlocks["ProductBlockOneForTest"]?.resourceTypes = [
                    "enum_field", "list_field", "new_int_field", "str_field",
                ]
            },
            inputs: #"{"new_int_field": {"description": "new int field"}}"#,
            updates: #"{"block_resource_types": {"ProductBlockOneForTest": {"int_field": "new_int_field"}}}"#,
            upgradeCount: 3,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT v.value FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'new_int_field'"
                    ) == [["1"]])
            }),
        Scenario(
            name: "remove product block", withInstances: true,
            edit: { models in
                models.products["TestProductOne"]?.productBlocks = []
                models.productBlocks.removeValue(forKey: "ProductBlockOneForTest")
            },
            upgradeCount: 3),
        Scenario(
            name: "remove product", withInstances: true,
            edit: { models in
                models.products.removeValue(forKey: "TestProductOne")
                models.productBlocks.removeValue(forKey: "ProductBlockOneForTest")
            },
            inputs: #"{"force_delete_products": "no"}"#, upgradeCount: 7,
            check: { db, plan in
                #expect(plan.isDestructive)
                #expect(db.checkedRows("SELECT count(*) FROM products WHERE name = 'TestProductOne'") == [["0"]])
            }),
    ]

    @Test(arguments: scenarios)
    func scenario(_ scenario: Scenario) throws {
        let database = try TestPostgres.copy(of: "orchestrator_empty")
        defer { database.drop() }
        let target = try ConnectionString(database.socketURL)
        // The catalogue of the base models, made by planning against the empty database and running the plan.
        let empty = try SnapshotTaker.take(from: target, takenAt: Date())
        var base = Self.baseModels()
        scenario.base(&base)
        guard
            case .plan(let create) = try MigrationPlanner(
                snapshot: empty, models: base, options: PlannerFixtures.options()
            )
            .plan(answers: PlanAnswers(), questioner: AutoAnswerQuestioner())
        else { throw TestFailure("the base catalogue plan asked questions") }
        try PlannerFixtures.execute(create.upgrade, on: target)
        if scenario.withInstances {
            let sql = try String(contentsOf: Repository.fixture("spec7/subscriptions.sql"), encoding: .utf8)
            try database.psql(sql)
        }

        let before = try SnapshotTaker.take(from: target, takenAt: Date())
        var models = base
        scenario.edit(&models)
        let plan = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(before, models, inputs: scenario.inputs, updates: scenario.updates))
        if let count = scenario.upgradeCount {
            #expect(plan.upgrade.count == count, "\(plan.upgrade)")
        }
        try PlannerFixtures.execute(plan.upgrade, on: target)
        scenario.check(database, plan)
        let after = try SnapshotTaker.take(from: target, takenAt: Date())
        let again = try PlannerFixtures.requirePlan(PlannerFixtures.plan(after, models))
        #expect(again.changes.isEmpty, "re-planning is not empty: \(again.changes)")
        try PlannerFixtures.execute(plan.downgrade, on: target)
        let restored = try SnapshotTaker.take(from: target, takenAt: Date())
        #expect(
            restored.fingerprint == before.fingerprint,
            "downgrade differs: \(before.catalogue.changes(to: restored.catalogue))")
    }
}

extension ModelSet {
    mutating func renameResourceType(in block: String, _ old: String, to new: String) {
        guard var model = productBlocks[block] else { return }
        model.resourceTypes = model.resourceTypes.map { $0 == old ? new : $0 }.sorted()
        productBlocks[block] = model
    }
}
