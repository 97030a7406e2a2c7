import Catalogue

/// The database side of the diff, by name: what `diff_product_in_database` reads from the tables.
struct CatalogueView {
    struct ProductEntry {
        var row: Product
        /// Fixed input name → value.
        var fixedInputs: [String: String]
        /// Root product block names.
        var productBlocks: Set<String>
        var workflows: [String]
    }

    struct BlockEntry {
        var row: ProductBlock
        var resourceTypes: Set<String>
        /// Depended-on block name → (min, max).
        var dependsOn: [String: ListBounds]
    }

    let products: [String: ProductEntry]
    let blocks: [String: BlockEntry]
    let resourceTypes: [String: ResourceType]
    let subscriptionsByProduct: [String: Int]
    let instancesByBlock: [String: Int]
    /// Values per resource type name, over all blocks; and per (block, resource type).
    let valuesByResourceType: [String: Int]
    let valuesByBlockAndResourceType: [String: [String: Int]]

    init(_ snapshot: CatalogueSnapshot) {
        let catalogue = snapshot.catalogue
        let names = CatalogueNames(catalogue)
        var products: [String: ProductEntry] = [:]
        var productNameByID: [RowID: String] = [:]
        for product in catalogue.products {
            products[product.name] = ProductEntry(row: product, fixedInputs: [:], productBlocks: [], workflows: [])
            productNameByID[product.productID] = product.name
        }
        for input in catalogue.fixedInputs {
            if let name = productNameByID[input.productID] { products[name]?.fixedInputs[input.name] = input.value }
        }
        for relation in catalogue.productProductBlocks {
            if let name = productNameByID[relation.productID], let block = names.productBlocks[relation.productBlockID]
            {
                products[name]?.productBlocks.insert(block)
            }
        }
        for relation in catalogue.productsWorkflows {
            if let name = productNameByID[relation.productID], let workflow = names.workflows[relation.workflowID] {
                products[name]?.workflows.append(workflow)
            }
        }
        var blocks: [String: BlockEntry] = [:]
        for block in catalogue.productBlocks {
            blocks[block.name] = BlockEntry(row: block, resourceTypes: [], dependsOn: [:])
        }
        for relation in catalogue.productBlockResourceTypes {
            if let block = names.productBlocks[relation.productBlockID],
                let type = names.resourceTypes[relation.resourceTypeID]
            {
                blocks[block]?.resourceTypes.insert(type)
            }
        }
        for relation in catalogue.productBlockRelations {
            if let user = names.productBlocks[relation.inUseByID],
                let dependency = names.productBlocks[relation.dependsOnID]
            {
                blocks[user]?.dependsOn[dependency] = ListBounds(min: relation.min, max: relation.max)
            }
        }
        self.products = products
        self.blocks = blocks
        resourceTypes = Dictionary(catalogue.resourceTypes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        var subscriptions: [String: Int] = [:]
        for count in snapshot.counts.subscriptions {
            if let name = productNameByID[count.productID] { subscriptions[name, default: 0] += count.count }
        }
        subscriptionsByProduct = subscriptions
        var instances: [String: Int] = [:]
        for count in snapshot.counts.instances {
            if let name = names.productBlocks[count.productBlockID] { instances[name, default: 0] += count.count }
        }
        instancesByBlock = instances
        var values: [String: Int] = [:]
        var valuesByBlock: [String: [String: Int]] = [:]
        for count in snapshot.counts.values {
            guard let type = names.resourceTypes[count.resourceTypeID] else { continue }
            values[type, default: 0] += count.count
            if let block = names.productBlocks[count.productBlockID] {
                valuesByBlock[block, default: [:]][type, default: 0] += count.count
            }
        }
        valuesByResourceType = values
        valuesByBlockAndResourceType = valuesByBlock
    }
}
