/// What a workflow or task plan changes (`plan workflows`, `plan tasks`, `db migrate-workflows`, `db migrate-tasks`):
/// workflows added to a product type's products, workflows deleted, tasks added or deleted.
public struct WorkflowChanges: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case workflows, tasks
    }

    /// A workflow linked to a product type (workflows), or a task added (tasks).
    public struct Added: Hashable, Sendable {
        public var name: String
        /// The registered target (tasks are stored with `SYSTEM`, as orchestrator-core's `create_task` does).
        public var target: String
        /// The description given (workflows) or the code's (tasks).
        public var description: String
        /// The product type whose products get the workflow (workflows only).
        public var productType: String?
        /// The workflow is already in the catalogue: it is only linked to the product type's products and keeps the
        /// catalogue's description; the downgrade unlinks what the upgrade linked and never deletes it. For a task:
        /// nothing is added, and nothing is deleted on downgrade.
        public var existing: Bool
        /// With `existing`: the products of the product type that were linked before (the downgrade leaves them).
        public var alreadyLinked: [String]
        /// Stored as a task (`is_task`): a generated product's validate workflow, as orchestrator-core stores it.
        public var isTask: Bool

        public init(
            name: String, target: String, description: String, productType: String? = nil, existing: Bool = false,
            alreadyLinked: [String] = [], isTask: Bool = false
        ) {
            self.isTask = isTask
            self.name = name
            self.target = target
            self.description = description
            self.productType = productType
            self.existing = existing
            self.alreadyLinked = alreadyLinked
        }
    }

    /// A workflow or task deleted from the catalogue (its products_workflows rows go with it).
    public struct Deleted: Hashable, Sendable {
        public var name: String
        public var target: String
        public var description: String
        /// The product type of its products (the first by name), restored by the downgrade; nil for a task or a
        /// workflow without products.
        public var productType: String?
        public var isTask: Bool
        /// Processes that reference it in the snapshot (nil: the snapshot did not count them). Deleting it then
        /// fails: processes are never deleted by a plan.
        public var processes: Int?

        public init(
            name: String, target: String, description: String, productType: String?, isTask: Bool, processes: Int?
        ) {
            self.name = name
            self.target = target
            self.description = description
            self.productType = productType
            self.isTask = isTask
            self.processes = processes
        }
    }

    public var kind: Kind
    public var add: [Added]
    public var delete: [Deleted]

    public init(kind: Kind, add: [Added] = [], delete: [Deleted] = []) {
        self.kind = kind
        self.add = add
        self.delete = delete
    }

    public var isEmpty: Bool { add.isEmpty && delete.isEmpty }
}
