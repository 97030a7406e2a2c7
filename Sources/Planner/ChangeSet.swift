/// A new block relation: the block that uses `dependsOn`, through which attribute, with the model's bounds.
public struct BlockRelationChange: Hashable, Sendable, Codable {
    public var inUseBy: String
    public var attribute: String
    public var min: Int?
    public var max: Int?

    public init(inUseBy: String, attribute: String, min: Int? = nil, max: Int? = nil) {
        self.inUseBy = inUseBy
        self.attribute = attribute
        self.min = min
        self.max = max
    }
}

/// Every change a migration makes, by category, with orchestrator-core's `DomainModelChanges` field names (plus
/// the renames of products and blocks it does not have). Collections are sorted, so equal change sets print equally.
public struct ChangeSet: Hashable, Sendable {
    public var createProducts: [String] = []
    public var deleteProducts: [String] = []
    /// Beyond orchestrator-core: old name → new name, keeping the subscriptions.
    public var renameProducts: [String: String] = [:]
    /// Fixed input → products.
    public var createProductFixedInputs: [String: [String]] = [:]
    /// Product → old fixed input → new.
    public var updateProductFixedInputs: [String: [String: String]] = [:]
    public var deleteProductFixedInputs: [String: [String]] = [:]
    /// Block → products.
    public var createProductToBlockRelations: [String: [String]] = [:]
    public var deleteProductToBlockRelations: [String: [String]] = [:]
    public var createResourceTypes: [String] = []
    /// Old → new, for every block.
    public var renameResourceTypes: [String: String] = [:]
    public var deleteResourceTypes: [String] = []
    /// Resource type → blocks.
    public var createResourceTypeRelations: [String: [String]] = [:]
    public var deleteResourceTypeRelations: [String: [String]] = [:]
    /// Block → old resource type → new.
    public var updateBlockResourceTypes: [String: [String: String]] = [:]
    public var createProductBlocks: [String] = []
    /// Beyond orchestrator-core: old name → new name, keeping the instances.
    public var renameProductBlocks: [String: String] = [:]
    public var deleteProductBlocks: [String] = []
    /// Depended-on block → the blocks that start using it.
    public var createProductBlockRelations: [String: [BlockRelationChange]] = [:]
    /// Depended-on block → the blocks that stop using it.
    public var deleteProductBlockRelations: [String: [String]] = [:]
    /// Resource type → blocks whose (existing or new) instances get a default value.
    public var createResourceTypeInstanceRelations: [String: [String]] = [:]

    public init() {}

    public var isEmpty: Bool { self == ChangeSet() }

    /// The categories in the seed's log order, with their key names, for logs and plan files.
    public static let categoryNames = [
        "create_products", "delete_products", "rename_products", "create_product_fixed_inputs",
        "update_product_fixed_inputs", "delete_product_fixed_inputs", "create_product_to_block_relations",
        "delete_product_to_block_relations", "create_resource_types", "rename_resource_types", "delete_resource_types",
        "create_resource_type_relations", "delete_resource_type_relations", "update_block_resource_types",
        "create_product_blocks", "rename_product_blocks", "delete_product_blocks", "create_product_block_relations",
        "delete_product_block_relations", "create_resource_type_instance_relations",
    ]
}
