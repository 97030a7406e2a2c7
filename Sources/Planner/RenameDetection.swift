import Catalogue

/// The questions about renames: orchestrator-core's menus for resource types, block resource types and fixed inputs
/// (docs/orchestrator-core.md §2.6, in that order), and, beyond it, `[y/N]` questions for products and product blocks
/// that disappear while a look-alike appears.
struct RenameDetection {
    let view: CatalogueView
    let models: ModelSet
    let conversation: Conversation
    let given: ModelUpdates?

    // MARK: - Beyond orchestrator-core: products and blocks

    /// A block that disappears and one that appears with the same resource types and the same depended-on blocks.
    func productBlockRenames() throws(PlannerError) -> [String: String] {
        let deleted = view.blocks.keys.filter { models.productBlocks[$0] == nil }.byteSorted()
        let created = models.productBlocks.keys.filter { view.blocks[$0] == nil }.byteSorted()
        if let given {
            for (old, new) in given.productBlocks {
                guard deleted.contains(old) else {
                    throw PlannerError(
                        .invalidAnswers,
                        "--updates product_blocks: '\(old)' is not a product block that the models remove")
                }
                guard created.contains(new) else {
                    throw PlannerError(
                        .invalidAnswers, "--updates product_blocks: '\(new)' is not a product block that the models add"
                    )
                }
            }
            return given.productBlocks
        }
        var renames: [String: String] = [:]
        var taken: Set<String> = []
        var announcedBlocks = false  // this section is ours: shown only when it asks something
        for old in deleted {
            guard let entry = view.blocks[old] else { continue }
            for new in created where !taken.contains(new) {
                guard let model = models.productBlocks[new], Set(model.resourceTypes) == entry.resourceTypes,
                    Set(model.dependsOn.keys) == Set(entry.dependsOn.keys)
                else { continue }
                if !announcedBlocks {
                    conversation.section("Rename product blocks")
                    announcedBlocks = true
                }
                let question = Question(
                    section: "Rename product blocks",
                    prompt: "Do you wish to rename product block \(old) to \(new)? [y/N]: ",
                    emphasis: [.init(text: old, style: .magenta), .init(text: new, style: .magenta)],
                    kind: .confirm, key: .productBlockRename(old: old))
                if try conversation.confirm(question) == true {
                    renames[old] = new
                    taken.insert(new)
                    conversation.record(.productBlockRename(old: old), new)
                    break
                }
            }
        }
        return renames
    }

    /// A product that disappears and one that appears with the same class, fixed inputs and root blocks.
    func productRenames(dbProducts: [String: CatalogueView.ProductEntry]) throws(PlannerError) -> [String: String] {
        let deleted = dbProducts.keys.filter { models.products[$0] == nil }.byteSorted()
        let created = models.products.keys.filter { dbProducts[$0] == nil }.byteSorted()
        if let given {
            for (old, new) in given.products {
                guard deleted.contains(old) else {
                    throw PlannerError(
                        .invalidAnswers, "--updates products: '\(old)' is not a product that the models remove")
                }
                guard created.contains(new) else {
                    throw PlannerError(
                        .invalidAnswers, "--updates products: '\(new)' is not a product that the models add")
                }
            }
            return given.products
        }
        var renames: [String: String] = [:]
        var taken: Set<String> = []
        var announcedProducts = false  // this section is ours: shown only when it asks something
        for old in deleted {
            guard let entry = dbProducts[old] else { continue }
            for new in created where !taken.contains(new) {
                guard let model = models.products[new], model.productType == entry.row.productType,
                    Set(model.fixedInputs.keys) == Set(entry.fixedInputs.keys),
                    Set(model.productBlocks) == entry.productBlocks
                else { continue }
                if !announcedProducts {
                    conversation.section("Rename products")
                    announcedProducts = true
                }
                let question = Question(
                    section: "Rename products",
                    prompt: "Do you wish to rename product \(old) to \(new)? [y/N]: ",
                    emphasis: [.init(text: old, style: .magenta), .init(text: new, style: .magenta)],
                    kind: .confirm, key: .productRename(old: old))
                if try conversation.confirm(question) == true {
                    renames[old] = new
                    taken.insert(new)
                    conversation.record(.productRename(old: old), new)
                    break
                }
            }
        }
        return renames
    }

    // MARK: - orchestrator-core's menus (only when no --updates is given)

    /// `map_rename_resource_types`: an old name no model block still has, and a new name not yet in the database.
    func resourceTypeRenames(diffs: ModelDiffs) throws(PlannerError) -> [String: String] {
        conversation.section("Rename resource types")
        let stillUsed = Set(models.productBlocks.values.flatMap(\.resourceTypes))
        var possible: [String: Set<String>] = [:]
        var newNames: Set<String> = []
        for diff in diffs.blocks.values {
            let new = diff.missingResourceTypesInDB.filter { view.resourceTypes[$0] == nil }
            for old in diff.missingResourceTypesInModel where !stillUsed.contains(old) {
                possible[old, default: []].formUnion(new)
            }
            newNames.formUnion(new)
        }
        possible = possible.filter { !$0.value.isEmpty }
        var renamed: [String: String] = [:]
        while !possible.isEmpty && !newNames.isEmpty {
            let first = Question(
                section: "Rename resource types", prompt: "Which resource type would you want to rename?",
                kind: .menu(options: possible.keys.byteSorted(), quitLabel: "continue"),
                key: .resourceTypeRename(old: ""))
            let (old, answered) = try conversation.menu(first)
            guard answered, let old, let candidates = possible[old] else { break }
            let second = Question(
                section: "Rename resource types", prompt: "\nWhich resource type should rename \(old)?",
                kind: .menu(options: candidates.intersection(newNames).byteSorted(), quitLabel: "cancel"),
                key: .resourceTypeRename(old: old))
            let (new, answeredSecond) = try conversation.menu(second)
            guard answeredSecond else { break }
            guard let new else { continue }  // cancel: back to the first menu
            renamed[old] = new
            conversation.record(.resourceTypeRename(old: old), new)
            possible.removeValue(forKey: old)
            newNames.remove(new)
            possible = possible.mapValues { $0.subtracting([new]) }.filter { !$0.value.isEmpty }
        }
        return renamed
    }

    /// `map_update_product_block_resource_types`, keeping every pick (orchestrator-core keeps only the last one
    /// per block).
    func blockResourceTypeUpdates(
        diffs: ModelDiffs, renames: [String: String]
    ) throws(PlannerError) -> [String: [String: String]] {
        conversation.section("Update block resource types")
        var updates: [String: [String: String]] = [:]
        for block in diffs.blocks.keys.byteSorted() {
            guard let diff = diffs.blocks[block], view.blocks[block] != nil else { continue }
            var old = diff.missingResourceTypesInModel.subtracting(renames.keys)
            var new = diff.missingResourceTypesInDB.subtracting(renames.values)
            menus: while !old.isEmpty && !new.isEmpty {
                let first = Question(
                    section: "Update block resource types",
                    prompt: "Which resource type would you want to update in \(block) Block?",
                    kind: .menu(options: old.byteSorted(), quitLabel: "continue"),
                    key: .blockResourceTypeUpdate(block: block, old: ""))
                let (from, answered) = try conversation.menu(first)
                guard answered, let from else { break menus }
                let second = Question(
                    section: "Update block resource types", prompt: "\nWhich resource type should update \(from)?",
                    kind: .menu(options: new.byteSorted(), quitLabel: "cancel"),
                    key: .blockResourceTypeUpdate(block: block, old: from))
                let (to, answeredSecond) = try conversation.menu(second)
                guard answeredSecond else { break menus }
                guard let to else { continue }
                updates[block, default: [:]][from] = to
                conversation.record(.blockResourceTypeUpdate(block: block, old: from), to)
                old.remove(from)
                new.remove(to)
            }
        }
        return updates
    }

    /// `map_update_fixed_inputs`: a product with exactly one fixed input gone and one new.
    func fixedInputRenames(diffs: ModelDiffs) throws(PlannerError) -> [String: [String: String]] {
        conversation.section("Update fixed inputs")
        var renames: [String: [String: String]] = [:]
        for product in diffs.products.keys.byteSorted() {
            guard let diff = diffs.products[product], view.products[product] != nil,
                diff.missingFixedInputsInModel.count == 1, diff.missingFixedInputsInDB.count == 1,
                let old = diff.missingFixedInputsInModel.first, let new = diff.missingFixedInputsInDB.first
            else { continue }
            let question = Question(
                section: "Update fixed inputs",
                prompt: "Do you wish to rename fixed input \(old) to \(new) for product \(product)? [y/N]: ",
                emphasis: [
                    .init(text: old, style: .magenta), .init(text: new, style: .magenta),
                    .init(text: product, style: .bold),
                ],
                kind: .confirm, key: .fixedInputRename(product: product, old: old))
            if try conversation.confirm(question) == true {
                renames[product] = [old: new]
                conversation.record(.fixedInputRename(product: product, old: old), new)
            }
        }
        return renames
    }
}
