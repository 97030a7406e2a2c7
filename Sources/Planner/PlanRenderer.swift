import Foundation

/// `plan show`: the plan as terminal text, as Markdown for a pull-request comment, or as JSON.
public enum PlanRenderer {
    /// Non-empty categories as (name, lines).
    public static func categories(_ c: ChangeSet) -> [(String, [String])] {
        func list(_ values: [String]) -> [String] { values }
        func groups(_ groups: [String: [String]], _ arrow: String) -> [String] {
            groups.keys.byteSorted().map { "\($0) \(arrow) \((groups[$0] ?? []).joined(separator: ", "))" }
        }
        func renames(_ map: [String: String]) -> [String] { map.keys.byteSorted().map { "\($0) → \(map[$0] ?? "")" } }
        func nested(_ nested: [String: [String: String]]) -> [String] {
            nested.keys.byteSorted().flatMap { owner in renames(nested[owner] ?? [:]).map { "\(owner): \($0)" } }
        }
        let all: [(String, [String])] = [
            ("create_products", list(c.createProducts)),
            ("delete_products", list(c.deleteProducts)),
            ("rename_products", renames(c.renameProducts)),
            ("create_product_fixed_inputs", groups(c.createProductFixedInputs, "on")),
            ("update_product_fixed_inputs", nested(c.updateProductFixedInputs)),
            ("delete_product_fixed_inputs", groups(c.deleteProductFixedInputs, "from")),
            ("create_product_to_block_relations", groups(c.createProductToBlockRelations, "in")),
            ("delete_product_to_block_relations", groups(c.deleteProductToBlockRelations, "from")),
            ("create_resource_types", list(c.createResourceTypes)),
            ("rename_resource_types", renames(c.renameResourceTypes)),
            ("delete_resource_types", list(c.deleteResourceTypes)),
            ("create_resource_type_relations", groups(c.createResourceTypeRelations, "on")),
            ("delete_resource_type_relations", groups(c.deleteResourceTypeRelations, "from")),
            ("update_block_resource_types", nested(c.updateBlockResourceTypes)),
            ("create_product_blocks", list(c.createProductBlocks)),
            ("rename_product_blocks", renames(c.renameProductBlocks)),
            ("delete_product_blocks", list(c.deleteProductBlocks)),
            (
                "create_product_block_relations",
                c.createProductBlockRelations.keys.byteSorted().flatMap { dependency in
                    (c.createProductBlockRelations[dependency] ?? []).map {
                        "\($0.inUseBy).\($0.attribute) → \(dependency)"
                    }
                }
            ),
            ("delete_product_block_relations", groups(c.deleteProductBlockRelations, "from")),
            ("create_resource_type_instance_relations", groups(c.createResourceTypeInstanceRelations, "values on")),
        ]
        return all.filter { !$0.1.isEmpty }
    }

    /// `includeSQL: false` gives the summary `plan` prints; `digest` saves recomputing it when the caller has it.
    public static func text(_ plan: Plan, file: String? = nil, includeSQL: Bool = true, digest: String? = nil) -> String
    {
        var lines: [String] = []
        lines.append("Plan\(file.map { " \($0)" } ?? ""): \(plan.message)")
        lines.append("  base:    \(plan.base.source), snapshot \(plan.base.takenAt), \(plan.base.fingerprint)")
        lines.append("  target:  \(plan.target.models), \(plan.target.fingerprint)")
        lines.append("  digest:  \(digest ?? PlanFile.digest(of: plan))")
        if !plan.target.incompleteModels.isEmpty {
            lines.append("")
            lines.append("Planned on incomplete models (--allow-incomplete-models): the reader could not read")
            for diagnostic in plan.target.incompleteModels { lines.append("  \(diagnostic)") }
        }
        if plan.isEmpty {
            lines.append("")
            lines.append("No changes: the catalogue matches the models.")
            return lines.joined(separator: "\n")
        }
        if !plan.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            for warning in plan.warnings { lines.append("  [\(warning.kind.rawValue)] \(warning.message)") }
        }
        lines.append("")
        lines.append("Changes")
        for (name, entries) in categories(plan.changes) {
            lines.append("  \(name)")
            for entry in entries { lines.append("    \(entry)") }
        }
        guard includeSQL else { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append("Upgrade (\(plan.upgrade.count) statements)")
        for (index, statement) in plan.upgrade.enumerated() { lines.append("  \(index + 1). \(statement)") }
        lines.append("")
        lines.append("Downgrade (\(plan.downgrade.count) statements)")
        for (index, statement) in plan.downgrade.enumerated() { lines.append("  \(index + 1). \(statement)") }
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ plan: Plan, file: String? = nil) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines: [String] = []
        lines.append("### Catalogue migration plan: \(cell(plan.message))")
        lines.append("")
        lines.append(
            "Base `\(plan.base.fingerprint.prefix(19))…` (\(cell(plan.base.source)), snapshot \(plan.base.takenAt)) → models `\(cell(plan.target.models))`. Digest `\(PlanFile.digest(of: plan))`."
        )
        lines.append("")
        if !plan.target.incompleteModels.isEmpty {
            lines.append(
                "**⚠ Planned on incomplete models** (`--allow-incomplete-models`): the model reader could not read")
            for diagnostic in plan.target.incompleteModels { lines.append("- `\(cell(diagnostic))`") }
            lines.append("")
        }
        if plan.isEmpty {
            lines.append("No changes: the catalogue matches the models.")
            return lines.joined(separator: "\n")
        }
        if !plan.warnings.isEmpty {
            for warning in plan.warnings {
                let marker =
                    warning.kind == .destructive
                    ? "**⚠ destructive:**" : warning.kind == .irreversible ? "**⚠ irreversible:**" : "**note:**"
                lines.append("- \(marker) \(cell(warning.message))")
            }
            lines.append("")
        }
        lines.append("| change | count | items |")
        lines.append("|---|---|---|")
        for (name, entries) in categories(plan.changes) {
            lines.append("| `\(name)` | \(entries.count) | \(cell(entries.joined(separator: "; "))) |")
        }
        lines.append("")
        for (title, statements) in [("Upgrade SQL", plan.upgrade), ("Downgrade SQL", plan.downgrade)] {
            lines.append("<details><summary>\(title) (\(statements.count) statements)</summary>")
            lines.append("")
            lines.append("```sql")
            for statement in statements { lines.append(statement + ";") }
            lines.append("```")
            lines.append("")
            lines.append("</details>")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ plan: Plan) -> String {
        var object: [String: Any] = [
            "format_version": plan.formatVersion, "message": plan.message, "tool_version": plan.toolVersion,
            "created_at": plan.createdAt, "digest": PlanFile.digest(of: plan),
            "base": [
                "fingerprint": plan.base.fingerprint, "source": plan.base.source, "taken_at": plan.base.takenAt,
                "alembic_versions": plan.base.alembicVersions,
            ],
            "target": [
                "models": plan.target.models, "fingerprint": plan.target.fingerprint,
                "incomplete_models": plan.target.incompleteModels,
            ] as [String: Any],
            "warnings": plan.warnings.map { ["kind": $0.kind.rawValue, "message": $0.message] },
            "upgrade": plan.upgrade, "downgrade": plan.downgrade,
        ]
        var changes: [String: Any] = [:]
        for (name, entries) in categories(plan.changes) { changes[name] = entries }
        object["changes"] = changes
        var answers: [String: Any] = ["inputs": plan.answers.inputs]
        if let updates = plan.answers.updates {
            answers["updates"] =
                [
                    "fixed_inputs": updates.fixedInputs, "resource_types": updates.resourceTypes,
                    "block_resource_types": updates.blockResourceTypes, "products": updates.products,
                    "product_blocks": updates.productBlocks,
                ] as [String: Any]
        }
        object["answers"] = answers
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
