import Catalogue

/// What can be chosen and what was chosen, for `migrate-workflows`/`migrate-tasks` (menus) and `plan workflows|tasks`
/// (`--choices`): the lists orchestrator-core offers, sorted by name, and the changes built from the choices with
/// its bugs fixed (an existing workflow is only linked; every dangling one is deleted; chosen tasks are excluded).
public struct WorkflowSelection: Sendable {
    public let kind: WorkflowChanges.Kind
    public let catalogue: WorkflowCatalogue
    public let registry: WorkflowRegistry
    public private(set) var changes: WorkflowChanges

    public init(kind: WorkflowChanges.Kind, catalogue: WorkflowCatalogue, registry: WorkflowRegistry) {
        self.kind = kind
        self.catalogue = catalogue
        self.registry = registry
        changes = WorkflowChanges(kind: kind)
    }

    /// Names already added or deleted (not offered again).
    public var chosen: Set<String> { Set(changes.add.map(\.name) + changes.delete.map(\.name)) }

    // MARK: - What orchestrator-core offers

    /// Registered workflows that are not tasks in the catalogue, by name (`registered_non_system_workflows`).
    public var registeredWorkflows: [String] {
        let tasks = Set(catalogue.tasks.map(\.name))
        return registry.sortedNames.filter { !tasks.contains($0) }
    }

    /// Workflows of the catalogue with products, by product type, target and name (the delete menu).
    public var deletableWorkflows: [Workflow] {
        catalogue.workflows.filter { catalogue.productsOfWorkflow[$0.name] != nil }.sorted {
            let a = (catalogue.productType(of: $0.name) ?? "", $0.target, $0.name)
            let b = (catalogue.productType(of: $1.name) ?? "", $1.target, $1.name)
            if a.0 != b.0 { return utf8Order(a.0, b.0) }
            if a.1 != b.1 { return utf8Order(a.1, b.1) }
            return utf8Order(a.2, b.2)
        }
    }

    /// Catalogue workflows no code registers (tasks included), by name.
    public var unregisteredWorkflows: [Workflow] { catalogue.workflows.filter { registry[$0.name] == nil } }

    /// Registered tasks (target SYSTEM or VALIDATE) that are not tasks in the catalogue (`available_tasks`).
    public var availableTasks: [String] {
        let tasks = Set(catalogue.tasks.map(\.name))
        return registry.sortedNames.filter { registry[$0]?.isTask == true && !tasks.contains($0) }
    }

    /// The catalogue's tasks, by description then name (the delete menu).
    public var deletableTasks: [Workflow] {
        catalogue.tasks.sorted {
            $0.description == $1.description ? utf8Order($0.name, $1.name) : utf8Order($0.description, $1.description)
        }
    }

    /// Catalogue tasks that are not registered as tasks (`unregistered_tasks`).
    public var unregisteredTasks: [Workflow] { catalogue.tasks.filter { registry[$0.name]?.isTask != true } }

    // MARK: - Choosing

    /// Adds a registered workflow to a product type's products. An existing workflow is only linked: the typed
    /// description is then not used (the catalogue's stays).
    public mutating func addWorkflow(_ name: String, productType: String, description: String) throws(WorkflowsError) {
        guard let registration = registry[name] else {
            throw WorkflowsError(
                .unknownName, "workflow \(TextEscaping.shown(name)) is not registered (no LazyWorkflowInstance for it)")
        }
        guard let target = registration.target else {
            throw WorkflowsError(
                .unknownName,
                "workflow \(name) is registered at \(registration.location), but its function could not be read, so its target is unknown (see the notes above)"
            )
        }
        guard catalogue.productsOfType[productType] != nil else {
            throw WorkflowsError(
                .unknownName,
                "product type \(TextEscaping.shown(productType)) is not in the snapshot (product types: \(catalogue.productTypes.joined(separator: ", ")))"
            )
        }
        if let existing = catalogue[name] {
            let linked = (catalogue.productsOfWorkflow[name] ?? []).filter {
                catalogue.productTypeOfProduct[$0] == productType
            }
            changes.add.append(
                .init(
                    name: name, target: existing.target, description: existing.description, productType: productType,
                    existing: true, alreadyLinked: linked))
            return
        }
        guard !description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WorkflowsError(.invalidChoices, "workflow \(name) needs a description (it is new to the catalogue)")
        }
        changes.add.append(.init(name: name, target: target, description: description, productType: productType))
    }

    /// Adds a registered task; one already in the catalogue (as a workflow) is kept as it is: nothing to add.
    public mutating func addTask(_ name: String) throws(WorkflowsError) {
        guard let registration = registry[name], registration.isTask else {
            throw WorkflowsError(
                .unknownName,
                "\(TextEscaping.shown(name)) is not a registered task (a LazyWorkflowInstance whose target is SYSTEM or VALIDATE)"
            )
        }
        let existing = catalogue[name]
        changes.add.append(
            .init(
                name: name, target: existing?.target ?? "SYSTEM",
                description: existing?.description ?? registration.description, existing: existing != nil))
    }

    /// Deletes a workflow (or task) of the catalogue, registered or not.
    public mutating func delete(_ name: String) throws(WorkflowsError) {
        guard let workflow = catalogue[name] else {
            throw WorkflowsError(.unknownName, "\(TextEscaping.shown(name)) is not in the snapshot's workflows")
        }
        if kind == .tasks && !workflow.isTask {
            throw WorkflowsError(.unknownName, "\(name) is a workflow, not a task: delete it with plan workflows")
        }
        guard !chosen.contains(name) else { return }
        changes.delete.append(catalogue.deletion(workflow))
    }

    /// Every dangling workflow (with products) or task, not only the first few as orchestrator-core's `zip` does.
    public mutating func deleteDangling() {
        let dangling =
            kind == .workflows
            ? unregisteredWorkflows.filter { catalogue.productsOfWorkflow[$0.name] != nil } : unregisteredTasks
        for workflow in dangling where !chosen.contains(workflow.name) {
            changes.delete.append(catalogue.deletion(workflow))
        }
    }

    /// The same choices without anything chosen (orchestrator-core's `q`).
    public mutating func reset() { changes = WorkflowChanges(kind: kind) }
}
