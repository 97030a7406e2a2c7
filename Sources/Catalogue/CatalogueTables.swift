// Each catalogue table, described once (columns of orchestrator-core 5.5.0's schema, docs/orchestrator-core.md §1),
// with the mapping of its row type to values in column order.

extension Product: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "products",
        columns: [
            .init("product_id", .id), .init("name", .text), .init("description", .text), .init("product_type", .text),
            .init("tag", .text), .init("status", .text), .init("created_at", .timestamp),
            .init("end_date", .timestamp, optional: true),
        ],
        key: ["product_id"], nameColumn: "name",
        fingerprintTag: "product",
        fingerprintColumns: ["name", "product_type", "tag", "status", "end_date", "description"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [Product]> { \.products }

    public var values: [CatalogueValue] {
        [
            .text(productID), .text(name), .text(description), .text(productType), .text(tag), .text(status),
            .text(createdAt),
            endDate.map(CatalogueValue.text) ?? .null,
        ]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(
            productID: v[0].text, name: v[1].text, description: v[2].text, productType: v[3].text, tag: v[4].text,
            status: v[5].text, createdAt: v[6].text, endDate: v[7].optionalText)
    }
}

extension FixedInput: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "fixed_inputs",
        columns: [
            .init("fixed_input_id", .id), .init("name", .text), .init("value", .text), .init("created_at", .timestamp),
            .init("product_id", .reference(table: "products")),
        ],
        key: ["fixed_input_id"], fingerprintTag: "fixed_input", fingerprintColumns: ["product_id", "name", "value"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [FixedInput]> { \.fixedInputs }

    public var values: [CatalogueValue] {
        [.text(fixedInputID), .text(name), .text(value), .text(createdAt), .text(productID)]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(
            fixedInputID: v[0].text, name: v[1].text, value: v[2].text, createdAt: v[3].text, productID: v[4].text)
    }
}

extension ProductBlock: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "product_blocks",
        columns: [
            .init("product_block_id", .id), .init("name", .text), .init("description", .text),
            .init("tag", .text, optional: true), .init("status", .text, optional: true),
            .init("created_at", .timestamp),
            .init("end_date", .timestamp, optional: true),
        ],
        key: ["product_block_id"], nameColumn: "name",
        fingerprintTag: "product_block", fingerprintColumns: ["name", "tag", "status", "end_date", "description"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ProductBlock]> { \.productBlocks }

    public var values: [CatalogueValue] {
        [
            .text(productBlockID), .text(name), .text(description), tag.map(CatalogueValue.text) ?? .null,
            status.map(CatalogueValue.text) ?? .null, .text(createdAt), endDate.map(CatalogueValue.text) ?? .null,
        ]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(
            productBlockID: v[0].text, name: v[1].text, description: v[2].text, tag: v[3].optionalText,
            status: v[4].optionalText, createdAt: v[5].text, endDate: v[6].optionalText)
    }
}

extension ResourceType: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "resource_types",
        columns: [
            .init("resource_type_id", .id), .init("resource_type", .text), .init("description", .text, optional: true),
        ],
        key: ["resource_type_id"], nameColumn: "resource_type",
        fingerprintTag: "resource_type", fingerprintColumns: ["resource_type", "description"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ResourceType]> { \.resourceTypes }

    public var values: [CatalogueValue] {
        [.text(resourceTypeID), .text(name), description.map(CatalogueValue.text) ?? .null]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(resourceTypeID: v[0].text, name: v[1].text, description: v[2].optionalText)
    }
}

extension ProductProductBlock: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "product_product_blocks",
        columns: [
            .init("product_id", .reference(table: "products")),
            .init("product_block_id", .reference(table: "product_blocks")),
        ],
        key: ["product_id", "product_block_id"],
        fingerprintTag: "product_product_block", fingerprintColumns: ["product_id", "product_block_id"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ProductProductBlock]> { \.productProductBlocks }

    public var values: [CatalogueValue] { [.text(productID), .text(productBlockID)] }

    public init(checked v: [CatalogueValue]) { self.init(productID: v[0].text, productBlockID: v[1].text) }
}

extension ProductBlockRelation: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "product_block_relations",
        columns: [
            .init("in_use_by_id", .reference(table: "product_blocks")),
            .init("depends_on_id", .reference(table: "product_blocks")),
            .init("min", .integer, optional: true), .init("max", .integer, optional: true),
        ],
        key: ["in_use_by_id", "depends_on_id"],
        fingerprintTag: "product_block_relation", fingerprintColumns: ["in_use_by_id", "depends_on_id", "min", "max"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ProductBlockRelation]> { \.productBlockRelations }

    public var values: [CatalogueValue] {
        [
            .text(inUseByID), .text(dependsOnID), min.map(CatalogueValue.integer) ?? .null,
            max.map(CatalogueValue.integer) ?? .null,
        ]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(inUseByID: v[0].text, dependsOnID: v[1].text, min: v[2].optionalInteger, max: v[3].optionalInteger)
    }
}

extension ProductBlockResourceType: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "product_block_resource_types",
        columns: [
            .init("product_block_id", .reference(table: "product_blocks")),
            .init("resource_type_id", .reference(table: "resource_types")),
        ],
        key: ["product_block_id", "resource_type_id"],
        fingerprintTag: "product_block_resource_type", fingerprintColumns: ["product_block_id", "resource_type_id"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ProductBlockResourceType]> {
        \.productBlockResourceTypes
    }

    public var values: [CatalogueValue] { [.text(productBlockID), .text(resourceTypeID)] }

    public init(checked v: [CatalogueValue]) { self.init(productBlockID: v[0].text, resourceTypeID: v[1].text) }
}

extension Workflow: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "workflows",
        columns: [
            .init("workflow_id", .id), .init("name", .text), .init("target", .text), .init("description", .text),
            .init("created_at", .timestamp), .init("deleted_at", .timestamp, optional: true), .init("is_task", .flag),
        ],
        key: ["workflow_id"], nameColumn: "name",
        fingerprintTag: "workflow", fingerprintColumns: ["name", "target", "is_task", "deleted_at", "description"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [Workflow]> { \.workflows }

    public var values: [CatalogueValue] {
        [
            .text(workflowID), .text(name), .text(target), .text(description), .text(createdAt),
            deletedAt.map(CatalogueValue.text) ?? .null, .integer(isTask ? 1 : 0),
        ]
    }

    public init(checked v: [CatalogueValue]) {
        self.init(
            workflowID: v[0].text, name: v[1].text, target: v[2].text, description: v[3].text, createdAt: v[4].text,
            deletedAt: v[5].optionalText, isTask: v[6] == .integer(1))
    }
}

extension ProductWorkflow: CatalogueRow {
    public static let schema = CatalogueTableSchema(
        name: "products_workflows",
        columns: [
            .init("product_id", .reference(table: "products")), .init("workflow_id", .reference(table: "workflows")),
        ],
        key: ["product_id", "workflow_id"],
        fingerprintTag: "product_workflow", fingerprintColumns: ["product_id", "workflow_id"])
    public static var rows: WritableKeyPath<DatabaseCatalogue, [ProductWorkflow]> { \.productsWorkflows }

    public var values: [CatalogueValue] { [.text(productID), .text(workflowID)] }

    public init(checked v: [CatalogueValue]) { self.init(productID: v[0].text, workflowID: v[1].text) }
}
