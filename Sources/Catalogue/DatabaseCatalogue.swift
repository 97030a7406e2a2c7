/// The product catalogue as the database holds it: every row of the nine catalogue tables.
///
/// Plain data, in whatever order it was read. Everything that compares catalogues (the fingerprint, the
/// differences) works on names, so the order and the UUIDs of the rows never matter.
public struct DatabaseCatalogue: Hashable, Sendable, Codable {
    public var products: [Product]
    public var fixedInputs: [FixedInput]
    public var productBlocks: [ProductBlock]
    public var resourceTypes: [ResourceType]
    public var productProductBlocks: [ProductProductBlock]
    public var productBlockRelations: [ProductBlockRelation]
    public var productBlockResourceTypes: [ProductBlockResourceType]
    public var workflows: [Workflow]
    public var productsWorkflows: [ProductWorkflow]

    public init(
        products: [Product] = [], fixedInputs: [FixedInput] = [], productBlocks: [ProductBlock] = [],
        resourceTypes: [ResourceType] = [], productProductBlocks: [ProductProductBlock] = [],
        productBlockRelations: [ProductBlockRelation] = [],
        productBlockResourceTypes: [ProductBlockResourceType] = [], workflows: [Workflow] = [],
        productsWorkflows: [ProductWorkflow] = []
    ) {
        self.products = products
        self.fixedInputs = fixedInputs
        self.productBlocks = productBlocks
        self.resourceTypes = resourceTypes
        self.productProductBlocks = productProductBlocks
        self.productBlockRelations = productBlockRelations
        self.productBlockResourceTypes = productBlockResourceTypes
        self.workflows = workflows
        self.productsWorkflows = productsWorkflows
    }

    /// The number of rows per catalogue table, keyed by the PostgreSQL table name.
    public var rowCounts: [(table: String, rows: Int)] {
        [
            ("products", products.count),
            ("fixed_inputs", fixedInputs.count),
            ("product_blocks", productBlocks.count),
            ("resource_types", resourceTypes.count),
            ("product_product_blocks", productProductBlocks.count),
            ("product_block_relations", productBlockRelations.count),
            ("product_block_resource_types", productBlockResourceTypes.count),
            ("workflows", workflows.count),
            ("products_workflows", productsWorkflows.count),
        ]
    }

    /// Checks what PostgreSQL's constraints guarantee and a hand-edited file may not: unique names and ids, and
    /// relations that point at existing rows. Throws the first problem found.
    public func validate() throws(CatalogueError) {
        func unique(_ values: [String], _ what: String) throws(CatalogueError) {
            // By bytes, as PostgreSQL's unique constraints compare: two spellings of "é" are two names.
            var seen = Set<[UInt8]>()
            for value in values where !seen.insert(Array(value.utf8)).inserted {
                throw CatalogueError(.inconsistent, "\(what) '\(value)' appears twice")
            }
        }
        try unique(products.map(\.productID), "product id")
        try unique(products.map(\.name), "product name")
        try unique(productBlocks.map(\.productBlockID), "product block id")
        try unique(productBlocks.map(\.name), "product block name")
        try unique(resourceTypes.map(\.resourceTypeID), "resource type id")
        try unique(resourceTypes.map(\.name), "resource type name")
        try unique(workflows.map(\.workflowID), "workflow id")
        try unique(workflows.map(\.name), "workflow name")
        try unique(fixedInputs.map(\.fixedInputID), "fixed input id")
        try unique(fixedInputs.map { "\($0.productID)/\($0.name)" }, "fixed input (product id/name)")

        let productIDs = Set(products.map(\.productID))
        let blockIDs = Set(productBlocks.map(\.productBlockID))
        let resourceTypeIDs = Set(resourceTypes.map(\.resourceTypeID))
        let workflowIDs = Set(workflows.map(\.workflowID))
        func exists(_ id: RowID, in ids: Set<RowID>, _ what: String) throws(CatalogueError) {
            if !ids.contains(id) { throw CatalogueError(.inconsistent, "\(what) refers to a missing row \(id)") }
        }
        for row in fixedInputs { try exists(row.productID, in: productIDs, "fixed input '\(row.name)'") }
        for row in productProductBlocks {
            try exists(row.productID, in: productIDs, "product_product_blocks")
            try exists(row.productBlockID, in: blockIDs, "product_product_blocks")
        }
        for row in productBlockRelations {
            try exists(row.inUseByID, in: blockIDs, "product_block_relations")
            try exists(row.dependsOnID, in: blockIDs, "product_block_relations")
        }
        for row in productBlockResourceTypes {
            try exists(row.productBlockID, in: blockIDs, "product_block_resource_types")
            try exists(row.resourceTypeID, in: resourceTypeIDs, "product_block_resource_types")
        }
        for row in productsWorkflows {
            try exists(row.productID, in: productIDs, "products_workflows")
            try exists(row.workflowID, in: workflowIDs, "products_workflows")
        }
    }
}

/// Lookups from ids to names, built once per use.
///
/// The catalogue's relations are stored by id; everything a person reads (and the fingerprint) speaks in names.
public struct CatalogueNames: Sendable {
    public let products: [RowID: String]
    public let productBlocks: [RowID: String]
    public let resourceTypes: [RowID: String]
    public let workflows: [RowID: String]

    public init(_ catalogue: DatabaseCatalogue) {
        products = Dictionary(catalogue.products.map { ($0.productID, $0.name) }, uniquingKeysWith: { a, _ in a })
        productBlocks = Dictionary(
            catalogue.productBlocks.map { ($0.productBlockID, $0.name) }, uniquingKeysWith: { a, _ in a })
        resourceTypes = Dictionary(
            catalogue.resourceTypes.map { ($0.resourceTypeID, $0.name) }, uniquingKeysWith: { a, _ in a })
        workflows = Dictionary(catalogue.workflows.map { ($0.workflowID, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
