import Catalogue
import TestSupport
import Testing

@testable import Workflows

/// orchestrator-core's output formats: Python tabulate's tables (the expected texts were printed by tabulate 0.10.0,
/// the version orchestrator-core 5.5.0 pins) and json.dumps(indent=4) in revisions.
@Suite struct WorkflowOutputTests {
    @Test func tablesAreTabulatesSimpleFormat() {
        #expect(
            Tabulate.simple(
                [["wf_a", "CREATE", "A desc", "pt-a"], ["modify_long_name", "MODIFY", "B", "User"]],
                headers: ["#", "name", "target", "description", "product_type"])
                == "  #  name              target    description    product_type\n---  ----------------  --------  -------------  --------------\n  1  wf_a              CREATE    A desc         pt-a\n  2  modify_long_name  MODIFY    B              User"
        )
        #expect(
            Tabulate.simple(
                [["x", "CREATE", "d", "T"]], headers: ["", "name", "target", "description", "product_type"])
                == "    name    target    description    product_type\n--  ------  --------  -------------  --------------\n 1  x       CREATE    d              T"
        )
        #expect(
            Tabulate.simple([["a", "1"], ["bb", "22"]], headers: ["#", "name", "description"])
                == "  #  name      description\n---  ------  -------------\n  1  a                   1\n  2  bb                 22"
        )
        #expect(
            Tabulate.simple([["a", "  x "]], headers: ["#", "name", "description"])
                == "  #  name    description\n---  ------  -------------\n  1  a       x")
        #expect(
            Tabulate.simple([["a", ""]], headers: ["#", "name", "description"])
                == "  #  name    description\n---  ------  -------------\n  1  a")
        #expect(Tabulate.simple([], headers: ["", "name"]) == "")
        // Widths in code points, as Python's len (a combining mark, wide characters, a ZWJ sequence).
        #expect(
            Tabulate.simple(
                [["e\u{301}x", "d\u{301}"], ["日本", "👩\u{200D}💻"]], headers: ["", "name", "description"])
                == "    name    description\n--  ------  -------------\n 1  e\u{301}x     d\u{301}\n 2  日本      👩\u{200D}💻"
        )
    }

    @Test func revisionListsAreJsonDumpsWithIndentFour() {
        #expect(
            WorkflowRevision.pythonJSON([[("name", "wf"), ("description", "Café \"q\"\n"), ("product_type", nil)]])
                == "[\n    {\n        \"name\": \"wf\",\n        \"description\": \"Caf\\u00e9 \\\"q\\\"\\n\",\n        \"product_type\": null\n    }\n]"
        )
        #expect(PythonJSON.string("😀") == "\"\\ud83d\\ude00\"")
    }

    @Test func aRevisionUsesOrchestratorCoresHelpersAndOurOwnSQLOnlyWhereTheyFail() throws {
        let changes = WorkflowChanges(
            kind: .workflows,
            add: [
                .init(name: "create_x", target: "CREATE", description: "Create x", productType: "X"),
                .init(
                    name: "modify_note", target: "MODIFY", description: "Modify Note", productType: "X", existing: true),
            ],
            delete: [
                .init(name: "old", target: "CREATE", description: "Old", productType: "Y", isTask: false, processes: 0)
            ])
        let parts = try WorkflowRevision.parts(changes)
        #expect(
            parts.preamble.hasPrefix(
                "from orchestrator.core.migrations.helpers import create_workflow, delete_workflow\n\nnew_workflows = ["
            ))
        #expect(parts.preamble.contains("old_workflows = [\n    {\n        \"name\": \"old\","))
        #expect(
            parts.upgrade.hasPrefix(
                "conn = op.get_bind()\n    for workflow in new_workflows:\n        create_workflow(conn, workflow)\n"))
        #expect(parts.upgrade.contains("w.name = 'modify_note' ON CONFLICT DO NOTHING"))
        #expect(
            parts.upgrade.hasSuffix(
                "    for workflow in old_workflows:\n        delete_workflow(conn, workflow[\"name\"])"))
        #expect(parts.downgrade.contains("DELETE FROM products_workflows"))
        #expect(
            !parts.downgrade.contains("delete_workflow(conn, workflow[\"name\"])"),
            "an existing workflow is never deleted")
    }
}
