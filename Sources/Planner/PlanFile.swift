import Catalogue
import Foundation
import Yams

/// Reads and writes plan files (docs/plan-format.md). The digest is the SHA-256 of the file's canonical text
/// without the digest lines, so a reader re-writes what it read and compares: any change of content is caught,
/// while comments and whitespace may change freely. Per-section digests name what was edited.
public enum PlanFile {
    /// The sections, in file order, each with its own digest (version 1 had no `impact`).
    public static let sections = [
        "header", "base", "target", "changes", "answers", "impact", "warnings", "upgrade", "downgrade",
    ]

    static func sections(of formatVersion: Int) -> [String] {
        formatVersion == 1 ? sections.filter { $0 != "impact" } : sections
    }

    public static func encode(_ plan: Plan) -> String { encodeWithDigest(plan).text }

    /// The file's text and the plan's digest, computed once.
    public static func encodeWithDigest(_ plan: Plan) -> (text: String, digest: String) {
        let parts = sectionTexts(plan)
        var out = "# orchestrator-planner plan: review it, then `orchestrator-planner apply` it.\n"
        out += "# Any edit other than to comments and whitespace invalidates the digest; re-plan instead.\n"
        for section in sections(of: plan.formatVersion) { out += parts[section] ?? "" }
        var digests = PlanYAMLWriter()
        let perSection = sectionDigests(parts, formatVersion: plan.formatVersion)
        digests.map("section_digests", perSection, level: 0)
        let planDigest = digest(sectionDigests: perSection, formatVersion: plan.formatVersion)
        digests.string("digest", planDigest, level: 0)
        return (out + digests.text, planDigest)
    }

    static func sectionDigests(_ parts: [String: String], formatVersion: Int) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: sections(of: formatVersion).map { ($0, "sha256:" + SHA256.hex(parts[$0] ?? "")) })
    }

    /// SHA-256 over the section digests in order: every byte is hashed once, for both kinds of digest.
    static func digest(sectionDigests: [String: String], formatVersion: Int) -> String {
        "sha256:" + SHA256.hex(sections(of: formatVersion).map { "\($0) \(sectionDigests[$0] ?? "")\n" }.joined())
    }

    /// The digest of a plan's content.
    public static func digest(of plan: Plan) -> String {
        digest(
            sectionDigests: sectionDigests(sectionTexts(plan), formatVersion: plan.formatVersion),
            formatVersion: plan.formatVersion)
    }

    static func sectionTexts(_ plan: Plan) -> [String: String] {
        var parts: [String: String] = [:]
        var header = PlanYAMLWriter()
        header.scalar("format_version", String(plan.formatVersion), level: 0)
        header.string("message", plan.message, level: 0)
        header.string("tool_version", plan.toolVersion, level: 0)
        header.string("created_at", plan.createdAt, level: 0)
        parts["header"] = header.text

        var base = PlanYAMLWriter()
        base.key("base", level: 0)
        base.string("fingerprint", plan.base.fingerprint, level: 1)
        base.string("source", plan.base.source, level: 1)
        base.string("taken_at", plan.base.takenAt, level: 1)
        base.strings("alembic_versions", plan.base.alembicVersions, level: 1)
        parts["base"] = base.text

        var target = PlanYAMLWriter()
        target.key("target", level: 0)
        target.string("models", plan.target.models, level: 1)
        target.string("fingerprint", plan.target.fingerprint, level: 1)
        if !plan.target.incompleteModels.isEmpty {
            target.strings("incomplete_models", plan.target.incompleteModels, level: 1)
        }
        parts["target"] = target.text

        var changes = PlanYAMLWriter()
        let c = plan.changes
        changes.key("changes", level: 0)
        changes.strings("create_products", c.createProducts, level: 1)
        changes.strings("delete_products", c.deleteProducts, level: 1)
        changes.map("rename_products", c.renameProducts, level: 1)
        changes.groups("create_product_fixed_inputs", c.createProductFixedInputs, level: 1)
        changes.nested("update_product_fixed_inputs", c.updateProductFixedInputs, level: 1)
        changes.groups("delete_product_fixed_inputs", c.deleteProductFixedInputs, level: 1)
        changes.groups("create_product_to_block_relations", c.createProductToBlockRelations, level: 1)
        changes.groups("delete_product_to_block_relations", c.deleteProductToBlockRelations, level: 1)
        changes.strings("create_resource_types", c.createResourceTypes, level: 1)
        changes.map("rename_resource_types", c.renameResourceTypes, level: 1)
        changes.strings("delete_resource_types", c.deleteResourceTypes, level: 1)
        changes.groups("create_resource_type_relations", c.createResourceTypeRelations, level: 1)
        changes.groups("delete_resource_type_relations", c.deleteResourceTypeRelations, level: 1)
        changes.nested("update_block_resource_types", c.updateBlockResourceTypes, level: 1)
        changes.strings("create_product_blocks", c.createProductBlocks, level: 1)
        changes.map("rename_product_blocks", c.renameProductBlocks, level: 1)
        changes.strings("delete_product_blocks", c.deleteProductBlocks, level: 1)
        if c.createProductBlockRelations.isEmpty {
            changes.scalar("create_product_block_relations", "{}", level: 1)
        } else {
            changes.key("create_product_block_relations", level: 1)
            for dependency in c.createProductBlockRelations.keys.byteSorted() {
                changes.records(
                    dependency,
                    (c.createProductBlockRelations[dependency] ?? []).map { relation in
                        [
                            ("in_use_by", PlanYAMLWriter.quote(relation.inUseBy)),
                            ("attribute", PlanYAMLWriter.quote(relation.attribute)),
                            ("min", relation.min.map(String.init) ?? "null"),
                            ("max", relation.max.map(String.init) ?? "null"),
                        ]
                    }, level: 2)
            }
        }
        changes.groups("delete_product_block_relations", c.deleteProductBlockRelations, level: 1)
        changes.groups("create_resource_type_instance_relations", c.createResourceTypeInstanceRelations, level: 1)
        if let workflows = plan.workflows { changes.workflows(workflows) }
        parts["changes"] = changes.text

        var answers = PlanYAMLWriter()
        answers.key("answers", level: 0)
        answers.nested("inputs", plan.answers.inputs, level: 1)
        if let updates = plan.answers.updates {
            answers.key("updates", level: 1)
            answers.nested("fixed_inputs", updates.fixedInputs, level: 2)
            answers.map("resource_types", updates.resourceTypes, level: 2)
            answers.nested("block_resource_types", updates.blockResourceTypes, level: 2)
            answers.map("products", updates.products, level: 2)
            answers.map("product_blocks", updates.productBlocks, level: 2)
        } else {
            answers.scalar("updates", "null", level: 1)
        }
        parts["answers"] = answers.text

        var impact = PlanYAMLWriter()
        impact.key("impact", level: 0)
        impact.counts("subscriptions", plan.impact.subscriptions, level: 1)
        impact.counts("instances", plan.impact.instances, level: 1)
        if plan.impact.values.isEmpty {
            impact.scalar("values", "{}", level: 1)
        } else {
            impact.key("values", level: 1)
            for block in plan.impact.values.keys.byteSorted() {
                impact.counts(block, plan.impact.values[block] ?? [:], level: 2)
            }
        }
        parts["impact"] = impact.text

        var warnings = PlanYAMLWriter()
        warnings.records(
            "warnings",
            plan.warnings.map { warning in
                var fields = [
                    ("kind", PlanYAMLWriter.quote(warning.kind.rawValue)),
                    ("message", PlanYAMLWriter.quote(warning.message)),
                ]
                // Version 1 warnings had only kind and message: their text (and digest) stays as it was.
                if plan.formatVersion >= 2, let subject = warning.subject, let name = warning.name {
                    fields += [("subject", PlanYAMLWriter.quote(subject)), ("name", PlanYAMLWriter.quote(name))]
                }
                return fields
            }, level: 0)
        parts["warnings"] = warnings.text

        var upgrade = PlanYAMLWriter()
        upgrade.strings("upgrade", plan.upgrade, level: 0)
        parts["upgrade"] = upgrade.text
        var downgrade = PlanYAMLWriter()
        downgrade.strings("downgrade", plan.downgrade, level: 0)
        parts["downgrade"] = downgrade.text
        return parts
    }

    // MARK: - Reading

    /// Reads the plan file at `path` and checks its digest.
    public static func read(path: String, verifyDigest: Bool = true) throws(PlannerError) -> Plan {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path)
        } catch {
            if let bytes = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4096),
                let kind = PlanFileKind.notAPlan(bytes, path: path)
            {
                throw PlannerError(.invalidPlan, kind)
            }
            throw PlannerError(.invalidPlan, "cannot read the plan: \(error)")
        }
        if let kind = PlanFileKind.notAPlan(Data(text.utf8.prefix(4096)), path: path) {
            throw PlannerError(.invalidPlan, kind)
        }
        return try decode(text, file: path, verifyDigest: verifyDigest)
    }

    /// libyaml's problem with its position, on one line (Yams' own description quotes the input).
    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case .reader(let problem, let offset, _, _):
            return "byte \(offset ?? 0): \(problem)"
        default:
            return String("\(error)".split(separator: "\n").first ?? "")
        }
    }

    /// Reads a plan and checks its digest. `file` names it in errors.
    /// `verifyDigest: false` reads an edited plan (for `--answers`, which re-plans anyway).
    public static func decode(_ text: String, file: String, verifyDigest: Bool = true) throws(PlannerError) -> Plan {
        let node: Node
        do {
            // No tag resolution: every value of a plan is a string (or `null` in known places), and resolving tags
            // runs regular expressions over every scalar.
            guard let parsed = try Yams.compose(yaml: text, .basic) else {
                throw PlannerError(.invalidPlan, "\(file) is empty")
            }
            node = parsed
        } catch let error as PlannerError {
            throw error
        } catch let error as YamlError {
            throw PlannerError(.invalidPlan, "\(file) is not a readable plan (YAML): \(Self.describe(error))")
        } catch {
            throw PlannerError(.invalidPlan, "\(file) is not a readable plan (YAML)")
        }
        let reader = PlanNodeReader(file: file, scalars: ExactScalars(text))
        let plan = try reader.plan(node)
        guard verifyDigest else { return plan }
        let storedDigest = try reader.string(node, "digest")
        let current = sectionDigests(sectionTexts(plan), formatVersion: plan.formatVersion)
        guard digest(sectionDigests: current, formatVersion: plan.formatVersion) == storedDigest else {
            var edited: [String] = []
            if let stored = node["section_digests"] {
                edited = sections(of: plan.formatVersion).filter { stored[$0]?.string != current[$0] }
            }
            let which = edited.isEmpty ? "" : " (changed: \(edited.joined(separator: ", ")))"
            throw PlannerError(
                .invalidPlan,
                "\(file) was edited after it was planned\(which); its digest no longer matches. Re-plan (with --answers \(file) to keep the answers) instead of editing it"
            )
        }
        return plan
    }
}
