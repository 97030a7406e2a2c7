import Catalogue

/// The SQL of a workflow or task plan, and the same as an orchestrator-core revision: its helper calls
/// (`create_workflow`, `delete_workflow`, `create_task`) with the lists in the preamble, so real Alembic in an
/// orchestrator-core project runs it, plus our own statements where the helpers would do the wrong thing (linking a
/// workflow that already exists, unlinking it on downgrade, refusing to delete a workflow that processes use).
/// `apply --execute` runs `upgrade(_:)`, the statements the helpers run, with the values bound as literals.
public enum WorkflowSQL {
    /// The dollar-quote tag of the guard blocks; a name containing it is refused.
    static let tag = "$orchestrator_planner$"

    public static func upgrade(_ changes: WorkflowChanges) throws(WorkflowsError) -> [String] {
        var statements: [String] = []
        for added in changes.add {
            switch (changes.kind, added.existing) {
            case (.workflows, false):
                statements.append(
                    try createWorkflow(
                        added.name, added.target, added.description, added.productType, isTask: added.isTask))
            case (.workflows, true): statements.append(try link(added))
            case (.tasks, false): statements.append(try createTask(added.name, added.description))
            case (.tasks, true): continue
            }
        }
        for deleted in changes.delete { statements += try delete(deleted.name) }
        return statements
    }

    public static func downgrade(_ changes: WorkflowChanges) throws(WorkflowsError) -> [String] {
        var statements: [String] = []
        for added in changes.add {
            switch (changes.kind, added.existing) {
            case (_, false): statements += try delete(added.name)
            case (.workflows, true): statements.append(try unlink(added))
            case (.tasks, true): continue
            }
        }
        for deleted in changes.delete {
            statements.append(
                changes.kind == .tasks
                    ? try createTask(deleted.name, deleted.description)
                    : try createWorkflow(
                        deleted.name, deleted.target, deleted.description, deleted.productType, isTask: deleted.isTask))
        }
        return statements
    }

    static func literal(_ value: String) throws(WorkflowsError) -> String {
        guard !value.contains(tag) else {
            throw WorkflowsError(
                .invalidChoices, "\(TextEscaping.shown(value)) contains \(tag), which the plan's SQL reserves")
        }
        do throws(SQLLiteral.Failure) {
            return try SQLLiteral.quote(value)
        } catch {
            throw WorkflowsError(.invalidChoices, error.description)
        }
    }

    /// `create_workflow(conn, workflow)`: the workflow (unless the name exists), linked to the product type's products.
    static func createWorkflow(
        _ name: String, _ target: String, _ description: String, _ productType: String?, isTask: Bool
    ) throws(WorkflowsError) -> String {
        let type = try productType.map(literal) ?? "NULL"
        return
            "WITH new_workflow AS (INSERT INTO workflows (name, target, is_task, description) VALUES (\(try literal(name)), \(try literal(target)), \(isTask ? "true" : "false"), \(try literal(description))) ON CONFLICT DO NOTHING RETURNING workflow_id) INSERT INTO products_workflows (product_id, workflow_id) SELECT p.product_id, nw.workflow_id FROM products AS p CROSS JOIN new_workflow AS nw WHERE p.product_type = \(type) ON CONFLICT DO NOTHING"
    }

    /// `create_task(conn, task)`: stored with target SYSTEM, as orchestrator-core stores every task.
    static func createTask(_ name: String, _ description: String) throws(WorkflowsError) -> String {
        "INSERT INTO workflows (name, target, is_task, description) VALUES (\(try literal(name)), 'SYSTEM', true, \(try literal(description))) ON CONFLICT DO NOTHING RETURNING workflow_id"
    }

    /// An existing workflow linked to the product type's products (what `create_workflow` does not do for it).
    static func link(_ added: WorkflowChanges.Added) throws(WorkflowsError) -> String {
        "INSERT INTO products_workflows (product_id, workflow_id) SELECT p.product_id, w.workflow_id FROM products AS p CROSS JOIN workflows AS w WHERE p.product_type = \(try literal(added.productType ?? "")) AND w.name = \(try literal(added.name)) ON CONFLICT DO NOTHING"
    }

    /// The links `link` made, and only those: the products linked before stay linked.
    static func unlink(_ added: WorkflowChanges.Added) throws(WorkflowsError) -> String {
        var sql =
            "DELETE FROM products_workflows WHERE products_workflows.workflow_id IN (SELECT workflows.workflow_id FROM workflows WHERE workflows.name = \(try literal(added.name))) AND products_workflows.product_id IN (SELECT products.product_id FROM products WHERE products.product_type = \(try literal(added.productType ?? ""))"
        if !added.alreadyLinked.isEmpty {
            var names: [String] = []
            for name in added.alreadyLinked { names.append(try literal(name)) }
            sql += " AND products.name NOT IN (\(names.joined(separator: ", ")))"
        }
        return sql + ")"
    }

    /// `delete_workflow(conn, name)`, after a check that no process uses it: deleting one that processes reference
    /// fails on their foreign key; the check fails first, saying why, and the transaction changes nothing.
    static func delete(_ name: String) throws(WorkflowsError) -> [String] {
        let quoted = try literal(name)
        return [
            "DO \(tag) BEGIN IF EXISTS (SELECT 1 FROM processes JOIN workflows ON workflows.workflow_id = processes.workflow_id WHERE workflows.name = \(quoted)) THEN RAISE EXCEPTION 'workflow % has processes; a plan never deletes processes, so it cannot be deleted', \(quoted); END IF; END \(tag)",
            "DELETE FROM workflows WHERE name = \(quoted)",
        ]
    }
}
