import Catalogue

/// A reviewable migration plan: what it was planned against, what changes, every answer, the warnings, and the
/// exact SQL. Written as YAML (docs/plan-format.md) with a digest over all of it.
public struct Plan: Hashable, Sendable {
    /// The format this build writes; it reads this one and version 1 (which had no `impact` section).
    public static let formatVersion = 2
    public static let readableFormats: Set<Int> = [1, 2]

    public var formatVersion = Plan.formatVersion
    public var message: String
    public var toolVersion: String
    /// UTC, ISO 8601; from an injectable clock.
    public var createdAt: String
    public var base: Base
    public var target: Target
    public var changes: ChangeSet
    public var answers: PlanAnswers
    /// The snapshot's counts of what the plan touches (empty in a version-1 plan).
    public var impact: Impact
    public var warnings: [Warning]
    /// The workflows or tasks a workflow plan (`plan workflows|tasks`) adds and deletes; nil for a domain-model plan
    /// (then not written, so the digest of such a plan is what it was).
    public var workflows: WorkflowChanges?
    public var upgrade: [String]
    public var downgrade: [String]

    /// The snapshot the plan was made against.
    public struct Base: Hashable, Sendable {
        public var fingerprint: String
        public var source: String
        public var takenAt: String
        public var alembicVersions: [String]

        public init(fingerprint: String, source: String, takenAt: String, alembicVersions: [String]) {
            self.fingerprint = fingerprint
            self.source = source
            self.takenAt = takenAt
            self.alembicVersions = alembicVersions
        }
    }

    /// The models it was planned for.
    public struct Target: Hashable, Sendable {
        /// `python:<root> (package <name>)` or `yaml:<file>`.
        public var models: String
        public var fingerprint: String
        /// What the model reader could not read, when the plan was made anyway (`--allow-incomplete-models`), as
        /// `file:line: message`; empty otherwise (and then not written, so older plans keep their digest).
        public var incompleteModels: [String]

        public init(models: String, fingerprint: String, incompleteModels: [String] = []) {
            self.models = models
            self.fingerprint = fingerprint
            self.incompleteModels = incompleteModels
        }
    }

    /// How much of the catalogue's data the changes touch, counted in the snapshot: the subscriptions of each
    /// product, the instances of each product block, and the values of each resource type per block, for the names
    /// the plan changes.
    public struct Impact: Hashable, Sendable {
        public var subscriptions: [String: Int]
        public var instances: [String: Int]
        /// Product block → resource type → values.
        public var values: [String: [String: Int]]

        public init(
            subscriptions: [String: Int] = [:], instances: [String: Int] = [:], values: [String: [String: Int]] = [:]
        ) {
            self.subscriptions = subscriptions
            self.instances = instances
            self.values = values
        }

        /// The values of a resource type over all blocks.
        public func values(of resourceType: String) -> Int {
            values.values.reduce(0) { $0 + ($1[resourceType] ?? 0) }
        }
    }

    public struct Warning: Hashable, Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// Deletes subscriptions, instances or values.
            case destructive
            /// The downgrade cannot bring something back.
            case irreversible
            /// Something orchestrator-core would also warn about, or a limit of the migration.
            case notice
            /// The SQL will fail as the snapshot stands (a workflow that processes still use), changing nothing.
            case fails
        }

        public var kind: Kind
        public var message: String
        /// What it is about (`product`, `product block`, `resource type`), when it is about one thing.
        public var subject: String?
        public var name: String?

        public init(_ kind: Kind, _ message: String, subject: String? = nil, name: String? = nil) {
            self.kind = kind
            self.message = message
            self.subject = subject
            self.name = name
        }
    }

    public init(
        message: String, toolVersion: String, createdAt: String, base: Base, target: Target, changes: ChangeSet,
        answers: PlanAnswers, impact: Impact = Impact(), warnings: [Warning], upgrade: [String], downgrade: [String]
    ) {
        self.message = message
        self.toolVersion = toolVersion
        self.createdAt = createdAt
        self.base = base
        self.target = target
        self.changes = changes
        self.answers = answers
        self.impact = impact
        self.warnings = warnings
        self.upgrade = upgrade
        self.downgrade = downgrade
    }

    /// True when the catalogue already matches the models.
    public var isEmpty: Bool { upgrade.isEmpty && downgrade.isEmpty }

    public var isDestructive: Bool { warnings.contains { $0.kind == .destructive } }
}

extension ModelSet {
    /// A fingerprint of the model set (what the plan's target was): SHA-256 over its canonical JSON.
    public var fingerprint: String {
        var lines: [String] = []
        for (name, product) in products {
            lines.append(
                CanonicalText.line(["product", name, product.productType, product.productBlocks.joined(separator: ",")])
            )
            for (input, model) in product.fixedInputs {
                lines.append(
                    CanonicalText.line(["fixed_input", name, input, model.type, model.values?.joined(separator: ",")]))
            }
        }
        for (name, block) in productBlocks {
            lines.append(CanonicalText.line(["product_block", name, block.resourceTypes.joined(separator: ",")]))
            for (dependency, relation) in block.dependsOn {
                for (attribute, bounds) in relation.attributes {
                    lines.append(
                        CanonicalText.line([
                            "depends_on", name, dependency, attribute, bounds.min.map(String.init),
                            bounds.max.map(String.init),
                        ]))
                }
            }
        }
        return "sha256:" + SHA256.hex(CanonicalText.document(header: "orchestrator-planner model set 1", lines: lines))
    }
}
