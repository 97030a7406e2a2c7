import Catalogue

/// The downgrade statements: orchestrator-core's order (docs/orchestrator-core.md §2.8), then what it never does:
/// restoring the catalogue rows the upgrade deleted (resource types, blocks, products with their fixed inputs and
/// relations) from the snapshot. Subscription data the upgrade deleted cannot be restored; the plan warns about it.
struct DowngradeWriter {
    let changes: ChangeSet
    let view: CatalogueView
    let snapshot: CatalogueSnapshot
    let upgrade: SQLWriter

    typealias N = SQLNames

    /// The name a product or block has after the upgrade (renames are undone last).
    private func productName(_ old: String) -> String { changes.renameProducts[old] ?? old }
    private func blockName(_ old: String) -> String { changes.renameProductBlocks[old] ?? old }

    func downgrade() throws(PlannerError) -> [String] {
        var sql: [String] = []
        let c = changes
        // 1. delete the resource-type relations the upgrade created
        for type in c.createResourceTypeRelations.keys.byteSorted() {
            sql += try upgrade.deleteResourceTypeRelation(type, blocks: c.createResourceTypeRelations[type] ?? [])
        }
        // 2./3. switch blocks back to their old resource types
        for block in c.updateBlockResourceTypes.keys.byteSorted() {
            let switches = c.updateBlockResourceTypes[block] ?? [:]
            for old in switches.keys.byteSorted() {
                sql += try upgrade.switchResourceType(block: block, from: switches[old] ?? old, to: old)
            }
        }
        // 4. delete the resource types it created
        if !c.createResourceTypes.isEmpty { sql += try upgrade.deleteResourceTypes(c.createResourceTypes) }
        // 5. delete the product-to-block relations it created
        for block in c.createProductToBlockRelations.keys.byteSorted() {
            sql.append(
                "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN \(try N.products(c.createProductToBlockRelations[block] ?? [])) AND product_product_blocks.product_block_id IN \(try N.blocks([block]))"
            )
        }
        // 6. delete the block relations it created
        for dependency in c.createProductBlockRelations.keys.byteSorted() {
            let users = (c.createProductBlockRelations[dependency] ?? []).map(\.inUseBy)
            sql.append(
                "DELETE FROM product_block_relations WHERE product_block_relations.in_use_by_id IN \(try N.blocks(users)) AND product_block_relations.depends_on_id IN \(try N.blocks([dependency]))"
            )
        }
        // 7. delete the fixed inputs it created
        for input in c.createProductFixedInputs.keys.byteSorted() {
            sql.append(
                "DELETE FROM fixed_inputs WHERE fixed_inputs.product_id IN \(try N.products(c.createProductFixedInputs[input] ?? [])) AND fixed_inputs.name = \(try N.quoted(input))"
            )
        }
        // 8./9. delete the blocks and products it created
        if !c.createProductBlocks.isEmpty { sql += try upgrade.deleteBlocks(c.createProductBlocks) }
        if !c.createProducts.isEmpty { sql += try upgrade.deleteProducts(c.createProducts) }
        // 10.–17. restore what it deleted, from the snapshot
        sql += try restoreDeletedRows()
        // 18./19. undo the renames of resource types and fixed inputs
        for old in c.renameResourceTypes.keys.byteSorted() {
            sql.append(
                "UPDATE resource_types SET resource_type=\(try N.quoted(old)) WHERE resource_types.resource_type = \(try N.quoted(c.renameResourceTypes[old] ?? old))"
            )
        }
        for product in c.updateProductFixedInputs.keys.byteSorted() {
            let renames = c.updateProductFixedInputs[product] ?? [:]
            for old in renames.keys.byteSorted() {
                sql.append(
                    "UPDATE fixed_inputs SET name=\(try N.quoted(old)) WHERE fixed_inputs.product_id = \(try N.products([product])) AND fixed_inputs.name = \(try N.quoted(renames[old] ?? old))"
                )
            }
        }
        // 20. undo the renames of products and blocks
        for old in c.renameProducts.keys.byteSorted() {
            sql.append(
                "UPDATE products SET name=\(try N.quoted(old)) WHERE products.name = \(try N.quoted(c.renameProducts[old] ?? old))"
            )
        }
        for old in c.renameProductBlocks.keys.byteSorted() {
            sql.append(
                "UPDATE product_blocks SET name=\(try N.quoted(old)) WHERE product_blocks.name = \(try N.quoted(c.renameProductBlocks[old] ?? old))"
            )
        }
        return sql
    }

    private func restoreDeletedRows() throws(PlannerError) -> [String] {
        var sql: [String] = []
        let c = changes
        let catalogue = snapshot.catalogue
        let names = CatalogueNames(catalogue)
        let deletedProducts = Set(c.deleteProducts)
        let deletedBlocks = Set(c.deleteProductBlocks)
        let deletedTypes = Set(c.deleteResourceTypes)

        for type in c.deleteResourceTypes {
            let row = view.resourceTypes[type]
            sql.append(
                "INSERT INTO resource_types (resource_type, description) VALUES (\(try N.quoted(type)), \(try N.quotedOptional(row?.description)))"
            )
        }
        for block in c.deleteProductBlocks {
            guard let row = view.blocks[block]?.row else { continue }
            sql.append(
                "INSERT INTO product_blocks (name, description, tag, status, end_date) VALUES (\(try N.quoted(block)), \(try N.quoted(row.description)), \(try N.quotedOptional(row.tag)), \(try N.quotedOptional(row.status)), \(try N.quotedOptional(row.endDate)))"
            )
        }
        for product in c.deleteProducts {
            guard let row = view.products[product]?.row else { continue }
            sql.append(
                "INSERT INTO products (name, description, product_type, tag, status, end_date) VALUES (\(try N.quoted(product)), \(try N.quoted(row.description)), \(try N.quoted(row.productType)), \(try N.quoted(row.tag)), \(try N.quoted(row.status)), \(try N.quotedOptional(row.endDate)))"
            )
        }

        // Relations: those the upgrade deleted explicitly, and every relation of a deleted row (gone by cascade).
        let explicitProductBlocks = Set(
            c.deleteProductToBlockRelations.flatMap { block, products in products.map { "\($0)\u{0}\(block)" } })
        var productBlocks: [(String, String)] = []
        for relation in catalogue.productProductBlocks {
            guard let product = names.products[relation.productID],
                let block = names.productBlocks[relation.productBlockID]
            else { continue }
            let key = "\(productName(product))\u{0}\(blockName(block))"
            if deletedProducts.contains(product) || deletedBlocks.contains(block) || explicitProductBlocks.contains(key)
            {
                productBlocks.append((productName(product), blockName(block)))
            }
        }
        for (product, block) in productBlocks.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            sql.append(
                "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES (\(try N.products([product])), \(try N.blocks([block])))"
            )
        }

        let explicitBlockRelations = Set(
            c.deleteProductBlockRelations.flatMap { dependency, users in users.map { "\($0)\u{0}\(dependency)" } })
        var blockRelations: [(String, String, ProductBlockRelation)] = []
        for relation in catalogue.productBlockRelations {
            guard let user = names.productBlocks[relation.inUseByID],
                let dependency = names.productBlocks[relation.dependsOnID]
            else { continue }
            let key = "\(blockName(user))\u{0}\(blockName(dependency))"
            if deletedBlocks.contains(user) || deletedBlocks.contains(dependency)
                || explicitBlockRelations.contains(key)
            {
                blockRelations.append((blockName(user), blockName(dependency), relation))
            }
        }
        for (user, dependency, relation) in blockRelations.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            sql.append(
                "INSERT INTO product_block_relations (in_use_by_id, depends_on_id, min, max) VALUES (\(try N.blocks([user])), \(try N.blocks([dependency])), \(SQLLiteral.number(relation.min)), \(SQLLiteral.number(relation.max)))"
            )
        }

        let explicitTypeRelations = Set(
            c.deleteResourceTypeRelations.flatMap { type, blocks in blocks.map { "\($0)\u{0}\(type)" } })
        var typeRelations: [(String, String)] = []
        for relation in catalogue.productBlockResourceTypes {
            guard let block = names.productBlocks[relation.productBlockID],
                let type = names.resourceTypes[relation.resourceTypeID]
            else { continue }
            let current = c.renameResourceTypes[type] ?? type
            let key = "\(blockName(block))\u{0}\(current)"
            if deletedBlocks.contains(block) || deletedTypes.contains(type) || explicitTypeRelations.contains(key) {
                typeRelations.append((blockName(block), current))
            }
        }
        for (block, type) in typeRelations.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            sql.append(
                "INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES (\(try N.blocks([block])), \(try N.resourceTypes([type])))"
            )
        }

        for product in c.deleteProducts {
            for workflow in (view.products[product]?.workflows ?? []).byteSorted() {
                sql.append(
                    "INSERT INTO products_workflows (product_id, workflow_id) VALUES (\(try N.products([product])), \(try N.workflows([workflow])))"
                )
            }
        }

        // Fixed inputs with the values the snapshot holds (orchestrator-core reads them again at downgrade time).
        var fixedInputs: [(String, String, String)] = []
        for (name, products) in c.deleteProductFixedInputs {
            for product in products {
                let oldName = c.renameProducts.first { $0.value == product }?.key ?? product
                if let value = view.products[oldName]?.fixedInputs[name] { fixedInputs.append((product, name, value)) }
            }
        }
        for product in c.deleteProducts {
            for (name, value) in view.products[product]?.fixedInputs ?? [:] {
                fixedInputs.append((product, name, value))
            }
        }
        for (product, name, value) in fixedInputs.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            sql.append(
                "INSERT INTO fixed_inputs (name, value, product_id) VALUES (\(try N.quoted(name)), \(try N.quoted(value)), \(try N.products([product])))"
            )
        }
        return sql
    }
}
