import Catalogue

/// `diff_product_in_database` for one product (docs/orchestrator-core.md §2.3): the non-empty sets only.
struct ProductDiff: Equatable {
    var missingProductBlocksInDB: Set<String> = []
    var missingProductBlocksInModel: Set<String> = []
    var missingFixedInputsInDB: Set<String> = []
    var missingFixedInputsInModel: Set<String> = []
}

/// `diff_product_block_in_database` for one block.
struct BlockDiff: Equatable {
    var missingProductBlocksInDB: Set<String> = []
    var missingProductBlocksInModel: Set<String> = []
    var missingResourceTypesInDB: Set<String> = []
    var missingResourceTypesInModel: Set<String> = []

    var isEmpty: Bool { self == BlockDiff() }
}

/// The diffs of every product and block, computed by name against a database view in which renamed products and
/// blocks already carry their new names.
struct ModelDiffs {
    var products: [String: ProductDiff] = [:]
    var blocks: [String: BlockDiff] = [:]

    /// Every registered product is diffed (an absent one against nothing: its fixed inputs and blocks are new),
    /// except existing products matched by the skip list (orchestrator-core's `SKIP_MODEL_FOR_MIGRATION_DB_DIFF`).
    /// Every model block is diffed too, not only those reachable from existing products as in orchestrator-core:
    /// otherwise a block shared with a new product would only be diffed by the next plan.
    init(
        models: ModelSet, dbProducts: [String: CatalogueView.ProductEntry],
        dbBlocks: [String: CatalogueView.BlockEntry], skip: [String]
    ) {
        for (name, product) in models.products {
            let existing = dbProducts[name]
            if existing != nil, skip.contains(where: { name.lowercased().contains($0.lowercased()) }) { continue }
            let dbBlocks = existing?.productBlocks ?? []
            let dbInputs = Set(existing?.fixedInputs.keys.map { $0 } ?? [])
            let modelBlocks = Set(product.productBlocks)
            let modelInputs = Set(product.fixedInputs.keys)
            products[name] = ProductDiff(
                missingProductBlocksInDB: modelBlocks.subtracting(dbBlocks),
                missingProductBlocksInModel: dbBlocks.subtracting(modelBlocks),
                missingFixedInputsInDB: modelInputs.subtracting(dbInputs),
                missingFixedInputsInModel: dbInputs.subtracting(modelInputs))
        }
        for (name, block) in models.productBlocks {
            let existing = dbBlocks[name]
            let dbDependsOn = Set(existing?.dependsOn.keys.map { $0 } ?? [])
            let dbResourceTypes = existing?.resourceTypes ?? []
            let modelDependsOn = Set(block.dependsOn.keys)
            let modelResourceTypes = Set(block.resourceTypes)
            let diff = BlockDiff(
                missingProductBlocksInDB: modelDependsOn.subtracting(dbDependsOn),
                missingProductBlocksInModel: dbDependsOn.subtracting(modelDependsOn),
                missingResourceTypesInDB: modelResourceTypes.subtracting(dbResourceTypes),
                missingResourceTypesInModel: dbResourceTypes.subtracting(modelResourceTypes))
            if !diff.isEmpty { blocks[name] = diff }
        }
    }
}

/// Sorting by UTF-8 bytes everywhere output order matters.
func byteOrder(_ a: String, _ b: String) -> Bool { utf8Order(a, b) }

/// `{value: [owners]}` from `{owner: diff}`: orchestrator-core's `generic_mapper`, with proper grouping (its
/// `itertools.groupby` over an unsorted list drops all but the last run of a value).
func group(_ owners: [String: Set<String>]) -> [String: [String]] {
    var result: [String: Set<String>] = [:]
    for (owner, values) in owners {
        for value in values { result[value, default: []].insert(owner) }
    }
    return result.mapValues { $0.byteSorted() }
}
