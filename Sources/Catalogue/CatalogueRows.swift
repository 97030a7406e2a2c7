/// Rows of orchestrator-core's product catalogue, as stored in PostgreSQL.
///
/// Every type mirrors one table of the 5.5.0 schema column for column, so a snapshot keeps everything the
/// database said. Identifiers are the database's UUIDs in their canonical lower-case text form; timestamps are
/// PostgreSQL's text rendering in UTC (`2026-01-15 09:00:00+00`). Both are kept for faithfulness, but neither
/// takes part in the catalogue's meaning (see `CatalogueFingerprint`).

/// A UUID as PostgreSQL prints it (`uuid::text`).
public typealias RowID = String

/// A row of `products`: something the organisation sells; subscriptions are instances of a product.
public struct Product: Hashable, Sendable, Codable {
    public var productID: RowID
    public var name: String
    public var description: String
    /// The Python class name of the product's `SubscriptionModel`.
    public var productType: String
    public var tag: String
    public var status: String
    public var createdAt: String
    public var endDate: String?

    public init(
        productID: RowID, name: String, description: String, productType: String, tag: String, status: String,
        createdAt: String, endDate: String? = nil
    ) {
        self.productID = productID
        self.name = name
        self.description = description
        self.productType = productType
        self.tag = tag
        self.status = status
        self.createdAt = createdAt
        self.endDate = endDate
    }
}

/// A row of `fixed_inputs`: a named constant of one product (for example `affiliation = internal`).
public struct FixedInput: Hashable, Sendable, Codable {
    public var fixedInputID: RowID
    public var name: String
    public var value: String
    public var createdAt: String
    public var productID: RowID

    public init(fixedInputID: RowID, name: String, value: String, createdAt: String, productID: RowID) {
        self.fixedInputID = fixedInputID
        self.name = name
        self.value = value
        self.createdAt = createdAt
        self.productID = productID
    }
}

/// A row of `product_blocks`: a reusable part of a product, with resource types and nested blocks.
public struct ProductBlock: Hashable, Sendable, Codable {
    public var productBlockID: RowID
    public var name: String
    public var description: String
    public var tag: String?
    public var status: String?
    public var createdAt: String
    public var endDate: String?

    public init(
        productBlockID: RowID, name: String, description: String, tag: String?, status: String?,
        createdAt: String, endDate: String? = nil
    ) {
        self.productBlockID = productBlockID
        self.name = name
        self.description = description
        self.tag = tag
        self.status = status
        self.createdAt = createdAt
        self.endDate = endDate
    }
}

/// A row of `resource_types`: a named value slot of product blocks (`resource_type` is its name).
public struct ResourceType: Hashable, Sendable, Codable {
    public var resourceTypeID: RowID
    public var name: String
    public var description: String?

    public init(resourceTypeID: RowID, name: String, description: String?) {
        self.resourceTypeID = resourceTypeID
        self.name = name
        self.description = description
    }
}

/// A row of `product_product_blocks`: a product's root (top-level) product block.
public struct ProductProductBlock: Hashable, Sendable, Codable {
    public var productID: RowID
    public var productBlockID: RowID

    public init(productID: RowID, productBlockID: RowID) {
        self.productID = productID
        self.productBlockID = productBlockID
    }
}

/// A row of `product_block_relations`: the block `inUseByID` uses (depends on) the block `dependsOnID`.
public struct ProductBlockRelation: Hashable, Sendable, Codable {
    public var inUseByID: RowID
    public var dependsOnID: RowID
    public var min: Int?
    public var max: Int?

    public init(inUseByID: RowID, dependsOnID: RowID, min: Int? = nil, max: Int? = nil) {
        self.inUseByID = inUseByID
        self.dependsOnID = dependsOnID
        self.min = min
        self.max = max
    }
}

/// A row of `product_block_resource_types`: a product block has this resource type.
public struct ProductBlockResourceType: Hashable, Sendable, Codable {
    public var productBlockID: RowID
    public var resourceTypeID: RowID

    public init(productBlockID: RowID, resourceTypeID: RowID) {
        self.productBlockID = productBlockID
        self.resourceTypeID = resourceTypeID
    }
}

/// A row of `workflows`: a workflow or task known to the orchestrator.
public struct Workflow: Hashable, Sendable, Codable {
    public var workflowID: RowID
    public var name: String
    /// CREATE, MODIFY, TERMINATE, SYSTEM, VALIDATE, ...
    public var target: String
    public var description: String
    public var createdAt: String
    /// Set when the workflow was soft-deleted.
    public var deletedAt: String?
    public var isTask: Bool

    public init(
        workflowID: RowID, name: String, target: String, description: String, createdAt: String,
        deletedAt: String? = nil, isTask: Bool
    ) {
        self.workflowID = workflowID
        self.name = name
        self.target = target
        self.description = description
        self.createdAt = createdAt
        self.deletedAt = deletedAt
        self.isTask = isTask
    }
}

/// A row of `products_workflows`: the workflow may run on subscriptions of the product.
public struct ProductWorkflow: Hashable, Sendable, Codable {
    public var productID: RowID
    public var workflowID: RowID

    public init(productID: RowID, workflowID: RowID) {
        self.productID = productID
        self.workflowID = workflowID
    }
}
