import Catalogue
import Foundation
import TestSupport
import Testing

@testable import DomainModels

@Suite struct YAMLProductConfigTests {
    @Test func theUserConfigDefinesTheSeedsModels() throws {
        let models = try YAMLProductConfig.read(Repository.fixture("yaml/user.yaml"))
        #expect(models.products.keys.sorted() == ["User external", "User internal"])
        let product = try #require(models.products["User internal"])
        #expect(product.productType == "User")
        #expect(
            product.fixedInputs["affiliation"]
                == FixedInputModel(type: "Affiliation", values: ["external", "internal"]))
        #expect(product.productBlocks == ["User"])
        #expect(models.productBlocks["User"]?.resourceTypes == ["age", "user_id", "username"])
        #expect(models.bounds("User", "UserGroupBlock", "group") == ListBounds())
        #expect(models.productBlocks["UserGroupBlock"]?.resourceTypes == ["group_id", "group_name"])
        #expect(models.diagnostics.isEmpty)
    }

    @Test func variantsAreTheCartesianProductOfValuesInDeclarationOrder() throws {
        let models = try YAMLProductConfig.read(Repository.fixture("yaml/node.yaml"))
        #expect(
            models.products.keys.sorted() == [
                "Node 1000 cisco", "Node 1000 juniper", "Node 10000 cisco", "Node 10000 juniper",
            ])
        let inputs = try #require(models.products["Node 1000 cisco"]?.fixedInputs)
        #expect(inputs["node_speed"] == FixedInputModel(type: "int", values: nil))
        #expect(inputs["vendor"] == FixedInputModel(type: "Vendor", values: ["cisco", "juniper"]))
        #expect(inputs["note"] == FixedInputModel(type: "str", values: nil))
        #expect(models.bounds("Node", "Interface", "interfaces") == ListBounds(min: 1, max: 48))
        #expect(models.productBlocks["Node"]?.resourceTypes == ["loopbacks", "management", "node_name"])
    }

    @Test(arguments: [
        ("port_mode", "PortMode"), ("fixed_input_1", "FixedInput1"), ("speed", "Speed"), ("ALL_CAPS", "AllCaps"),
        // Python's str.title() works by code point (these expected names are Python's).
        ("e\u{301}x_y", "E\u{301}XY"), ("日本mode", "日本Mode"), ("straße_x", "StraßeX"), ("ǆx", "ǅx"),
    ])
    func enumClassNamesFollowPythonsTitle(name: String, expected: String) {
        #expect(YAMLProductConfig.enumClassName(name) == expected)
    }

    func error(_ yaml: String) -> DomainModelsError? {
        do {
            _ = try YAMLProductConfig.read(yaml, file: "p.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func rootBlockRulesUseOrchestratorCoresMessages() {
        let two =
            "name: P\ntype: P\nproduct_blocks:\n  - {name: a, type: A, fields: []}\n  - {name: b, type: B, fields: []}\n"
        #expect(
            error(two)?.message.contains("There should be exactly 1 root product block, found multiple: [\"A\", \"B\"]")
                == true)
        let cycle = """
            name: P
            type: P
            product_blocks:
              - {name: a, type: A, fields: [{name: b, type: B}]}
              - {name: b, type: B, fields: [{name: a, type: A}]}
            """
        #expect(error(cycle)?.message.contains("Cycle detected in product blocks") == true)
    }

    @Test func malformedAndIncompleteConfigsNameWhere() {
        let malformed = error("name: P\ntype: [unclosed\nproduct_blocks: []\n")
        #expect(malformed?.code == .invalidConfig)
        #expect(malformed?.message.contains("p.yaml: failed to parse configuration file: line") == true)
        #expect(
            error("type: P\nproduct_blocks: []\n")?.message == "p.yaml:1:1: the product lacks the required key 'name'")
        #expect(error("name: P\ntype: P\n")?.message.contains("'product_blocks'") == true)
        #expect(
            error("name: P\ntype: P\nproduct_blocks:\n  - {name: a}\n")?.message.contains(
                "p.yaml:4:5: a product block lacks the required key 'type'") == true)
        #expect(error("- just\n- a list\n")?.code == .invalidConfig)
        let many = (1...12).map { "  - {name: f\($0), type: enum, values: [a, b, c, d]}\n" }.joined()
        #expect(
            error("name: P\ntype: P\nfixed_inputs:\n\(many)product_blocks:\n  - {name: a, type: A}\n")?.message
                == "p.yaml:1:1: the fixed inputs' values make more than 10000 product variants (a product with more is not one a catalogue can hold)"
        )
    }
}
