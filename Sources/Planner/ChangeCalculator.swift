import Catalogue

/// orchestrator-core's `map_changes` (docs/orchestrator-core.md §2.4 step 4), by name, with its bugs fixed
/// (docs/differences.md), plus rename detection for products and product blocks.
struct ChangeCalculator {
    let view: CatalogueView
    let models: ModelSet
    let conversation: Conversation
    let given: ModelUpdates?
    let skip: [String]

    /// Every resource type some model block still has: such a type is never deleted.
    private var modelResourceTypes: Set<String> { Set(models.productBlocks.values.flatMap(\.resourceTypes)) }

    func compute() throws(PlannerError) -> ChangeSet {
        var changes = ChangeSet()
        var updates = given ?? ModelUpdates()

        // Renames of blocks and products first: the diff then sees renamed rows under their new names.
        let blockRenames = try RenameDetection(view: view, models: models, conversation: conversation, given: given)
            .productBlockRenames()
        var dbBlocks = view.blocks
        for (old, new) in blockRenames {
            dbBlocks[new] = dbBlocks.removeValue(forKey: old)
        }
        var dbProducts = view.products.mapValues { entry in
            var entry = entry
            entry.productBlocks = Set(entry.productBlocks.map { old in blockRenames[old] ?? old })
            return entry
        }
        for name in Array(dbBlocks.keys) {
            guard var entry = dbBlocks[name] else { continue }
            entry.dependsOn = Dictionary(
                entry.dependsOn.map { (blockRenames[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            dbBlocks[name] = entry
        }
        let productRenames = try RenameDetection(view: view, models: models, conversation: conversation, given: given)
            .productRenames(dbProducts: dbProducts)
        for (old, new) in productRenames { dbProducts[new] = dbProducts.removeValue(forKey: old) }
        changes.renameProductBlocks = blockRenames
        changes.renameProducts = productRenames
        updates.productBlocks = blockRenames
        updates.products = productRenames

        changes.createProducts = models.products.keys.filter { dbProducts[$0] == nil }.byteSorted()
        changes.deleteProducts = dbProducts.keys.filter { models.products[$0] == nil }.byteSorted()

        var diffs = ModelDiffs(models: models, dbProducts: dbProducts, dbBlocks: dbBlocks, skip: skip)

        // Renames and updates of resource types and fixed inputs: given, or asked (only when no --updates was given,
        // as in orchestrator-core).
        if let given {
            try validate(given, diffs: diffs, dbProducts: dbProducts, dbBlocks: dbBlocks)
        } else {
            let detection = RenameDetection(view: view, models: models, conversation: conversation, given: nil)
            updates.resourceTypes = try detection.resourceTypeRenames(diffs: diffs)
            updates.blockResourceTypes = try detection.blockResourceTypeUpdates(
                diffs: diffs, renames: updates.resourceTypes)
            updates.fixedInputs = try detection.fixedInputRenames(diffs: diffs)
            conversation.settleUpdates()
        }
        removeUpdatedProperties(updates, from: &diffs)

        changes.updateProductFixedInputs = updates.fixedInputs.filter { !$0.value.isEmpty }
        changes.renameResourceTypes = updates.resourceTypes
        changes.updateBlockResourceTypes = updates.blockResourceTypes.filter { !$0.value.isEmpty }

        changes.createProductFixedInputs = group(diffs.products.mapValues(\.missingFixedInputsInDB))
        changes.deleteProductFixedInputs = group(diffs.products.mapValues(\.missingFixedInputsInModel))
        changes.createProductToBlockRelations = group(diffs.products.mapValues(\.missingProductBlocksInDB))
        changes.deleteProductToBlockRelations = group(diffs.products.mapValues(\.missingProductBlocksInModel))
        changes.createResourceTypeRelations = group(diffs.blocks.mapValues(\.missingResourceTypesInDB))
        changes.deleteResourceTypeRelations = group(diffs.blocks.mapValues(\.missingResourceTypesInModel))
        changes.deleteProductBlockRelations = group(diffs.blocks.mapValues(\.missingProductBlocksInModel))
        var created: [String: [BlockRelationChange]] = [:]
        for (user, diff) in diffs.blocks {
            for dependency in diff.missingProductBlocksInDB {
                let attributes = models.productBlocks[user]?.dependsOn[dependency]?.attributes ?? [:]
                // orchestrator-core relates a block through its first referencing attribute only.
                guard let attribute = attributes.keys.byteSorted().first, let bounds = attributes[attribute] else {
                    continue
                }
                created[dependency, default: []].append(
                    BlockRelationChange(inUseBy: user, attribute: attribute, min: bounds.min, max: bounds.max))
            }
        }
        changes.createProductBlockRelations = created.mapValues { $0.sorted { byteOrder($0.inUseBy, $1.inUseBy) } }

        let renameSources = Set(updates.resourceTypes.keys)
        let renameTargets = Set(updates.resourceTypes.values)
        let stillUsed = modelResourceTypes
        changes.deleteResourceTypes = changes.deleteResourceTypeRelations.keys.filter { type in
            view.resourceTypes[type] != nil && !stillUsed.contains(type) && !renameSources.contains(type)
        }.byteSorted()
        changes.createProductBlocks = models.productBlocks.keys.filter { dbBlocks[$0] == nil }.byteSorted()
        changes.deleteProductBlocks = dbBlocks.keys.filter { models.productBlocks[$0] == nil }.byteSorted()

        let related = Set(changes.createResourceTypeRelations.keys).union(
            updates.blockResourceTypes.values.flatMap(\.values))
        changes.createResourceTypes = related.filter { view.resourceTypes[$0] == nil && !renameTargets.contains($0) }
            .byteSorted()

        var withInstances: [String: [String]] = [:]
        var memo: [String: Bool] = [:]
        for (type, blocks) in changes.createResourceTypeRelations {
            let filled = blocks.filter {
                hasInstances($0, changes: changes, dbBlocks: dbBlocks, dbProducts: dbProducts, memo: &memo, depth: 0)
            }
            if !filled.isEmpty { withInstances[type] = filled }
        }
        changes.createResourceTypeInstanceRelations = withInstances
        return changes
    }

    /// `_has_existing_instances` (docs/orchestrator-core.md §2.4 step 10): the block has instances now, or will get
    /// them through a new relation from a block or product that has them.
    private func hasInstances(
        _ block: String, changes: ChangeSet, dbBlocks: [String: CatalogueView.BlockEntry],
        dbProducts: [String: CatalogueView.ProductEntry], memo: inout [String: Bool], depth: Int
    ) -> Bool {
        if let known = memo[block] { return known }
        guard depth < 64 else { return false }
        memo[block] = false  // cycle guard
        var result = false
        let oldName = changes.renameProductBlocks.first { $0.value == block }?.key ?? block
        if dbBlocks[block] != nil, (view.instancesByBlock[oldName] ?? 0) > 0 {
            result = true
        } else if let users = changes.createProductBlockRelations[block], !users.isEmpty {
            result = users.contains {
                hasInstances(
                    $0.inUseBy, changes: changes, dbBlocks: dbBlocks, dbProducts: dbProducts, memo: &memo,
                    depth: depth + 1)
            }
        } else if let products = changes.createProductToBlockRelations[block] {
            result = products.contains { product in
                let oldProduct = changes.renameProducts.first { $0.value == product }?.key ?? product
                return (view.subscriptionsByProduct[oldProduct] ?? 0) > 0
            }
        }
        memo[block] = result
        return result
    }

    /// `remove_updated_properties`: renamed and switched names are no longer missing on either side.
    private func removeUpdatedProperties(_ updates: ModelUpdates, from diffs: inout ModelDiffs) {
        for (product, renames) in updates.fixedInputs {
            guard var diff = diffs.products[product] else { continue }
            diff.missingFixedInputsInModel.subtract(renames.keys)
            diff.missingFixedInputsInDB.subtract(renames.values)
            diffs.products[product] = diff
        }
        for (block, var diff) in diffs.blocks {
            var switched = updates.resourceTypes.filter {
                diff.missingResourceTypesInModel.contains($0.key) && diff.missingResourceTypesInDB.contains($0.value)
            }
            switched.merge(updates.blockResourceTypes[block] ?? [:]) { _, new in new }
            diff.missingResourceTypesInModel.subtract(switched.keys)
            diff.missingResourceTypesInDB.subtract(switched.values)
            diffs.blocks[block] = diff.isEmpty ? nil : diff
        }
    }

    /// Given `--updates` must name things that exist: orchestrator-core silently ignores (or crashes on) unknown
    /// names; a typo here would quietly plan a delete and a create instead of a rename.
    private func validate(
        _ updates: ModelUpdates, diffs: ModelDiffs, dbProducts: [String: CatalogueView.ProductEntry],
        dbBlocks: [String: CatalogueView.BlockEntry]
    ) throws(PlannerError) {
        for (product, renames) in updates.fixedInputs {
            guard let entry = dbProducts[product], models.products[product] != nil else {
                throw PlannerError(
                    .invalidAnswers,
                    "--updates fixed_inputs names the product '\(product)', which is not both in the database and in the models"
                )
            }
            for (old, new) in renames {
                guard entry.fixedInputs[old] != nil else {
                    throw PlannerError(
                        .invalidAnswers,
                        "--updates fixed_inputs: product '\(product)' has no fixed input '\(old)' in the database")
                }
                guard models.products[product]?.fixedInputs[new] != nil else {
                    throw PlannerError(
                        .invalidAnswers,
                        "--updates fixed_inputs: product '\(product)' has no fixed input '\(new)' in the models")
                }
            }
        }
        for (old, new) in updates.resourceTypes {
            guard view.resourceTypes[old] != nil else {
                throw PlannerError(
                    .invalidAnswers, "--updates resource_types: there is no resource type '\(old)' in the database")
            }
            guard view.resourceTypes[new] == nil else {
                throw PlannerError(
                    .invalidAnswers,
                    "--updates resource_types: '\(new)' already exists; to move a block's values to an existing resource type use block_resource_types"
                )
            }
        }
        for (block, switches) in updates.blockResourceTypes {
            guard let entry = dbBlocks[block] else {
                throw PlannerError(
                    .invalidAnswers,
                    "--updates block_resource_types names the product block '\(block)', which is not in the database")
            }
            for old in switches.keys where !entry.resourceTypes.contains(old) {
                throw PlannerError(
                    .invalidAnswers,
                    "--updates block_resource_types: block '\(block)' has no resource type '\(old)' in the database")
            }
        }
    }
}
