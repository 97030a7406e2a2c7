import Catalogue
import TestSupport
import Testing

@testable import Planner

/// The renderers a reviewer reads: SQL laid out over lines, colour only for destructive lines, the Markdown's size
/// cap and Mermaid graph, and the answer rules.
@Suite struct PlanRenderingTests {
    static let statements = [
        "INSERT INTO product_block_relations (in_use_by_id, depends_on_id, min, max) VALUES ((SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN ('UserBlock')), (SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN ('It''s a ''FROM'' WHERE')), NULL, NULL)",
        "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT subscription_instances.subscription_instance_id, resource_types.resource_type_id, 'a  b' FROM subscription_instances CROSS JOIN resource_types WHERE subscription_instances.product_block_id IN (SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN ('UserPreferencesBlock', 'AnotherBlockWithAVeryLongName')) AND resource_types.resource_type = 'theme'",
        "DELETE FROM products WHERE products.name IN ('User partner')",
    ]

    @Test(arguments: statements) func formattedSQLJoinsBackToTheStatement(_ statement: String) {
        let formatted = SQLFormatter.format(statement)
        let joined = formatted.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
        #expect(joined == statement)
    }

    @Test func clausesStartLinesButLiteralsAndTwoWordKeywordsStayWhole() {
        let formatted = SQLFormatter.format(Self.statements[1])
        #expect(formatted.contains("\n  FROM subscription_instances\n  CROSS JOIN resource_types\n  WHERE"))
        #expect(formatted.contains("'a  b'"))
        #expect(
            SQLFormatter.format(Self.statements[2]) == "DELETE FROM products\n  WHERE products.name IN ('User partner')"
        )
        let quoted = SQLFormatter.format(Self.statements[0])
        #expect(quoted.contains("'It''s a ''FROM'' WHERE'"), "a keyword inside a literal is not a clause")
        #expect(quoted.contains("\n    (SELECT product_blocks.product_block_id FROM product_blocks WHERE"))
    }

    func destructivePlan() throws -> Plan {
        let models = try PlannerFixtures.exampleModels().removingProduct("User external")
        return try PlannerFixtures.requirePlan(PlannerFixtures.plan(try PlannerFixtures.exampleSnapshot(), models))
    }

    @Test func onlyDestructiveLinesAreRedAndOnlyWithColour() throws {
        let plan = try destructivePlan()
        let plain = PlanRenderer.text(plan, includeSQL: false)
        #expect(!plain.contains("\u{1B}["))
        let coloured = PlanRenderer.text(plan, includeSQL: false, colour: true)
        #expect(coloured.contains("\u{1B}[31m- product \"User external\" (60 subscriptions)\u{1B}[0m"))
        #expect(!coloured.contains("\u{1B}[31mPlan:"), "the summary is not red")
    }

    @Test func markdownStaysUnderTheCommentLimitAndSaysWhereTheRestIs() throws {
        var plan = try destructivePlan()
        let long =
            "INSERT INTO resource_types (resource_type, description) VALUES ('x', '\(String(repeating: "y", count: 2_000))')"
        plan.upgrade = Array(repeating: long, count: 100)
        let markdown = PlanMarkdown.render(plan, file: "plan.yaml", limit: 20_000)
        #expect(markdown.utf8.count <= 20_000)
        #expect(markdown.contains("more statements do not fit in a comment: read them in the plan file (`plan.yaml`)"))
        let full = PlanMarkdown.render(plan, file: "plan.yaml")
        #expect(full.utf8.count <= PlanMarkdown.limit)
    }

    @Test func theMermaidGraphShowsARenameWithBothNames() throws {
        var models = try PlannerFixtures.exampleModels()
        let product = models.products.removeValue(forKey: "User internal")
        models.products["User internal staff"] = try #require(product)
        let plan = try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(
                try PlannerFixtures.exampleSnapshot(), models,
                updates: #"{"products": {"User internal": "User internal staff"}}"#))
        let markdown = PlanMarkdown.render(plan)
        #expect(markdown.contains("```mermaid\ngraph LR\n"))
        #expect(markdown.contains("\"User internal → User internal staff\""), "\(markdown)")
        #expect(markdown.contains(":::changed"))
    }

    @Test func answerRulesRefusePlaceholdersOverlongAndUnknownEnumValues() {
        #expect(AnswerRule.free.problem(with: "<description>") != nil)
        #expect(AnswerRule.free.problem(with: "<value: one of a, b>") != nil)
        #expect(AnswerRule.free.problem(with: "<b>bold</b>") == nil, "HTML is not a placeholder")
        #expect(AnswerRule.maxLength(20).problem(with: String(repeating: "é", count: 20)) == nil)
        #expect(
            AnswerRule.maxLength(20).problem(with: String(repeating: "é", count: 21))
                == "it is 21 characters; the database allows 20")
        #expect(AnswerRule.oneOf(["internal", "external"]).problem(with: "internal") == nil)
        #expect(AnswerRule.oneOf(["internal", "external"]).problem(with: "Internal") != nil)
    }
}
