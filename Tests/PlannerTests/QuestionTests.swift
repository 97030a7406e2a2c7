import Catalogue
import Planner
import TestSupport
import Testing

/// A questioner that answers from a script and records what it was asked.
final class ScriptedQuestioner: Questioner {
    var script: [String]
    var asked: [Question] = []
    var sections: [String] = []

    init(_ script: [String]) { self.script = script }

    func beginSection(_ title: String) { sections.append(title) }

    func ask(_ question: Question) throws(PlannerError) -> String? {
        asked.append(question)
        return script.isEmpty ? nil : script.removeFirst()
    }
}

@Suite struct QuestionTests {
    func plan(
        _ models: ModelSet, _ questioner: ScriptedQuestioner, inputs: String = "{}"
    ) throws -> MigrationPlanner.Outcome {
        try MigrationPlanner(
            snapshot: try PlannerFixtures.exampleSnapshot(), models: models, options: PlannerFixtures.options()
        )
        .plan(
            answers: PlanAnswers(inputs: try PlanAnswers.parseInputs(inputs, source: "--inputs")),
            questioner: questioner)
    }

    @Test func resourceTypeRenameMenuAndSectionOrder() throws {
        var models = try PlannerFixtures.exampleModels()
        models.productBlocks["UserBlock"]?.resourceTypes = ["user_age", "user_id", "username"]
        let questioner = ScriptedQuestioner(["age", "user_age"])
        let plan = try PlannerFixtures.requirePlan(try plan(models, questioner))
        #expect(
            questioner.asked.map(\.prompt) == [
                "Which resource type would you want to rename?", "\nWhich resource type should rename age?",
            ])
        #expect(questioner.asked.first?.kind == .menu(options: ["age"], quitLabel: "continue"))
        #expect(plan.changes.renameResourceTypes == ["age": "user_age"])
        #expect(plan.answers.updates?.resourceTypes == ["age": "user_age"])
        #expect(
            questioner.sections == [
                "Rename resource types", "Update block resource types", "Update fixed inputs", "Create new products",
                "Create fixed inputs", "Create product blocks", "Create resource types",
                "Create subscription instance values",
            ])
    }

    @Test func declinedRenameBecomesACreateAndADelete() throws {
        var models = try PlannerFixtures.exampleModels()
        models.productBlocks["UserBlock"]?.resourceTypes = ["user_age", "user_id", "username"]
        // q at the first menu, then the per-block menu: q; then the new type's description and default value.
        let questioner = ScriptedQuestioner(["q", "q", "Age in years", "42"])
        let plan = try PlannerFixtures.requirePlan(try plan(models, questioner))
        #expect(plan.changes.createResourceTypes == ["user_age"])
        #expect(plan.changes.deleteResourceTypes == ["age"])
        #expect(plan.isDestructive)
        #expect(plan.answers.inputs["user_age"] == ["description": "Age in years", "UserBlock": "42"])
    }

    @Test func everyBlockUpdatePickIsKept() throws {
        var models = try PlannerFixtures.exampleModels()
        models.productBlocks["UserBlock"]?.resourceTypes = ["login", "years", "user_id"]
        // Rename menu: continue. Block menu: age → years, username → login. Then two descriptions.
        let questioner = ScriptedQuestioner(["q", "age", "years", "username", "login", "Years", "Login"])
        let plan = try PlannerFixtures.requirePlan(try plan(models, questioner))
        #expect(plan.changes.updateBlockResourceTypes == ["UserBlock": ["age": "years", "username": "login"]])
        #expect(questioner.asked[1].prompt == "Which resource type would you want to update in UserBlock Block?")
    }

    @Test func fixedInputRenameIsConfirmedWithLowercaseYOnly() throws {
        var models = try PlannerFixtures.exampleModels()
        for name in ["User internal", "User external"] {
            guard var product = models.products[name] else { continue }
            product.fixedInputs["kind"] = product.fixedInputs.removeValue(forKey: "affiliation")
            models.products[name] = product
        }
        let questioner = ScriptedQuestioner(["y", "Y", "external"])
        let plan = try PlannerFixtures.requirePlan(try plan(models, questioner))
        #expect(
            questioner.asked.first?.prompt
                == "Do you wish to rename fixed input affiliation to kind for product User external? [y/N]: ")
        #expect(plan.changes.updateProductFixedInputs == ["User external": ["affiliation": "kind"]])
        #expect(plan.changes.createProductFixedInputs == ["kind": ["User internal"]])
        #expect(plan.changes.deleteProductFixedInputs == ["affiliation": ["User internal"]])
    }

    @Test func aLookAlikeBlockIsOfferedAsARename() throws {
        var models = try PlannerFixtures.exampleModels()
        let group = models.productBlocks.removeValue(forKey: "UserGroupBlock")
        models.productBlocks["GroupBlock"] = group
        if var user = models.productBlocks["UserBlock"] {
            user.dependsOn["GroupBlock"] = user.dependsOn.removeValue(forKey: "UserGroupBlock")
            models.productBlocks["UserBlock"] = user
        }
        models.products["User group"]?.productBlocks = ["GroupBlock"]
        let questioner = ScriptedQuestioner(["y"])
        let plan = try PlannerFixtures.requirePlan(try plan(models, questioner))
        #expect(
            questioner.asked.first?.prompt
                == "Do you wish to rename product block UserGroupBlock to GroupBlock? [y/N]: ")
        #expect(plan.changes.renameProductBlocks == ["UserGroupBlock": "GroupBlock"])
        #expect(plan.changes.deleteProductBlocks.isEmpty)
        #expect(
            plan.upgrade == ["UPDATE product_blocks SET name='GroupBlock' WHERE product_blocks.name = 'UserGroupBlock'"]
        )
    }
}
