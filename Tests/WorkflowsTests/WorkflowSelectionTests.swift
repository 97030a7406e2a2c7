import Catalogue
import TestSupport
import Testing

@testable import Workflows

/// The choices and their fixes of orchestrator-core's bugs, on a small catalogue.
@Suite struct WorkflowSelectionTests {
    static func catalogue(dangling: Int = 6) -> WorkflowCatalogue {
        var catalogue = DatabaseCatalogue()
        catalogue.products = [
            Product(
                productID: "p1", name: "A1", description: "", productType: "A", tag: "A", status: "active",
                createdAt: ""),
            Product(
                productID: "p2", name: "A2", description: "", productType: "A", tag: "A", status: "active",
                createdAt: ""),
            Product(
                productID: "p3", name: "B1", description: "", productType: "B", tag: "B", status: "active",
                createdAt: ""),
        ]
        catalogue.workflows = [
            Workflow(
                workflowID: "w1", name: "create_a", target: "CREATE", description: "Create A", createdAt: "",
                isTask: false),
            Workflow(
                workflowID: "t1", name: "task_x", target: "SYSTEM", description: "Task X", createdAt: "", isTask: true),
            Workflow(
                workflowID: "t2", name: "task_y", target: "SYSTEM", description: "Task Y", createdAt: "", isTask: true),
            Workflow(
                workflowID: "w9", name: "validate_b", target: "VALIDATE", description: "As a workflow", createdAt: "",
                isTask: false),
        ]
        catalogue.productsWorkflows = [ProductWorkflow(productID: "p1", workflowID: "w1")]
        for index in 0..<dangling {
            catalogue.workflows.append(
                Workflow(
                    workflowID: "d\(index)", name: "dangling_\(index)", target: "MODIFY", description: "D",
                    createdAt: "", isTask: false))
            catalogue.productsWorkflows.append(ProductWorkflow(productID: "p3", workflowID: "d\(index)"))
        }
        return WorkflowCatalogue(
            catalogue, counts: CatalogueCounts(processes: [ProcessCount(workflowID: "d0", count: 3)]))
    }

    static let registry = WorkflowRegistry([
        WorkflowRegistration(name: "create_a", module: "m", target: "CREATE", location: "x:1"),
        WorkflowRegistration(name: "create_b", module: "m", target: "CREATE", location: "x:2"),
        WorkflowRegistration(name: "task_x", module: "m", target: "SYSTEM", location: "x:3"),
        WorkflowRegistration(name: "task_new", module: "m", target: "SYSTEM", description: "New task", location: "x:4"),
        WorkflowRegistration(name: "validate_b", module: "m", target: "VALIDATE", location: "x:5"),
    ])

    @Test func deletingTheDanglingDeletesEveryOne() {
        var selection = WorkflowSelection(kind: .workflows, catalogue: Self.catalogue(), registry: Self.registry)
        selection.deleteDangling()
        #expect(selection.changes.delete.map(\.name) == (0..<6).map { "dangling_\($0)" }, "not only the first 4")
        #expect(selection.changes.delete.first?.processes == 3)
    }

    @Test func addingAnExistingWorkflowOnlyLinksIt() throws {
        var selection = WorkflowSelection(kind: .workflows, catalogue: Self.catalogue(), registry: Self.registry)
        try selection.addWorkflow("create_a", productType: "A", description: "typed")
        let added = try #require(selection.changes.add.first)
        #expect(added.existing)
        #expect(added.description == "Create A", "the catalogue's description stays")
        #expect(added.alreadyLinked == ["A1"])
        let sql = try WorkflowSQL.downgrade(selection.changes)
        #expect(
            sql == [
                "DELETE FROM products_workflows WHERE products_workflows.workflow_id IN (SELECT workflows.workflow_id FROM workflows WHERE workflows.name = 'create_a') AND products_workflows.product_id IN (SELECT products.product_id FROM products WHERE products.product_type = 'A' AND products.name NOT IN ('A1'))"
            ])
    }

    @Test func aTaskThatExistsAsAWorkflowIsKeptAsItIs() throws {
        var selection = WorkflowSelection(kind: .tasks, catalogue: Self.catalogue(), registry: Self.registry)
        #expect(selection.availableTasks == ["task_new", "validate_b"])
        try selection.addTask("validate_b")
        #expect(selection.changes.add.first?.existing == true)
        #expect(try WorkflowSQL.upgrade(selection.changes).isEmpty)
        #expect(try WorkflowSQL.downgrade(selection.changes).isEmpty, "the downgrade keeps it")
    }

    @Test func unknownNamesAndTypesAreClearErrors() {
        var selection = WorkflowSelection(kind: .workflows, catalogue: Self.catalogue(), registry: Self.registry)
        for (choices, message) in [
            (
                #"{"add": [{"name": "nope", "product_type": "A", "description": "d"}]}"#,
                "workflow \"nope\" is not registered"
            ),
            (
                #"{"add": [{"name": "create_b", "product_type": "Z", "description": "d"}]}"#,
                "product type \"Z\" is not in the snapshot"
            ),
            (#"{"add": [{"name": "create_b", "product_type": "A"}]}"#, "needs a description"),
            (#"{"add": [{"name": "create_b", "product_type": "A", "description": "<description>"}]}"#, "placeholder"),
            (#"{"delete": ["ghost"]}"#, "\"ghost\" is not in the snapshot's workflows"),
            (#"{"remove": []}"#, "unknown key \"remove\""),
        ] {
            do {
                try WorkflowChoices.apply(choices, source: "--choices", to: &selection)
                Issue.record("accepted \(choices)")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }
}
