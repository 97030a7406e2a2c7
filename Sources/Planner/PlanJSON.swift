import Catalogue
import Foundation

/// `plan show --format json`: the plan for programs (docs/plan-format.md, "JSON"): the summary, the changes as
/// structured items (action, subject, names, counts, chosen values, destructive flag), the warnings with what they
/// are about and its counts, the answers and the SQL.
public enum PlanJSON {
    struct Document: Encodable {
        var formatVersion: Int
        var message: String
        var toolVersion: String
        var createdAt: String
        var digest: String
        var base: Base
        var target: Target
        var summary: [String: [String: Int]]
        var changes: [PlanOverview.Item]
        var categories: [String: [String]]
        var warnings: [Warning]
        var answers: Answers
        var upgrade: [String]
        var downgrade: [String]

        enum CodingKeys: String, CodingKey {
            case formatVersion = "format_version", message, toolVersion = "tool_version", createdAt = "created_at"
            case digest, base, target, summary, changes, categories, warnings, answers, upgrade, downgrade
        }
    }

    struct Base: Encodable {
        var fingerprint, source, takenAt: String
        var alembicVersions: [String]
        enum CodingKeys: String, CodingKey {
            case fingerprint, source, takenAt = "taken_at", alembicVersions = "alembic_versions"
        }
    }

    struct Target: Encodable {
        var models, fingerprint: String
        var incompleteModels: [String]
        enum CodingKeys: String, CodingKey { case models, fingerprint, incompleteModels = "incomplete_models" }
    }

    struct Warning: Encodable {
        var kind, message: String
        var subject, name: String?
        var counts: [String: Int]
    }

    struct Answers: Encodable {
        var inputs: [String: [String: String]]
        var updates: Updates?
    }

    struct Updates: Encodable {
        var fixedInputs: [String: [String: String]]
        var resourceTypes: [String: String]
        var blockResourceTypes: [String: [String: String]]
        var products: [String: String]
        var productBlocks: [String: String]
        enum CodingKeys: String, CodingKey {
            case fixedInputs = "fixed_inputs", resourceTypes = "resource_types"
            case blockResourceTypes = "block_resource_types", products, productBlocks = "product_blocks"
        }
    }

    public static func render(_ plan: Plan) -> String {
        let overview = PlanOverview(plan)
        var summary: [String: [String: Int]] = [:]
        for subject in PlanOverview.Subject.allCases {
            summary[subject.rawValue] = Dictionary(
                uniqueKeysWithValues: PlanOverview.Action.allCases.map { ($0.rawValue, overview.count(subject, $0)) })
        }
        let warnings = plan.warnings.map { warning -> Warning in
            var counts: [String: Int] = [:]
            if let name = warning.name {
                switch warning.subject {
                case "product": counts["subscriptions"] = plan.impact.subscriptions[name]
                case "product block": counts["instances"] = plan.impact.instances[name]
                case "resource type": counts["values"] = plan.impact.values(of: name)
                default: break
                }
            }
            return Warning(
                kind: warning.kind.rawValue, message: warning.message, subject: warning.subject, name: warning.name,
                counts: counts)
        }
        let updates = plan.answers.updates.map { u in
            Updates(
                fixedInputs: u.fixedInputs, resourceTypes: u.resourceTypes, blockResourceTypes: u.blockResourceTypes,
                products: u.products, productBlocks: u.productBlocks)
        }
        let document = Document(
            formatVersion: plan.formatVersion, message: plan.message, toolVersion: plan.toolVersion,
            createdAt: plan.createdAt,
            digest: PlanFile.digest(of: plan),
            base: Base(
                fingerprint: plan.base.fingerprint, source: plan.base.source, takenAt: plan.base.takenAt,
                alembicVersions: plan.base.alembicVersions),
            target: Target(
                models: plan.target.models, fingerprint: plan.target.fingerprint,
                incompleteModels: plan.target.incompleteModels),
            summary: summary, changes: overview.items,
            categories: Dictionary(uniqueKeysWithValues: PlanRenderer.categories(plan.changes)),
            warnings: warnings, answers: Answers(inputs: plan.answers.inputs, updates: updates),
            upgrade: plan.upgrade, downgrade: plan.downgrade)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        // Laid out by JSONValue: `{}` for an empty object, as the answers files are.
        return (try? JSONValue.parse(String(decoding: data, as: UTF8.self)))?.prettyText
            ?? String(decoding: data, as: UTF8.self)
    }
}
