import Catalogue
import Foundation

/// `plan show` and `plan`'s summary: the plan as terminal text (summary first, then the changes with `+`/`~`/`-`
/// markers, counts and chosen values, the warnings, and the SQL laid out over lines). Markdown is in
/// `PlanMarkdown`, JSON in `PlanJSON`.
public enum PlanRenderer {
    /// Non-empty categories as (name, lines), for `plan --check` and orchestrator-core-style listings.
    public static func categories(_ c: ChangeSet) -> [(String, [String])] {
        func groups(_ groups: [String: [String]], _ arrow: String) -> [String] {
            groups.keys.byteSorted().map { "\($0) \(arrow) \((groups[$0] ?? []).joined(separator: ", "))" }
        }
        func renames(_ map: [String: String]) -> [String] { map.keys.byteSorted().map { "\($0) → \(map[$0] ?? "")" } }
        func nested(_ nested: [String: [String: String]]) -> [String] {
            nested.keys.byteSorted().flatMap { owner in renames(nested[owner] ?? [:]).map { "\(owner): \($0)" } }
        }
        let all: [(String, [String])] = [
            ("create_products", c.createProducts),
            ("delete_products", c.deleteProducts),
            ("rename_products", renames(c.renameProducts)),
            ("create_product_fixed_inputs", groups(c.createProductFixedInputs, "on")),
            ("update_product_fixed_inputs", nested(c.updateProductFixedInputs)),
            ("delete_product_fixed_inputs", groups(c.deleteProductFixedInputs, "from")),
            ("create_product_to_block_relations", groups(c.createProductToBlockRelations, "in")),
            ("delete_product_to_block_relations", groups(c.deleteProductToBlockRelations, "from")),
            ("create_resource_types", c.createResourceTypes),
            ("rename_resource_types", renames(c.renameResourceTypes)),
            ("delete_resource_types", c.deleteResourceTypes),
            ("create_resource_type_relations", groups(c.createResourceTypeRelations, "on")),
            ("delete_resource_type_relations", groups(c.deleteResourceTypeRelations, "from")),
            ("update_block_resource_types", nested(c.updateBlockResourceTypes)),
            ("create_product_blocks", c.createProductBlocks),
            ("rename_product_blocks", renames(c.renameProductBlocks)),
            ("delete_product_blocks", c.deleteProductBlocks),
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

    /// The summary table: added, changed and removed products, product blocks, resource types and workflows.
    static func summaryTable(_ overview: PlanOverview) -> [String] {
        var lines = [overview.summaryLine]
        let width = PlanOverview.Subject.allCases.map { $0.rawValue.count + 1 }.max() ?? 15
        lines.append("  " + "".padding(toLength: width, withPad: " ", startingAt: 0) + "   add  change  remove")
        for subject in PlanOverview.Subject.allCases {
            let numbers = PlanOverview.Action.allCases.map { String(overview.count(subject, $0)) }
            let cells = zip(numbers, [6, 8, 8]).map { String(repeating: " ", count: max(0, $1 - $0.count)) + $0 }
            lines.append(
                "  " + (subject.rawValue + "s").padding(toLength: width, withPad: " ", startingAt: 0) + cells.joined())
        }
        return lines
    }

    /// One line for a change: marker, subject, name (and new name), and the counts it touches.
    public static func heading(_ item: PlanOverview.Item) -> String {
        var text = "\(item.action.marker) \(item.subject.rawValue) \(TextEscaping.jsonQuote(item.name))"
        if let newName = item.newName { text += " → \(TextEscaping.jsonQuote(newName))" }
        let counts = item.counts.keys.sorted().map { key -> String in
            let number = item.counts[key] ?? 0
            // The counts' keys are plural nouns (`subscriptions`, `processes`).
            let singular = key.hasSuffix("sses") ? String(key.dropLast(2)) : String(key.dropLast())
            return Warnings.count(number, singular)
        }
        if !counts.isEmpty { text += " (\(counts.joined(separator: ", ")))" }
        return text
    }

    /// The lines of an item under its heading: the answers used, then the details.
    static func body(_ item: PlanOverview.Item) -> [(text: String, destructive: Bool)] {
        var lines: [(String, Bool)] = []
        let shown = ["description", "tag"].compactMap { key in
            item.values[key].map { "\(key) \(TextEscaping.jsonQuote($0))" }
        }
        if !shown.isEmpty { lines.append((shown.joined(separator: ", "), false)) }
        for detail in item.details { lines.append(("\(detail.action.marker) \(detail.text)", detail.destructive)) }
        return lines
    }

    /// The summary table, the changes with their `+`/`~`/`-` markers, counts and values, and the warnings;
    /// `colour` marks destructive lines in red.
    public static func changeLines(_ plan: Plan, colour: Bool = false) -> [String] {
        func red(_ text: String, _ destructive: Bool) -> String {
            colour && destructive ? "\u{1B}[31m\(text)\u{1B}[0m" : text
        }
        let overview = PlanOverview(plan)
        var lines = summaryTable(overview)
        lines.append("")
        for item in overview.items {
            lines.append(red(heading(item), item.destructive))
            for (text, destructive) in body(item) { lines.append(red("    \(text)", destructive)) }
        }
        if !plan.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings")
            for warning in plan.warnings {
                lines.append(red("  [\(warning.kind.rawValue)] \(warning.message)", warning.kind == .destructive))
            }
        }
        return lines
    }

    /// `includeSQL: false` gives the summary `plan` prints; `colour` marks destructive lines in red (a terminal
    /// without NO_COLOR); `digest` saves recomputing it when the caller has it.
    public static func text(
        _ plan: Plan, file: String? = nil, includeSQL: Bool = true, digest: String? = nil, colour: Bool = false
    ) -> String {
        func red(_ text: String, _ destructive: Bool) -> String {
            colour && destructive ? "\u{1B}[31m\(text)\u{1B}[0m" : text
        }
        var lines: [String] = []
        lines.append("Plan\(file.map { " \($0)" } ?? ""): \(plan.message)")
        lines.append("  base:    \(plan.base.source), snapshot \(plan.base.takenAt), \(plan.base.fingerprint)")
        lines.append("  target:  \(plan.target.models), \(plan.target.fingerprint)")
        lines.append("  digest:  \(digest ?? PlanFile.digest(of: plan))")
        if !plan.target.incompleteModels.isEmpty {
            lines.append("")
            lines.append(
                red("Planned on incomplete models (--allow-incomplete-models): the reader could not read", true))
            for diagnostic in plan.target.incompleteModels { lines.append("  \(diagnostic)") }
        }
        lines.append("")
        if plan.isEmpty {
            lines.append("No changes: the catalogue matches the models.")
            return lines.joined(separator: "\n")
        }
        lines += changeLines(plan, colour: colour)
        guard includeSQL else { return lines.joined(separator: "\n") }
        for (title, statements) in [("Upgrade", plan.upgrade), ("Downgrade", plan.downgrade)] {
            lines.append("")
            lines.append("\(title) (\(statements.count) statements)")
            for (index, statement) in statements.enumerated() {
                let number = "  \(index + 1). "
                let formatted = SQLFormatter.format(statement).split(separator: "\n", omittingEmptySubsequences: false)
                for (lineNumber, line) in formatted.enumerated() {
                    lines.append((lineNumber == 0 ? number : String(repeating: " ", count: number.count)) + line)
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
