import Catalogue

/// The documented example catalogue (User group / User internal / User external), built in code with ids that
/// a caller can vary, to test that only meaning counts.
public enum ExampleCatalogue {
    public static func make(idPrefix: String = "a", createdAt: String = "2026-01-15 09:00:00+00") -> DatabaseCatalogue {
        func id(_ name: String) -> RowID { "\(idPrefix)-\(name)" }
        var c = DatabaseCatalogue()
        c.products = [
            Product(
                productID: id("p-group"), name: "User group", description: "User group product",
                productType: "UserGroup", tag: "GROUP", status: "active", createdAt: createdAt),
            Product(
                productID: id("p-int"), name: "User internal", description: "User internal product",
                productType: "User", tag: "USER", status: "active", createdAt: createdAt),
            Product(
                productID: id("p-ext"), name: "User external", description: "User external product",
                productType: "User", tag: "USER", status: "active", createdAt: createdAt),
        ]
        c.fixedInputs = [
            FixedInput(
                fixedInputID: id("fi-int"), name: "affiliation", value: "internal", createdAt: createdAt,
                productID: id("p-int")),
            FixedInput(
                fixedInputID: id("fi-ext"), name: "affiliation", value: "external", createdAt: createdAt,
                productID: id("p-ext")),
        ]
        c.productBlocks = [
            ProductBlock(
                productBlockID: id("b-group"), name: "UserGroupBlock", description: "User group settings", tag: "UGS",
                status: "active", createdAt: createdAt),
            ProductBlock(
                productBlockID: id("b-user"), name: "UserBlock", description: "User settings", tag: "US",
                status: "active", createdAt: createdAt),
        ]
        c.resourceTypes = ["group_name", "group_id", "username", "age", "user_id"].map {
            ResourceType(resourceTypeID: id("rt-\($0)"), name: $0, description: "The \($0)")
        }
        c.productProductBlocks = [
            ProductProductBlock(productID: id("p-group"), productBlockID: id("b-group")),
            ProductProductBlock(productID: id("p-int"), productBlockID: id("b-user")),
            ProductProductBlock(productID: id("p-ext"), productBlockID: id("b-user")),
        ]
        c.productBlockRelations = [ProductBlockRelation(inUseByID: id("b-user"), dependsOnID: id("b-group"))]
        c.productBlockResourceTypes =
            ["group_name", "group_id"].map {
                ProductBlockResourceType(productBlockID: id("b-group"), resourceTypeID: id("rt-\($0)"))
            }
            + ["username", "age", "user_id"].map {
                ProductBlockResourceType(productBlockID: id("b-user"), resourceTypeID: id("rt-\($0)"))
            }
        c.workflows = [
            Workflow(
                workflowID: id("wf-note"), name: "modify_note", target: "MODIFY", description: "Modify Note",
                createdAt: createdAt, isTask: false),
            Workflow(
                workflowID: id("wf-clean"), name: "task_clean_up_tasks", target: "SYSTEM",
                description: "Clean up old tasks", createdAt: createdAt, isTask: true),
        ]
        c.productsWorkflows = [
            ProductWorkflow(productID: id("p-group"), workflowID: id("wf-note")),
            ProductWorkflow(productID: id("p-int"), workflowID: id("wf-note")),
        ]
        return c
    }
}

extension DatabaseCatalogue {
    /// Every table's rows in reverse order: the same catalogue, read in another order.
    public func reversed() -> DatabaseCatalogue {
        DatabaseCatalogue(
            products: products.reversed(), fixedInputs: fixedInputs.reversed(), productBlocks: productBlocks.reversed(),
            resourceTypes: resourceTypes.reversed(), productProductBlocks: productProductBlocks.reversed(),
            productBlockRelations: productBlockRelations.reversed(),
            productBlockResourceTypes: productBlockResourceTypes.reversed(), workflows: workflows.reversed(),
            productsWorkflows: productsWorkflows.reversed())
    }
}
