import DomainModels
import TestSupport
import Testing

@testable import Generate

/// orchestrator-core's naming, and the Python the generator lays out as ruff would.
@Suite struct NamingTests {
    @Test(arguments: [
        ("MyProduct", "my_product"), ("UserGroup", "user_group"), ("IPBGPService", "ipbgp_service"),
        ("My Product 9000+", "my _product 9000+"), ("node", "node"), ("Example4Sub", "example4_sub"),
    ])
    func camelToSnake(_ name: String, _ expected: String) { #expect(Naming.snake(name) == expected) }

    @Test func enumClassesConstrainedIntsAndListsAreNamedAsOrchestratorCoreNamesThem() {
        #expect(Naming.enumClass("port_mode") == "PortMode")
        #expect(Naming.enumClass("fixed_input_1") == "FixedInput1")
        #expect(Naming.camel("annotated_int") == "AnnotatedInt")
        #expect(Naming.capitalize("link_members") == "Link_members")
        #expect(PythonLiteral.integer(32_767, grouped: true) == "32_767")
        #expect(PythonLiteral.integer(1000, grouped: true) == "1_000")
        #expect(PythonLiteral.integer(999, grouped: true) == "999")
        #expect(PythonLiteral.string("it's \"q\"") == "\"it's \\\"q\\\"\"")
        #expect(PythonLiteral.string("say \"hi\"") == "'say \"hi\"'")
        // A quote followed by a combining mark is a quote: single quotes, as ruff prefers (and an ' + mark too).
        // (The texts are built outside #expect: its expansion cannot quote a literal holding a quote and a mark.)
        let combined = "say \"" + "\u{301}hi"
        let singleQuoted = "'" + combined + "'"
        #expect(PythonLiteral.string(combined) == singleQuoted)
        let both = "a \"b\" it'" + "\u{301}s"
        let escaped = "\"a \\\"b\\\" it'" + "\u{301}s\""
        #expect(PythonLiteral.string(both) == escaped)
    }

    @Test func longHeadersWrapAsRuffWraps() {
        let short = PythonWrap.bracketed("class A(", ["B", "lifecycle=[X]"], "):")
        #expect(short == "class A(B, lifecycle=[X]):")
        let long = PythonWrap.bracketed(
            "class AVeryLongProductBlockTypeNameBlockProvisioning(",
            ["AVeryLongProductBlockTypeNameBlockInactive", "lifecycle=[SubscriptionLifecycle.PROVISIONING]"], "):")
        #expect(
            long
                == "class AVeryLongProductBlockTypeNameBlockProvisioning(\n    AVeryLongProductBlockTypeNameBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]\n):"
        )
    }

    @Test func importsAreGroupedSortedAndOnlyWhatIsUsed() {
        var imports = PythonImports(firstParty: ["products"])
        imports.from("pydantic", "computed_field")
        imports.from("enum", "StrEnum")
        imports.module("pytest")
        imports.from("products.product_blocks.node", "NodeBlock")
        imports.from("orchestrator.core.types", "SubscriptionLifecycle")
        imports.from("orchestrator.core.types", "SI")
        #expect(
            imports.text
                == "from enum import StrEnum\n\nimport pytest\nfrom orchestrator.core.types import SI, SubscriptionLifecycle\nfrom pydantic import computed_field\n\nfrom products.product_blocks.node import NodeBlock"
        )
    }
}
