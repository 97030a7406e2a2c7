import Catalogue
import TestSupport
import Testing

@testable import Planner

@Suite struct ExamplePlanTests {
    @Test func theExampleCatalogueMatchesTheExampleModels() throws {
        let plan = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(try PlannerFixtures.exampleSnapshot(), try PlannerFixtures.exampleModels()))
        #expect(plan.changes.isEmpty, "\(plan.changes)")
        #expect(plan.isEmpty)
        #expect(plan.warnings.isEmpty)
    }

    @Test func everythingIsNewOnAnEmptyCatalogue() throws {
        let inputs = """
            {"User group": {"description": "User group product", "tag": "GROUP"},
             "User internal": {"description": "User internal product", "tag": "USER", "affiliation": "internal"},
             "User external": {"description": "User external product", "tag": "USER", "affiliation": "external"},
             "UserGroupBlock": {"description": "User group settings", "tag": "UGS"},
             "UserBlock": {"description": "User settings", "tag": "US"},
             "group_name": {"description": "Name"}, "group_id": {"description": "Id"}, "username": {"description": "User name"},
             "age": {"description": "Age"}, "user_id": {"description": "User id"}}
            """
        let plan = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(PlannerFixtures.emptySnapshot(), try PlannerFixtures.exampleModels(), inputs: inputs))
        let c = plan.changes
        #expect(c.createProducts == ["User external", "User group", "User internal"])
        #expect(c.createProductBlocks == ["UserBlock", "UserGroupBlock"])
        #expect(c.createResourceTypes == ["age", "group_id", "group_name", "user_id", "username"])
        #expect(c.createProductFixedInputs == ["affiliation": ["User external", "User internal"]])
        #expect(
            c.createProductToBlockRelations == [
                "UserBlock": ["User external", "User internal"], "UserGroupBlock": ["User group"],
            ])
        #expect(
            c.createProductBlockRelations == [
                "UserGroupBlock": [BlockRelationChange(inUseBy: "UserBlock", attribute: "group")]
            ])
        #expect(c.createResourceTypeInstanceRelations.isEmpty)
        // 3 products, 1 fixed-input statement, 2 blocks, 5 resource types, 2 product-block, 1 block relation,
        // 5 resource-type relation statements, 1 block-relation instance statement.
        #expect(plan.upgrade.count == 3 + 1 + 2 + 5 + 2 + 1 + 5 + 1)
        #expect(
            plan.upgrade.contains(
                "INSERT INTO products (name, description, product_type, tag, status) VALUES ('User internal', 'User internal product', 'User', 'USER', 'active') RETURNING products.product_id"
            ))
    }

    @Test func noInputListsEveryQuestion() throws {
        let outcome = try PlannerFixtures.plan(PlannerFixtures.emptySnapshot(), try PlannerFixtures.exampleModels())
        guard case .unanswered(let questions, _) = outcome else {
            Issue.record("expected unanswered questions")
            return
        }
        // description + tag for 3 products and 2 blocks, 2 fixed-input values, 5 resource-type descriptions
        #expect(questions.count == 6 + 4 + 2 + 5)
        #expect(questions.first?.prompt == "Supply the product description: ")
        #expect(
            questions.contains {
                $0.prompt == "Supply fixed input value for product User internal and fixed input affiliation: "
            })
    }
}

@Suite struct ColumnLimitTests {
    @Test func aTagLongerThanTheColumnIsRefusedAtPlanningTime() throws {
        let models = try PlannerFixtures.exampleModels()
        var changed = models
        changed.products["User partner"] = models.products["User internal"]
        do {
            _ = try PlannerFixtures.plan(
                try PlannerFixtures.exampleSnapshot(), changed,
                inputs:
                    #"{"User partner": {"description": "d", "tag": "A TAG OF 21 CHARACTERS", "affiliation": "partner"}}"#
            )
            Issue.record("a 22-character tag was accepted")
        } catch let error as PlannerError {
            #expect(error.code == .invalidValue)
            #expect(
                error.message
                    == "the answer inputs[\"User partner\"][\"tag\"]: it is 22 characters; the database allows 20")
        }
    }
}

@Suite struct WarningTextTests {
    /// Counts are grouped the same way on every machine (a plan must not depend on the user's locale).
    @Test(arguments: [
        (0, "0 subscriptions"), (1, "1 subscription"), (999, "999 subscriptions"), (1_204, "1,204 subscriptions"),
        (1_234_567, "1,234,567 subscriptions"),
    ])
    func countsAreGroupedWithCommas(number: Int, text: String) {
        #expect(Warnings.count(number, "subscription") == text)
    }
}
