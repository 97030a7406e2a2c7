import Catalogue

/// The plan's warnings: what the upgrade destroys (with the snapshot's counts), what the downgrade cannot bring
/// back, and the notices orchestrator-core prints.
struct Warnings {
    let changes: ChangeSet
    let view: CatalogueView
    let models: ModelSet

    /// `1,204 subscriptions`: grouped by hand, because `formatted()` follows the user's locale and a plan must be
    /// the same on every machine.
    static func count(_ number: Int, _ noun: String) -> String {
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        let plural = noun.hasSuffix("s") ? noun + "es" : noun + "s"
        return (number < 0 ? "-" : "") + groups.joined(separator: ",") + " \(number == 1 ? noun : plural)"
    }

    private func count(_ number: Int, _ noun: String) -> String { Self.count(number, noun) }

    func all() -> [Plan.Warning] {
        var warnings: [Plan.Warning] = []
        for product in changes.deleteProducts {
            let subscriptions = view.subscriptionsByProduct[product] ?? 0
            let kind: Plan.Warning.Kind = subscriptions > 0 ? .destructive : .notice
            warnings.append(
                Plan.Warning(
                    kind, "deletes product '\(product)' and \(count(subscriptions, "subscription")) of it",
                    subject: "product", name: product))
        }
        for block in changes.deleteProductBlocks {
            let instances = view.instancesByBlock[block] ?? 0
            warnings.append(
                Plan.Warning(
                    instances > 0 ? .destructive : .notice,
                    "deletes product block '\(block)' and \(count(instances, "subscription instance")) of it",
                    subject: "product block", name: block))
        }
        for type in changes.deleteResourceTypes {
            let values = view.valuesByResourceType[type] ?? 0
            warnings.append(
                Plan.Warning(
                    values > 0 ? .destructive : .notice,
                    "deletes resource type '\(type)' and \(count(values, "value")) of it",
                    subject: "resource type", name: type))
        }
        for type in changes.deleteResourceTypeRelations.keys.byteSorted()
        where !changes.deleteResourceTypes.contains(type) {
            for block in changes.deleteResourceTypeRelations[type] ?? [] {
                let values = view.valuesByBlockAndResourceType[block]?[type] ?? 0
                if values > 0 {
                    warnings.append(
                        Plan.Warning(
                            .destructive,
                            "deletes \(count(values, "value")) of resource type '\(type)' in product block '\(block)'",
                            subject: "product block", name: block))
                }
            }
        }
        if warnings.contains(where: { $0.kind == .destructive }) {
            warnings.append(
                Plan.Warning(
                    .irreversible,
                    "the downgrade restores the deleted catalogue rows, but not the subscriptions, instances and values the upgrade deletes"
                ))
        }
        for type in changes.createResourceTypeRelations.keys.byteSorted() {
            for block in changes.createResourceTypeRelations[type] ?? []
            where (changes.createResourceTypeInstanceRelations[type] ?? []).contains(block) == false {
                if view.blocks[block] != nil {
                    warnings.append(
                        Plan.Warning(
                            .notice,
                            "block '\(block)' had no instances in the snapshot: instances created before the migration runs get no value for '\(type)'"
                        ))
                }
            }
        }
        for dependency in changes.createProductBlockRelations.keys.byteSorted() {
            for relation in changes.createProductBlockRelations[dependency] ?? [] {
                let attributes =
                    models.productBlocks[relation.inUseBy]?.dependsOn[dependency]?.attributes.keys.byteSorted() ?? []
                if attributes.count > 1 {
                    warnings.append(
                        Plan.Warning(
                            .notice,
                            "Product Block '\(dependency)' has been related multiple times to '\(relation.inUseBy)' (attributes \(attributes.joined(separator: ", "))); instances are created for the first attribute ('\(relation.attribute)') only, as orchestrator-core does"
                        ))
                }
            }
        }
        return warnings
    }
}

extension Plan.Impact {
    /// The snapshot's counts for every name the changes touch (names new in the plan have none).
    init(changes c: ChangeSet, view: CatalogueView) {
        var products = Set(c.deleteProducts + c.renameProducts.keys + c.updateProductFixedInputs.keys)
        for list in [
            c.createProductFixedInputs, c.deleteProductFixedInputs, c.createProductToBlockRelations,
            c.deleteProductToBlockRelations,
        ] {
            products.formUnion(list.values.joined())
        }
        var blocks = Set(c.deleteProductBlocks + c.renameProductBlocks.keys + c.updateBlockResourceTypes.keys)
        blocks.formUnion(c.createProductToBlockRelations.keys)
        blocks.formUnion(c.deleteProductToBlockRelations.keys)
        for list in [
            c.createResourceTypeRelations, c.deleteResourceTypeRelations, c.deleteProductBlockRelations,
            c.createResourceTypeInstanceRelations,
        ] {
            blocks.formUnion(list.values.joined())
        }
        blocks.formUnion(c.createProductBlockRelations.values.joined().map(\.inUseBy))
        var values: [String: [String: Int]] = [:]
        func add(_ block: String, _ type: String) {
            if let count = view.valuesByBlockAndResourceType[block]?[type] { values[block, default: [:]][type] = count }
        }
        for (type, list) in c.deleteResourceTypeRelations { for block in list { add(block, type) } }
        for (block, updates) in c.updateBlockResourceTypes { for old in updates.keys { add(block, old) } }
        for type in c.deleteResourceTypes + c.renameResourceTypes.keys {
            for (block, counts) in view.valuesByBlockAndResourceType where counts[type] != nil { add(block, type) }
        }
        self.init(
            subscriptions: products.reduce(into: [:]) { result, name in
                if view.products[name] != nil { result[name] = view.subscriptionsByProduct[name] ?? 0 }
            },
            instances: blocks.reduce(into: [:]) { result, name in
                if view.blocks[name] != nil { result[name] = view.instancesByBlock[name] ?? 0 }
            },
            values: values)
    }
}
