import Catalogue

/// The upgrade statements, in orchestrator-core's order (docs/orchestrator-core.md §2.8), with set-based SQL where it
/// bakes in ids read at planning time: a plan stays correct for whatever subscriptions exist when it runs.
struct SQLWriter {
    let changes: ChangeSet
    /// `--inputs` with every answer: descriptions, tags, fixed-input values, default values.
    let inputs: [String: [String: String]]
    let models: ModelSet

    typealias N = SQLNames

    func input(_ name: String, _ key: String) -> String { inputs[name]?[key] ?? "" }

    /// The default value of a new resource type on a block: `inputs[rt][block]`, else `inputs[rt]["value"]`.
    func defaultValue(_ type: String, block: String) -> String? {
        if let value = inputs[type]?[block], !value.isEmpty { return value }
        if let value = inputs[type]?["value"], !value.isEmpty { return value }
        return nil
    }

    func upgrade() throws(PlannerError) -> [String] {
        var sql: [String] = []
        let c = changes
        // 0. Beyond orchestrator-core: renames keep every row that refers to the product or block.
        for old in c.renameProductBlocks.keys.byteSorted() {
            sql.append(
                "UPDATE product_blocks SET name=\(try N.quoted(c.renameProductBlocks[old] ?? old)) WHERE product_blocks.name = \(try N.quoted(old))"
            )
        }
        for old in c.renameProducts.keys.byteSorted() {
            sql.append(
                "UPDATE products SET name=\(try N.quoted(c.renameProducts[old] ?? old)) WHERE products.name = \(try N.quoted(old))"
            )
        }
        // 1. update fixed inputs
        for product in c.updateProductFixedInputs.keys.byteSorted() {
            let renames = c.updateProductFixedInputs[product] ?? [:]
            for old in renames.keys.byteSorted() {
                sql.append(
                    "UPDATE fixed_inputs SET name=\(try N.quoted(renames[old] ?? old)) WHERE fixed_inputs.product_id = \(try N.products([product])) AND fixed_inputs.name = \(try N.quoted(old))"
                )
            }
        }
        // 2. rename resource types
        for old in c.renameResourceTypes.keys.byteSorted() {
            sql.append(
                "UPDATE resource_types SET resource_type=\(try N.quoted(c.renameResourceTypes[old] ?? old)) WHERE resource_types.resource_type = \(try N.quoted(old))"
            )
        }
        // 3. delete resource-type relations, and the values of those blocks' instances (orchestrator-core's value
        //    delete compares instance ids with block ids and removes nothing).
        for type in c.deleteResourceTypeRelations.keys.byteSorted() {
            sql += try deleteResourceTypeRelation(type, blocks: c.deleteResourceTypeRelations[type] ?? [])
        }
        // 4. delete block relations
        for dependency in c.deleteProductBlockRelations.keys.byteSorted() {
            sql.append(
                "DELETE FROM product_block_relations WHERE product_block_relations.in_use_by_id IN \(try N.blocks(c.deleteProductBlockRelations[dependency] ?? [])) AND product_block_relations.depends_on_id IN \(try N.blocks([dependency]))"
            )
        }
        // 5. delete product-to-block relations
        for block in c.deleteProductToBlockRelations.keys.byteSorted() {
            sql.append(
                "DELETE FROM product_product_blocks WHERE product_product_blocks.product_id IN \(try N.products(c.deleteProductToBlockRelations[block] ?? [])) AND product_product_blocks.product_block_id IN \(try N.blocks([block]))"
            )
        }
        // 6. delete resource types
        if !c.deleteResourceTypes.isEmpty { sql += try deleteResourceTypes(c.deleteResourceTypes) }
        // 7. delete product blocks
        if !c.deleteProductBlocks.isEmpty { sql += try deleteBlocks(c.deleteProductBlocks) }
        // 8. delete fixed inputs
        for input in c.deleteProductFixedInputs.keys.byteSorted() {
            sql.append(
                "DELETE FROM fixed_inputs WHERE fixed_inputs.product_id IN \(try N.products(c.deleteProductFixedInputs[input] ?? [])) AND fixed_inputs.name = \(try N.quoted(input))"
            )
        }
        // 9. delete products
        if !c.deleteProducts.isEmpty { sql += try deleteProducts(c.deleteProducts) }
        // 10. create products
        for product in c.createProducts {
            let type = models.products[product]?.productType ?? ""
            sql.append(
                "INSERT INTO products (name, description, product_type, tag, status) VALUES (\(try N.quoted(product)), \(try N.quoted(input(product, "description"))), \(try N.quoted(type)), \(try N.quoted(input(product, "tag"))), 'active') RETURNING products.product_id"
            )
        }
        // 11. create fixed inputs: one statement per fixed input, one row per product
        for name in c.createProductFixedInputs.keys.byteSorted() {
            var rows: [String] = []
            for product in c.createProductFixedInputs[name] ?? [] {
                rows.append(
                    "(\(try N.quoted(name)), \(try N.quoted(input(product, name))), \(try N.products([product])))")
            }
            sql.append("INSERT INTO fixed_inputs (name, value, product_id) VALUES \(rows.joined(separator: ", "))")
        }
        // 12. create product blocks
        for block in c.createProductBlocks {
            sql.append(
                "INSERT INTO product_blocks (name, description, tag, status) VALUES (\(try N.quoted(block)), \(try N.quoted(input(block, "description"))), \(try N.quoted(input(block, "tag"))), 'active') RETURNING product_blocks.product_block_id"
            )
        }
        // 13. create resource types
        for type in c.createResourceTypes {
            sql.append(
                "INSERT INTO resource_types (resource_type, description) VALUES (\(try N.quoted(type)), \(try N.quoted(input(type, "description")))) RETURNING resource_types.resource_type_id"
            )
        }
        // 14./15. switch a block's relation and its instances' values to another resource type
        for block in c.updateBlockResourceTypes.keys.byteSorted() {
            let switches = c.updateBlockResourceTypes[block] ?? [:]
            for old in switches.keys.byteSorted() {
                sql += try switchResourceType(block: block, from: old, to: switches[old] ?? old)
            }
        }
        // 16. create product-to-block relations: one statement per block, one row per product
        for block in c.createProductToBlockRelations.keys.byteSorted() {
            var rows: [String] = []
            for product in c.createProductToBlockRelations[block] ?? [] {
                rows.append("(\(try N.products([product])), \(try N.blocks([block])))")
            }
            sql.append(
                "INSERT INTO product_product_blocks (product_id, product_block_id) VALUES \(rows.joined(separator: ", "))"
            )
        }
        // 17. create block relations: one statement per depended-on block, one row per user (with the model's bounds)
        for dependency in c.createProductBlockRelations.keys.byteSorted() {
            var rows: [String] = []
            for relation in c.createProductBlockRelations[dependency] ?? [] {
                rows.append(
                    "(\(try N.blocks([relation.inUseBy])), \(try N.blocks([dependency])), \(SQLLiteral.number(relation.min)), \(SQLLiteral.number(relation.max)))"
                )
            }
            sql.append(
                "INSERT INTO product_block_relations (in_use_by_id, depends_on_id, min, max) VALUES \(rows.joined(separator: ", "))"
            )
        }
        // 18. create resource-type relations: one statement per resource type, one row per block
        for type in c.createResourceTypeRelations.keys.byteSorted() {
            var rows: [String] = []
            for block in c.createResourceTypeRelations[type] ?? [] {
                rows.append("(\(try N.blocks([block])), \(try N.resourceTypes([type])))")
            }
            sql.append(
                "INSERT INTO product_block_resource_types (product_block_id, resource_type_id) VALUES \(rows.joined(separator: ", "))"
            )
        }
        // 19. an instance of each newly related root block for every subscription of the product
        for block in c.createProductToBlockRelations.keys.byteSorted() {
            let products = (c.createProductToBlockRelations[block] ?? []).filter { !c.createProducts.contains($0) }
            guard !products.isEmpty else { continue }
            sql.append(
                "INSERT INTO subscription_instances (subscription_id, product_block_id) SELECT subscriptions.subscription_id, \(try N.blocks([block])) FROM subscriptions WHERE subscriptions.product_id IN \(try N.products(products))"
            )
        }
        // 20. an instance of each newly depended-on block for every instance of the block using it, and the relation
        for dependency in c.createProductBlockRelations.keys.byteSorted() {
            for relation in c.createProductBlockRelations[dependency] ?? [] {
                sql.append(try instancesForBlockRelation(relation, dependency: dependency))
            }
        }
        // 21. default values for every instance of the blocks gaining a resource type
        for type in c.createResourceTypeInstanceRelations.keys.byteSorted() {
            for block in c.createResourceTypeInstanceRelations[type] ?? [] {
                guard let value = defaultValue(type, block: block) else { continue }
                sql.append(
                    "INSERT INTO subscription_instance_values (subscription_instance_id, resource_type_id, value) SELECT subscription_instances.subscription_instance_id, resource_types.resource_type_id, \(try N.quoted(value)) FROM subscription_instances CROSS JOIN resource_types WHERE subscription_instances.product_block_id IN \(try N.blocks([block])) AND resource_types.resource_type = \(try N.quoted(type))"
                )
            }
        }
        return sql
    }

    func deleteResourceTypeRelation(_ type: String, blocks: [String]) throws(PlannerError) -> [String] {
        [
            "DELETE FROM subscription_instance_values WHERE subscription_instance_values.subscription_instance_id IN \(try N.instancesOf(blocks)) AND subscription_instance_values.resource_type_id IN \(try N.resourceTypes([type]))",
            "DELETE FROM product_block_resource_types WHERE product_block_resource_types.product_block_id IN \(try N.blocks(blocks)) AND product_block_resource_types.resource_type_id = \(try N.resourceTypes([type]))",
        ]
    }

    func deleteResourceTypes(_ types: [String]) throws(PlannerError) -> [String] {
        [
            "DELETE FROM subscription_instance_values WHERE subscription_instance_values.resource_type_id IN \(try N.resourceTypes(types))",
            "DELETE FROM resource_types WHERE resource_types.resource_type IN (\(try N.list(types)))",
        ]
    }

    func deleteBlocks(_ blocks: [String]) throws(PlannerError) -> [String] {
        [
            "DELETE FROM subscription_instances WHERE subscription_instances.product_block_id IN \(try N.blocks(blocks))",
            "DELETE FROM product_blocks WHERE product_blocks.name IN (\(try N.list(blocks)))",
        ]
    }

    func deleteProducts(_ products: [String]) throws(PlannerError) -> [String] {
        let subscriptions = try N.subscriptionsOf(products)
        return [
            "DELETE FROM processes WHERE processes.pid IN (SELECT processes_subscriptions.pid FROM processes_subscriptions WHERE processes_subscriptions.subscription_id IN \(subscriptions))",
            "DELETE FROM processes_subscriptions WHERE processes_subscriptions.subscription_id IN \(subscriptions)",
            "DELETE FROM subscription_instances WHERE subscription_instances.subscription_id IN \(subscriptions)",
            "DELETE FROM subscriptions WHERE subscriptions.product_id IN \(try N.products(products))",
            "DELETE FROM products WHERE products.name IN (\(try N.list(products)))",
        ]
    }

    func switchResourceType(block: String, from old: String, to new: String) throws(PlannerError) -> [String] {
        [
            "UPDATE product_block_resource_types SET resource_type_id=\(try N.resourceTypes([new])) WHERE product_block_resource_types.product_block_id IN \(try N.blocks([block])) AND product_block_resource_types.resource_type_id IN \(try N.resourceTypes([old]))",
            "UPDATE subscription_instance_values SET resource_type_id=\(try N.resourceTypes([new])) WHERE subscription_instance_values.subscription_instance_id IN \(try N.instancesOf([block])) AND subscription_instance_values.resource_type_id IN \(try N.resourceTypes([old]))",
        ]
    }

    /// For every instance of the using block, one new instance of the depended-on block in the same subscription,
    /// related through the attribute. Pairs are matched by position within each subscription, so a subscription
    /// with two instances of the using block gets two new instances (orchestrator-core's `LIMIT 1` would reuse one).
    func instancesForBlockRelation(_ relation: BlockRelationChange, dependency: String) throws(PlannerError) -> String {
        """
        WITH users AS (SELECT subscription_instances.subscription_instance_id, subscription_instances.subscription_id, \
        row_number() OVER (PARTITION BY subscription_instances.subscription_id ORDER BY subscription_instances.subscription_instance_id) AS position \
        FROM subscription_instances WHERE subscription_instances.product_block_id IN \(try N.blocks([relation.inUseBy]))), \
        created AS (INSERT INTO subscription_instances (subscription_id, product_block_id) \
        SELECT users.subscription_id, \(try N.blocks([dependency])) FROM users RETURNING subscription_instances.subscription_instance_id, subscription_instances.subscription_id), \
        numbered AS (SELECT created.subscription_instance_id, created.subscription_id, \
        row_number() OVER (PARTITION BY created.subscription_id ORDER BY created.subscription_instance_id) AS position FROM created) \
        INSERT INTO subscription_instance_relations (in_use_by_id, depends_on_id, order_id, domain_model_attr) \
        SELECT users.subscription_instance_id, numbered.subscription_instance_id, 0, \(try N.quoted(relation.attribute)) \
        FROM users JOIN numbered ON numbered.subscription_id = users.subscription_id AND numbered.position = users.position
        """
    }
}
