import Catalogue

/// `plan show --format markdown`: a plan for a pull-request comment or a GitHub step summary. The summary first,
/// the changes as a `diff` block (GitHub colours `+` and `-`), the warnings, a Mermaid graph of the products and
/// blocks the plan touches, and the SQL collapsed; the whole kept under GitHub's comment limit.
public enum PlanMarkdown {
    /// GitHub refuses comments over 65,536 characters; the SQL is cut to stay under it.
    public static let limit = 65_536

    public static func render(_ plan: Plan, file: String? = nil, limit: Int = Self.limit) -> String {
        func cell(_ text: String) -> String {
            TextEscaping.replacingBytes(text) { $0 == UInt8(ascii: "|") ? "\\|" : $0 == UInt8(ascii: "\n") ? " " : nil }
        }
        var lines: [String] = []
        lines.append("### Catalogue migration plan: \(cell(plan.message))")
        lines.append("")
        let digest = PlanFile.digest(of: plan)
        if plan.isEmpty {
            lines.append("No changes: the catalogue matches the models. Digest `\(digest)`.")
            return lines.joined(separator: "\n")
        }
        let overview = PlanOverview(plan)
        lines.append("**\(overview.summaryLine)**")
        lines.append("")
        lines.append("| | add | change | remove |")
        lines.append("|---|---:|---:|---:|")
        for subject in PlanOverview.Subject.allCases {
            let counts = PlanOverview.Action.allCases.map { String(overview.count(subject, $0)) }
            lines.append("| \(subject.rawValue)s | \(counts.joined(separator: " | ")) |")
        }
        lines.append("")
        lines.append(
            "Base `\(plan.base.fingerprint.prefix(19))…` (\(cell(plan.base.source)), snapshot \(plan.base.takenAt)) → models `\(cell(plan.target.models))`. Digest `\(digest)`."
        )
        lines.append("")
        if !plan.target.incompleteModels.isEmpty {
            lines.append(
                "**⚠ Planned on incomplete models** (`--allow-incomplete-models`): the model reader could not read")
            for diagnostic in plan.target.incompleteModels { lines.append("- `\(cell(diagnostic))`") }
            lines.append("")
        }
        lines.append("```diff")
        for item in overview.items {
            lines.append(PlanRenderer.heading(item))
            for (text, _) in PlanRenderer.body(item) {
                // The detail's own marker leads the line, so `diff` colours it.
                let marker = text.first.map { "+~-".contains($0) ? String($0) : " " } ?? " "
                lines.append(marker == " " ? "      \(text)" : "\(marker)     \(text.dropFirst(2))")
            }
        }
        lines.append("```")
        lines.append("")
        if !plan.warnings.isEmpty {
            for warning in plan.warnings {
                let marker =
                    warning.kind == .destructive
                    ? "**⚠ destructive:**" : warning.kind == .irreversible ? "**⚠ irreversible:**" : "**note:**"
                lines.append("- \(marker) \(cell(warning.message))")
            }
            lines.append("")
        }
        lines += mermaid(plan, overview)
        var text = lines.joined(separator: "\n")
        for (title, statements) in [("Upgrade SQL", plan.upgrade), ("Downgrade SQL", plan.downgrade)] {
            text += "\n" + sqlSection(title, statements, budget: limit - text.utf8.count - 2_000, file: file)
        }
        return text
    }

    /// The SQL in a collapsed section, each statement laid out over lines; what does not fit the budget is left
    /// to the plan file.
    static func sqlSection(_ title: String, _ statements: [String], budget: Int, file: String?) -> String {
        var lines = ["<details><summary>\(title) (\(statements.count) statements)</summary>", "", "```sql"]
        var used = 0
        var shown = 0
        for statement in statements {
            let formatted = SQLFormatter.format(statement) + ";"
            guard used + formatted.utf8.count < budget / 2 else { break }
            lines.append(formatted)
            used += formatted.utf8.count + 1
            shown += 1
        }
        lines.append("```")
        if shown < statements.count {
            lines.append("")
            lines.append(
                "\(statements.count - shown) more statements do not fit in a comment: read them in the plan file\(file.map { " (`\($0)`)" } ?? "") or with `orchestrator-planner plan show`."
            )
        }
        lines += ["", "</details>", ""]
        return lines.joined(separator: "\n")
    }

    /// A Mermaid graph of the products and blocks the plan touches: added green, removed red, changed yellow,
    /// renamed with both names; root-block and block relations added (solid) or removed (dotted).
    static func mermaid(_ plan: Plan, _ overview: PlanOverview) -> [String] {
        var ids: [String: String] = [:]
        var nodes: [String] = []
        func node(_ subject: PlanOverview.Subject, _ name: String, label: String? = nil, style: String? = nil) -> String
        {
            let key = "\(subject.rawValue)\u{0}\(name)"
            if let id = ids[key] { return id }
            let id = "n\(ids.count)"
            ids[key] = id
            let text = (label ?? name).unicodeScalars.map { $0 == "\"" ? "#quot;" : String($0) }.joined()
            let shape = subject == .product ? "([\"\(text)\"])" : "[\"\(text)\"]"
            nodes.append("  \(id)\(shape)\(style.map { ":::\($0)" } ?? "")")
            return id
        }
        let styles: [PlanOverview.Action: String] = [.add: "added", .remove: "removed", .change: "changed"]
        for item in overview.items where item.subject == .product || item.subject == .productBlock {
            let label = item.newName.map { "\(item.name) → \($0)" }
            _ = node(item.subject, item.name, label: label, style: styles[item.action])
        }
        var edges: [String] = []
        let c = plan.changes
        for (block, products) in c.createProductToBlockRelations.sorted(by: { utf8Order($0.key, $1.key) }) {
            for product in products { edges.append("  \(node(.product, product)) --> \(node(.productBlock, block))") }
        }
        for (block, products) in c.deleteProductToBlockRelations.sorted(by: { utf8Order($0.key, $1.key) }) {
            for product in products {
                edges.append("  \(node(.product, product)) -.->|removed| \(node(.productBlock, block))")
            }
        }
        for (dependency, relations) in c.createProductBlockRelations.sorted(by: { utf8Order($0.key, $1.key) }) {
            for relation in relations {
                edges.append(
                    "  \(node(.productBlock, relation.inUseBy)) -->|\(relation.attribute)| \(node(.productBlock, dependency))"
                )
            }
        }
        for (dependency, blocks) in c.deleteProductBlockRelations.sorted(by: { utf8Order($0.key, $1.key) }) {
            for block in blocks {
                edges.append("  \(node(.productBlock, block)) -.->|removed| \(node(.productBlock, dependency))")
            }
        }
        guard !nodes.isEmpty else { return [] }
        return ["```mermaid", "graph LR"] + nodes + edges + [
            "  classDef added fill:#dafbe1,stroke:#1a7f37", "  classDef removed fill:#ffebe9,stroke:#cf222e",
            "  classDef changed fill:#fff8c5,stroke:#9a6700", "```", "",
        ]
    }
}
