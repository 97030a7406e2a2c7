import Catalogue

/// A plan as a reviewer reads it: one item per product, product block and resource type the plan adds, changes or
/// removes, with what changes in it, the snapshot's counts of what it touches, the values chosen, and whether it
/// destroys data. `plan show` renders it as text, Markdown and JSON.
public struct PlanOverview: Sendable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        case add, change, remove

        /// `+`, `~`, `-`, as Terraform marks them.
        public var marker: String { self == .add ? "+" : self == .change ? "~" : "-" }
    }

    public enum Subject: String, Sendable, Codable, CaseIterable {
        case product
        case productBlock = "product block"
        case resourceType = "resource type"
        case workflow
    }

    /// One change inside an item (a fixed input added to a product, a resource type removed from a block).
    public struct Detail: Sendable, Codable, Equatable {
        public var action: Action
        /// The plan's category (`create_product_fixed_inputs`), for programs.
        public var category: String
        public var text: String
        public var destructive: Bool
    }

    public struct Item: Sendable, Codable, Equatable {
        public var action: Action
        public var subject: Subject
        public var name: String
        /// For a rename: the new name.
        public var newName: String?
        /// The snapshot's counts of what the item touches: `subscriptions`, `instances`, `values`.
        public var counts: [String: Int]
        /// The answers used for it: description, tag, fixed-input values, default values.
        public var values: [String: String]
        public var details: [Detail]
        public var destructive: Bool

        enum CodingKeys: String, CodingKey {
            case action, subject, name, newName = "new_name", counts, values, details, destructive
        }
    }

    public var items: [Item]

    /// Added, changed and removed items of each subject.
    public func count(_ subject: Subject, _ action: Action) -> Int {
        items.filter { $0.subject == subject && $0.action == action }.count
    }

    public func count(_ action: Action) -> Int { items.filter { $0.action == action }.count }

    /// `Plan: 3 to add, 2 to change, 1 to remove.`
    public var summaryLine: String {
        "Plan: \(count(.add)) to add, \(count(.change)) to change, \(count(.remove)) to remove."
    }

    public init(_ plan: Plan) {
        var builder = OverviewBuilder(plan: plan)
        items = builder.build()
    }
}

/// Builds the overview's items from a plan's change categories.
private struct OverviewBuilder {
    let plan: Plan
    var items: [String: PlanOverview.Item] = [:]

    init(plan: Plan) { self.plan = plan }

    private var changes: ChangeSet { plan.changes }
    private var inputs: [String: [String: String]] { plan.answers.inputs }

    private static func key(_ subject: PlanOverview.Subject, _ name: String) -> String {
        "\(subject.rawValue)\u{0}\(name)"
    }

    private mutating func item(_ subject: PlanOverview.Subject, _ name: String, _ action: PlanOverview.Action) -> String
    {
        let key = Self.key(subject, name)
        if items[key] == nil {
            var counts: [String: Int] = [:]
            switch subject {
            case .product: if let count = plan.impact.subscriptions[name] { counts["subscriptions"] = count }
            case .productBlock: if let count = plan.impact.instances[name] { counts["instances"] = count }
            case .resourceType:
                let values = plan.impact.values(of: name)
                if values > 0 || action != .add { counts["values"] = values }
            case .workflow: break
            }
            items[key] = PlanOverview.Item(
                action: action, subject: subject, name: name, newName: nil, counts: counts, values: [:], details: [],
                destructive: false)
        }
        return key
    }

    private mutating func detail(
        _ subject: PlanOverview.Subject, _ name: String, _ action: PlanOverview.Action, _ category: String,
        _ text: String, destructive: Bool = false
    ) {
        let key = item(subject, name, .change)
        items[key]?.details.append(.init(action: action, category: category, text: text, destructive: destructive))
        if destructive { items[key]?.destructive = true }
    }

    private func quoted(_ value: String?) -> String { value.map(TextEscaping.jsonQuote) ?? "(not answered yet)" }

    private func count(_ number: Int, _ noun: String) -> String { Warnings.count(number, noun) }

    mutating func build() -> [PlanOverview.Item] {
        addProducts()
        addBlocks()
        addResourceTypes()
        addWorkflows()
        let order: [PlanOverview.Subject] = [.product, .productBlock, .resourceType, .workflow]
        let actions: [PlanOverview.Action] = [.remove, .add, .change]
        return items.values.sorted { a, b in
            if a.subject != b.subject {
                return (order.firstIndex(of: a.subject) ?? 0) < (order.firstIndex(of: b.subject) ?? 0)
            }
            if a.action != b.action {
                return (actions.firstIndex(of: a.action) ?? 0) < (actions.firstIndex(of: b.action) ?? 0)
            }
            return utf8Order(a.name, b.name)
        }.map { item in
            var item = item
            item.details.sort { utf8Order($0.text, $1.text) }
            return item
        }
    }

    private mutating func addProducts() {
        for product in changes.createProducts {
            let key = item(.product, product, .add)
            let answers = inputs[product] ?? [:]
            items[key]?.values = answers
        }
        for product in changes.deleteProducts {
            let key = item(.product, product, .remove)
            items[key]?.destructive = (plan.impact.subscriptions[product] ?? 0) > 0
        }
        for (old, new) in changes.renameProducts {
            let key = item(.product, old, .change)
            items[key]?.newName = new
        }
        for (input, products) in changes.createProductFixedInputs {
            for product in products {
                detail(
                    .product, product, .add, "create_product_fixed_inputs",
                    "fixed input \(input) = \(quoted(inputs[product]?[input]))")
            }
        }
        for (product, renames) in changes.updateProductFixedInputs {
            for (old, new) in renames {
                detail(.product, product, .change, "update_product_fixed_inputs", "fixed input \(old) → \(new)")
            }
        }
        for (input, products) in changes.deleteProductFixedInputs {
            for product in products {
                detail(.product, product, .remove, "delete_product_fixed_inputs", "fixed input \(input)")
            }
        }
        for (block, products) in changes.createProductToBlockRelations {
            for product in products {
                detail(.product, product, .add, "create_product_to_block_relations", "root product block \(block)")
            }
        }
        for (block, products) in changes.deleteProductToBlockRelations {
            for product in products {
                detail(.product, product, .remove, "delete_product_to_block_relations", "root product block \(block)")
            }
        }
    }

    private mutating func addBlocks() {
        for block in changes.createProductBlocks {
            let key = item(.productBlock, block, .add)
            let answers = inputs[block] ?? [:]
            items[key]?.values = answers
        }
        for block in changes.deleteProductBlocks {
            let key = item(.productBlock, block, .remove)
            items[key]?.destructive = (plan.impact.instances[block] ?? 0) > 0
        }
        for (old, new) in changes.renameProductBlocks {
            let key = item(.productBlock, old, .change)
            items[key]?.newName = new
        }
        for (type, blocks) in changes.createResourceTypeRelations {
            for block in blocks {
                var text = "resource type \(type)"
                if (changes.createResourceTypeInstanceRelations[type] ?? []).contains(block) {
                    let value = inputs[type]?[block] ?? inputs[type]?["value"]
                    let instances = plan.impact.instances[block].map { " for \(count($0, "instance"))" } ?? ""
                    text += ", default value \(quoted(value))\(instances)"
                }
                detail(.productBlock, block, .add, "create_resource_type_relations", text)
            }
        }
        for (type, blocks) in changes.deleteResourceTypeRelations {
            for block in blocks {
                let values = plan.impact.values[block]?[type] ?? 0
                detail(
                    .productBlock, block, .remove, "delete_resource_type_relations",
                    "resource type \(type) (\(count(values, "value")))", destructive: values > 0)
            }
        }
        for (block, updates) in changes.updateBlockResourceTypes {
            for (old, new) in updates {
                let values = plan.impact.values[block]?[old] ?? 0
                detail(
                    .productBlock, block, .change, "update_block_resource_types",
                    "resource type \(old) → \(new) (\(count(values, "value")) kept)")
            }
        }
        for (dependency, relations) in changes.createProductBlockRelations {
            for relation in relations {
                let bounds =
                    relation.min == nil && relation.max == nil
                    ? "" : " (\(relation.min.map(String.init) ?? "0")..\(relation.max.map(String.init) ?? "*"))"
                let instances =
                    plan.impact.instances[relation.inUseBy].map {
                        ", an instance for each of its \(count($0, "instance"))"
                    } ?? ""
                detail(
                    .productBlock, relation.inUseBy, .add, "create_product_block_relations",
                    "depends on \(dependency) through \(relation.attribute)\(bounds)\(instances)")
            }
        }
        for (dependency, blocks) in changes.deleteProductBlockRelations {
            for block in blocks {
                detail(.productBlock, block, .remove, "delete_product_block_relations", "depends on \(dependency)")
            }
        }
    }

    private mutating func addResourceTypes() {
        for type in changes.createResourceTypes {
            let key = item(.resourceType, type, .add)
            let answers = (inputs[type] ?? [:]).filter { $0.key == "description" }
            items[key]?.values = answers
        }
        for type in changes.deleteResourceTypes {
            let key = item(.resourceType, type, .remove)
            items[key]?.destructive = plan.impact.values(of: type) > 0
        }
        for (old, new) in changes.renameResourceTypes {
            let key = item(.resourceType, old, .change)
            items[key]?.newName = new
        }
    }

    /// A workflow plan: a workflow (or task) added, linked to a product type, or deleted with its process count.
    private mutating func addWorkflows() {
        guard let workflows = plan.workflows else { return }
        let noun = workflows.kind == .tasks ? "task" : "workflow"
        for added in workflows.add {
            let key = item(.workflow, added.name, added.existing ? .change : .add)
            if added.existing {
                if let type = added.productType {
                    items[key]?.details.append(
                        .init(
                            action: .add, category: "link", text: "linked to the \(type) products", destructive: false))
                } else {
                    items[key]?.details.append(
                        .init(
                            action: .change, category: "none", text: "already in the catalogue: nothing to add",
                            destructive: false))
                }
            } else {
                var values = ["description": added.description, "target": added.target]
                if let type = added.productType { values["product_type"] = type }
                items[key]?.values = values
                items[key]?.details.append(
                    .init(
                        action: .add, category: "create_\(noun)",
                        text: added.productType.map { "\(noun) \(added.target), linked to the \($0) products" }
                            ?? "\(noun) \(added.target)",
                        destructive: false))
            }
        }
        for deleted in workflows.delete {
            let key = item(.workflow, deleted.name, .remove)
            if let processes = deleted.processes { items[key]?.counts["processes"] = processes }
            items[key]?.details.append(
                .init(
                    action: .remove, category: "delete_workflow",
                    text: "\(deleted.isTask ? "task" : "workflow") \(deleted.target)"
                        + (deleted.productType.map { " of the \($0) products" } ?? ""),
                    destructive: false))
        }
    }
}
