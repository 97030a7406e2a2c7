import Catalogue
import Yams

/// Turns a plan file's YAML nodes back into a `Plan`, naming the key that is missing or malformed.
struct PlanNodeReader {
    let file: String
    let scalars: ExactScalars

    /// The exact text of a scalar node (see `ExactScalars`).
    func text(_ node: Node) -> String { scalars.string(node) ?? "" }

    func fail(_ node: Node?, _ message: String) -> PlannerError {
        let line = node?.mark.map { ":\($0.line)" } ?? ""
        return PlannerError(.invalidPlan, TextEscaping.oneLine("\(file)\(line): \(message)"))
    }

    func value(_ node: Node, _ key: String) throws(PlannerError) -> Node {
        guard let value = node[key] else { throw fail(node, "missing key '\(key)'") }
        return value
    }

    func string(_ node: Node, _ key: String) throws(PlannerError) -> String {
        let value = try self.value(node, key)
        guard case .scalar = value else { throw fail(value, "'\(key)' must be a text") }
        return text(value)
    }

    func optionalInt(_ node: Node, _ key: String) throws(PlannerError) -> Int? {
        let value = try self.value(node, key)
        guard case .scalar(let scalar) = value else { throw fail(value, "'\(key)' must be a number or null") }
        if scalar.string == "null" && scalar.style == .plain { return nil }
        guard let number = Int(scalar.string) else { throw fail(value, "'\(key)' must be a number or null") }
        return number
    }

    func strings(_ node: Node, _ key: String) throws(PlannerError) -> [String] {
        try stringList(try value(node, key), key)
    }

    private func stringList(_ value: Node, _ key: String) throws(PlannerError) -> [String] {
        guard let sequence = value.sequence else { throw fail(value, "'\(key)' must be a list") }
        var result: [String] = []
        for item in sequence {
            guard case .scalar = item else { throw fail(item, "items of '\(key)' must be texts") }
            result.append(text(item))
        }
        return result
    }

    private func text(_ value: Node, _ key: String) throws(PlannerError) -> String {
        guard case .scalar = value else { throw fail(value, "'\(key)' must be a text") }
        return text(value)
    }

    func mapping(_ node: Node, _ key: String) throws(PlannerError) -> [(String, Node)] {
        try pairs(try value(node, key), key)
    }

    private func pairs(_ value: Node, _ key: String) throws(PlannerError) -> [(String, Node)] {
        guard let mapping = value.mapping else { throw fail(value, "'\(key)' must be a mapping") }
        var result: [(String, Node)] = []
        for (name, item) in mapping {
            guard case .scalar = name else { throw fail(name, "keys of '\(key)' must be texts") }
            result.append((text(name), item))
        }
        return result
    }

    func groups(_ node: Node, _ key: String) throws(PlannerError) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (name, item) in try mapping(node, key) { result[name] = try stringList(item, name) }
        return result
    }

    func map(_ node: Node, _ key: String) throws(PlannerError) -> [String: String] {
        try textMap(try value(node, key), key)
    }

    private func textMap(_ value: Node, _ key: String) throws(PlannerError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, item) in try pairs(value, key) { result[name] = try text(item, name) }
        return result
    }

    func counts(_ node: Node, _ key: String) throws(PlannerError) -> [String: Int] {
        try countMap(try value(node, key), key)
    }

    private func countMap(_ value: Node, _ key: String) throws(PlannerError) -> [String: Int] {
        var result: [String: Int] = [:]
        for (name, item) in try pairs(value, key) {
            guard case .scalar(let scalar) = item, let number = Int(scalar.string) else {
                throw fail(item, "the count of '\(name)' must be a whole number")
            }
            result[name] = number
        }
        return result
    }

    func nested(_ node: Node, _ key: String) throws(PlannerError) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (name, item) in try mapping(node, key) { result[name] = try textMap(item, name) }
        return result
    }

    func plan(_ root: Node) throws(PlannerError) -> Plan {
        guard root.mapping != nil else { throw fail(root, "a plan must be a mapping") }
        let formatText = try string(root, "format_version")
        guard let format = Int(formatText) else {
            throw fail(root["format_version"], "format_version must be a number")
        }
        guard Plan.readableFormats.contains(format) else {
            let formats = Plan.readableFormats.sorted().map(String.init).joined(separator: " and ")
            throw PlannerError(
                .invalidPlan, "\(file) has plan format \(format); this orchestrator-planner reads formats \(formats)")
        }
        let baseNode = try value(root, "base")
        let targetNode = try value(root, "target")
        let changesNode = try value(root, "changes")
        let answersNode = try value(root, "answers")

        var changes = ChangeSet()
        changes.createProducts = try strings(changesNode, "create_products")
        changes.deleteProducts = try strings(changesNode, "delete_products")
        changes.renameProducts = try map(changesNode, "rename_products")
        changes.createProductFixedInputs = try groups(changesNode, "create_product_fixed_inputs")
        changes.updateProductFixedInputs = try nested(changesNode, "update_product_fixed_inputs")
        changes.deleteProductFixedInputs = try groups(changesNode, "delete_product_fixed_inputs")
        changes.createProductToBlockRelations = try groups(changesNode, "create_product_to_block_relations")
        changes.deleteProductToBlockRelations = try groups(changesNode, "delete_product_to_block_relations")
        changes.createResourceTypes = try strings(changesNode, "create_resource_types")
        changes.renameResourceTypes = try map(changesNode, "rename_resource_types")
        changes.deleteResourceTypes = try strings(changesNode, "delete_resource_types")
        changes.createResourceTypeRelations = try groups(changesNode, "create_resource_type_relations")
        changes.deleteResourceTypeRelations = try groups(changesNode, "delete_resource_type_relations")
        changes.updateBlockResourceTypes = try nested(changesNode, "update_block_resource_types")
        changes.createProductBlocks = try strings(changesNode, "create_product_blocks")
        changes.renameProductBlocks = try map(changesNode, "rename_product_blocks")
        changes.deleteProductBlocks = try strings(changesNode, "delete_product_blocks")
        for (dependency, list) in try mapping(changesNode, "create_product_block_relations") {
            guard let sequence = list.sequence else { throw fail(list, "relations of '\(dependency)' must be a list") }
            var relations: [BlockRelationChange] = []
            for item in sequence {
                relations.append(
                    BlockRelationChange(
                        inUseBy: try string(item, "in_use_by"), attribute: try string(item, "attribute"),
                        min: try optionalInt(item, "min"), max: try optionalInt(item, "max")))
            }
            changes.createProductBlockRelations[dependency] = relations
        }
        changes.deleteProductBlockRelations = try groups(changesNode, "delete_product_block_relations")
        changes.createResourceTypeInstanceRelations = try groups(changesNode, "create_resource_type_instance_relations")

        var answers = PlanAnswers(inputs: try nested(answersNode, "inputs"))
        let updatesNode = try value(answersNode, "updates")
        if updatesNode.mapping != nil {
            var updates = ModelUpdates()
            updates.fixedInputs = try nested(updatesNode, "fixed_inputs")
            updates.resourceTypes = try map(updatesNode, "resource_types")
            updates.blockResourceTypes = try nested(updatesNode, "block_resource_types")
            updates.products = try map(updatesNode, "products")
            updates.productBlocks = try map(updatesNode, "product_blocks")
            answers.updates = updates
        }

        var warnings: [Plan.Warning] = []
        let warningsNode = try value(root, "warnings")
        guard let warningList = warningsNode.sequence else { throw fail(warningsNode, "'warnings' must be a list") }
        for item in warningList {
            let kindText = try string(item, "kind")
            guard let kind = Plan.Warning.Kind(rawValue: kindText) else {
                throw fail(item, "unknown warning kind '\(kindText)'")
            }
            let subject = item["subject"] == nil ? nil : try string(item, "subject")
            let name = item["name"] == nil ? nil : try string(item, "name")
            warnings.append(Plan.Warning(kind, try string(item, "message"), subject: subject, name: name))
        }

        var plan = Plan(
            message: try string(root, "message"), toolVersion: try string(root, "tool_version"),
            createdAt: try string(root, "created_at"),
            base: Plan.Base(
                fingerprint: try string(baseNode, "fingerprint"), source: try string(baseNode, "source"),
                takenAt: try string(baseNode, "taken_at"), alembicVersions: try strings(baseNode, "alembic_versions")),
            target: Plan.Target(
                models: try string(targetNode, "models"), fingerprint: try string(targetNode, "fingerprint"),
                incompleteModels: targetNode["incomplete_models"] == nil
                    ? [] : try strings(targetNode, "incomplete_models")),
            changes: changes, answers: answers, warnings: warnings,
            upgrade: try strings(root, "upgrade"), downgrade: try strings(root, "downgrade"))
        plan.formatVersion = format
        if let workflowsNode = root["workflows"] { plan.workflows = try workflows(workflowsNode) }
        if format >= 2 {
            let impactNode = try value(root, "impact")
            var values: [String: [String: Int]] = [:]
            for (block, counts) in try mapping(impactNode, "values") { values[block] = try countMap(counts, block) }
            plan.impact = Plan.Impact(
                subscriptions: try counts(impactNode, "subscriptions"), instances: try counts(impactNode, "instances"),
                values: values)
        }
        return plan
    }

    /// The `workflows` section of a workflow plan.
    func workflows(_ node: Node) throws(PlannerError) -> WorkflowChanges {
        let kindText = try string(node, "kind")
        guard let kind = WorkflowChanges.Kind(rawValue: kindText) else {
            throw fail(node["kind"], "workflows.kind must be workflows or tasks")
        }
        func optionalText(_ item: Node, _ key: String) throws(PlannerError) -> String? {
            guard let value = item[key] else { throw fail(item, "missing key '\(key)'") }
            if value.scalar?.style == .plain, text(value) == "null" { return nil }
            return try string(item, key)
        }
        func flag(_ item: Node, _ key: String) throws(PlannerError) -> Bool {
            let value = try string(item, key)
            guard value == "true" || value == "false" else { throw fail(item[key], "\(key) must be true or false") }
            return value == "true"
        }
        func list(_ key: String) throws(PlannerError) -> [Node] {
            let value = try self.value(node, key)
            guard let sequence = value.sequence else { throw fail(value, "workflows.\(key) must be a list") }
            return Array(sequence)
        }
        var changes = WorkflowChanges(kind: kind)
        for item in try list("add") {
            changes.add.append(
                WorkflowChanges.Added(
                    name: try string(item, "name"), target: try string(item, "target"),
                    description: try string(item, "description"), productType: try optionalText(item, "product_type"),
                    existing: try flag(item, "existing"), alreadyLinked: try strings(item, "already_linked"),
                    isTask: item["is_task"] == nil ? false : try flag(item, "is_task")))
        }
        for item in try list("delete") {
            let processes = try optionalText(item, "processes")
            guard processes.map({ Int($0) != nil }) ?? true else {
                throw fail(item["processes"], "processes must be a number or null")
            }
            changes.delete.append(
                WorkflowChanges.Deleted(
                    name: try string(item, "name"), target: try string(item, "target"),
                    description: try string(item, "description"), productType: try optionalText(item, "product_type"),
                    isTask: try flag(item, "is_task"), processes: processes.flatMap { Int($0) }))
        }
        return changes
    }
}
