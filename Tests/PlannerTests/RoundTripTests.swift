import Catalogue
import DomainModels
import Foundation
import Planner
import Postgres
import Snapshot
import TestSupport
import Testing

/// Against a real PostgreSQL with the example catalogue and its subscriptions: the upgrade makes the catalogue
/// match the models (re-planning finds nothing), and the downgrade brings the fingerprint back.
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct RoundTripTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout ModelSet) throws -> Void
        var inputs = "{}"
        var updates = "{}"
        var check: @Sendable (TestDatabase, Plan) throws -> Void = { _, _ in }
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(
            name: "new product, resource type with a default, new nested block",
            edit: { models in
                models = try PythonModelReader(root: Repository.fixture("example/models")).read()
            },
            inputs: """
                {"User partner": {"description": "It's \\"quoted\\" \\\\ back %s :name\\nnew line — ünïcödé", "tag": "USER", "affiliation": "partner"},
                 "email": {"description": "E-mail", "value": "o'neil@example.org"},
                 "UserPreferencesBlock": {"description": "Prefs", "tag": "UP"},
                 "language": {"description": "Language", "value": "en"}, "theme": {"description": "Theme", "value": "light"}}
                """,
            check: { db, _ in
                // Byte-exact: psql prints rows one per line, so the stored newline is shown as <NL>.
                #expect(
                    db.checkedRows(
                        "SELECT replace(description, E'\\n', '<NL>') FROM products WHERE name = 'User partner'") == [
                            ["It's \"quoted\" \\ back %s :name<NL>new line — ünïcödé"]
                        ])
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instances si JOIN product_blocks b USING (product_block_id) WHERE b.name = 'UserPreferencesBlock'"
                    ) == [["210"]])
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_relations WHERE domain_model_attr = 'preferences'")
                        == [["210"]])
                #expect(
                    db.checkedRows(
                        "SELECT count(*), min(value) FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'email'"
                    ) == [["210", "o'neil@example.org"]])
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'language'"
                    ) == [["210"]])
            }),
        Scenario(
            name: "remove a product with its subscriptions",
            edit: { $0.products.removeValue(forKey: "User external") },
            check: { db, plan in
                #expect(plan.isDestructive)
                #expect(
                    plan.warnings.contains {
                        $0.message == "deletes product 'User external' and 60 subscriptions of it"
                    })
                #expect(db.checkedRows("SELECT count(*) FROM subscriptions") == [["190"]])
            }),
        Scenario(
            name: "rename a resource type, keeping its values",
            edit: { $0.productBlocks["UserBlock"]?.resourceTypes = ["email_age", "user_id", "username"].sorted() },
            updates: #"{"resource_types": {"age": "email_age"}}"#,
            check: { db, plan in
                #expect(
                    plan.upgrade == [
                        "UPDATE resource_types SET resource_type='email_age' WHERE resource_types.resource_type = 'age'"
                    ])
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'email_age'"
                    ) == [["164"]])
            }),
        Scenario(
            name: "remove a resource type and its values",
            edit: { $0.productBlocks["UserBlock"]?.resourceTypes = ["user_id", "username"] },
            updates: #"{"resource_types": {}}"#,
            check: { db, plan in
                #expect(plan.changes.deleteResourceTypes == ["age"])
                #expect(plan.upgrade.count == 4)
                #expect(db.checkedRows("SELECT count(*) FROM resource_types WHERE resource_type = 'age'") == [["0"]])
            }),
        Scenario(
            name: "switch a block to another resource type, moving the values",
            edit: { $0.productBlocks["UserBlock"]?.resourceTypes = ["age", "login", "user_id"] },
            inputs: #"{"login": {"description": "Login name"}}"#,
            updates: #"{"block_resource_types": {"UserBlock": {"username": "login"}}}"#,
            check: { db, plan in
                #expect(plan.changes.createResourceTypes == ["login"])
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'login'"
                    ) == [["210"]])
            }),
        Scenario(
            name: "rename a fixed input of both products that share a class",
            edit: { models in
                for name in ["User internal", "User external"] {
                    guard var product = models.products[name] else { continue }
                    product.fixedInputs["kind"] = product.fixedInputs.removeValue(forKey: "affiliation")
                    models.products[name] = product
                }
            },
            updates:
                #"{"fixed_inputs": {"User internal": {"affiliation": "kind"}, "User external": {"affiliation": "kind"}}}"#,
            check: { db, _ in
                #expect(
                    db.checkedRows("SELECT name, value FROM fixed_inputs ORDER BY value") == [
                        ["kind", "external"], ["kind", "internal"],
                    ])
            }),
        Scenario(
            name: "rename a product, keeping its subscriptions",
            edit: { models in
                let product = models.products.removeValue(forKey: "User external")
                models.products["User guest"] = product
            },
            updates: #"{"products": {"User external": "User guest"}}"#,
            check: { db, plan in
                #expect(!plan.isDestructive)
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscriptions s JOIN products p USING (product_id) WHERE p.name = 'User guest'"
                    ) == [["60"]])
            }),
        Scenario(
            name: "rename a product block, keeping its instances",
            edit: { models in
                let group = models.productBlocks.removeValue(forKey: "UserGroupBlock")
                models.productBlocks["GroupBlock"] = group
                if var user = models.productBlocks["UserBlock"] {
                    user.dependsOn["GroupBlock"] = user.dependsOn.removeValue(forKey: "UserGroupBlock")
                    models.productBlocks["UserBlock"] = user
                }
                models.products["User group"]?.productBlocks = ["GroupBlock"]
            },
            updates: #"{"product_blocks": {"UserGroupBlock": "GroupBlock"}}"#,
            check: { db, _ in
                #expect(
                    db.checkedRows(
                        "SELECT count(*) FROM subscription_instances si JOIN product_blocks b USING (product_block_id) WHERE b.name = 'GroupBlock'"
                    ) == [["40"]])
            }),
        Scenario(
            name: "remove a block relation and a block from a product",
            edit: { models in
                models.productBlocks["UserBlock"]?.dependsOn = [:]
                models.products["User group"]?.productBlocks = []
                models.productBlocks.removeValue(forKey: "UserGroupBlock")
            },
            updates: #"{"resource_types": {}}"#,
            check: { db, plan in
                #expect(plan.changes.deleteProductBlocks == ["UserGroupBlock"])
                #expect(db.checkedRows("SELECT count(*) FROM product_blocks WHERE name = 'UserGroupBlock'") == [["0"]])
            }),
    ]

    @Test(arguments: scenarios)
    func upgradeMatchesTheModelsAndDowngradeRestoresTheCatalogue(_ scenario: Scenario) throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let target = try ConnectionString(database.socketURL)
        let before = try SnapshotTaker.take(from: target, takenAt: Date())
        var models = try PlannerFixtures.exampleModels()
        try scenario.edit(&models)

        let plan = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(before, models, inputs: scenario.inputs, updates: scenario.updates))
        #expect(!plan.isEmpty, "the scenario changes nothing")
        try PlannerFixtures.execute(plan.upgrade, on: target)
        try scenario.check(database, plan)

        let after = try SnapshotTaker.take(from: target, takenAt: Date())
        let again = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(after, models, updates: #"{"resource_types": {}}"#))
        #expect(again.changes.isEmpty, "re-planning is not empty: \(again.changes)")
        #expect(again.upgrade.isEmpty)

        try PlannerFixtures.execute(plan.downgrade, on: target)
        let restored = try SnapshotTaker.take(from: target, takenAt: Date())
        #expect(
            restored.fingerprint == before.fingerprint,
            "downgrade differs: \(before.catalogue.changes(to: restored.catalogue))")
    }
}

extension TestDatabase {
    /// Rows of a query; a failing query is recorded as a test issue (for use inside `#expect`).
    func checkedRows(_ sql: String) -> [[String?]] {
        do {
            return try rows(sql)
        } catch {
            Issue.record("query failed: \(error)")
            return []
        }
    }
}
