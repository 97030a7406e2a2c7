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
        return (number < 0 ? "-" : "") + groups.joined(separator: ",") + " \(noun)\(number == 1 ? "" : "s")"
    }

    private func count(_ number: Int, _ noun: String) -> String { Self.count(number, noun) }

    func all() -> [Plan.Warning] {
        var warnings: [Plan.Warning] = []
        for product in changes.deleteProducts {
            let subscriptions = view.subscriptionsByProduct[product] ?? 0
            let kind: Plan.Warning.Kind = subscriptions > 0 ? .destructive : .notice
            warnings.append(
                Plan.Warning(kind, "deletes product '\(product)' and \(count(subscriptions, "subscription")) of it"))
        }
        for block in changes.deleteProductBlocks {
            let instances = view.instancesByBlock[block] ?? 0
            warnings.append(
                Plan.Warning(
                    instances > 0 ? .destructive : .notice,
                    "deletes product block '\(block)' and \(count(instances, "subscription instance")) of it"))
        }
        for type in changes.deleteResourceTypes {
            let values = view.valuesByResourceType[type] ?? 0
            warnings.append(
                Plan.Warning(
                    values > 0 ? .destructive : .notice,
                    "deletes resource type '\(type)' and \(count(values, "value")) of it"))
        }
        for type in changes.deleteResourceTypeRelations.keys.byteSorted()
        where !changes.deleteResourceTypes.contains(type) {
            for block in changes.deleteResourceTypeRelations[type] ?? [] {
                let values = view.valuesByBlockAndResourceType[block]?[type] ?? 0
                if values > 0 {
                    warnings.append(
                        Plan.Warning(
                            .destructive,
                            "deletes \(count(values, "value")) of resource type '\(type)' in product block '\(block)'"))
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
