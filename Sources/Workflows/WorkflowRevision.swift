import Catalogue
import PythonSource

/// A workflow or task plan as orchestrator-core's `migrate-workflows`/`migrate-tasks` write it: the import and the
/// lists (`new_workflows = json.dumps(..., indent=4)`) in the preamble, `for` loops over the helpers in `upgrade()`
/// and `downgrade()`; our own statements (`WorkflowSQL`) for the links of existing workflows and the process checks.
public enum WorkflowRevision {
    public struct Parts: Sendable, Equatable {
        /// Inserted before `def upgrade()`.
        public var preamble: String
        /// The bodies, starting with `conn = op.get_bind()` (the template indents the first line).
        public var upgrade: String
        public var downgrade: String
    }

    public static func parts(_ changes: WorkflowChanges) throws(WorkflowsError) -> Parts {
        let tasks = changes.kind == .tasks
        let (create, item, newList, oldList) =
            tasks
            ? ("create_task", "task", "new_tasks", "old_tasks")
            : ("create_workflow", "workflow", "new_workflows", "old_workflows")
        let new = changes.add.filter { !$0.existing }
        let linked = changes.add.filter(\.existing)
        var preamble = ["from orchestrator.core.migrations.helpers import \(create), delete_workflow\n"]
        func entry(
            _ name: String, _ target: String, _ description: String, _ productType: String?, isTask: Bool
        )
            -> [(String, String?)]
        {
            if tasks { return [("name", name), ("description", description)] }
            var fields: [(String, String?)] = [
                ("name", name), ("target", target), ("description", description), ("product_type", productType),
            ]
            if isTask { fields.append(("is_task", "true")) }
            return fields
        }
        if !new.isEmpty {
            let list = new.map { entry($0.name, $0.target, $0.description, $0.productType, isTask: false) }
            preamble.append("\(newList) = \(pythonJSON(list))\n")
        }
        if !changes.delete.isEmpty {
            let list = changes.delete.map {
                entry($0.name, $0.target, $0.description, $0.productType, isTask: $0.isTask)
            }
            preamble.append("\(oldList) = \(pythonJSON(list))\n")
        }
        var upgrade: [String] = []
        var downgrade: [String] = []
        if !new.isEmpty {
            upgrade += ["    for \(item) in \(newList):", "        \(create)(conn, \(item))"]
            for added in new { downgrade += statements(try WorkflowSQL.delete(added.name)) }
        }
        if !tasks {
            for added in linked {
                upgrade += try statements([WorkflowSQL.link(added)])
                downgrade += try statements([WorkflowSQL.unlink(added)])
            }
        }
        if !changes.delete.isEmpty {
            for deleted in changes.delete { upgrade += try statements([WorkflowSQL.delete(deleted.name)[0]]) }
            upgrade += ["    for \(item) in \(oldList):", "        delete_workflow(conn, \(item)[\"name\"])"]
            downgrade += ["    for \(item) in \(oldList):", "        \(create)(conn, \(item))"]
        }
        // The template indents the first line; the others carry their own four spaces.
        func body(_ lines: [String]) -> String {
            lines.isEmpty ? "pass" : (["conn = op.get_bind()"] + lines).joined(separator: "\n")
        }
        return Parts(preamble: preamble.joined(separator: "\n"), upgrade: body(upgrade), downgrade: body(downgrade))
    }

    /// `conn.execute(sa.text("""…"""))` lines for statements, as the domain-model revisions write them.
    static func statements(_ sql: [String]) -> [String] {
        sql.map { "    conn.execute(sa.text(\"\"\"\n\(PythonRepr.sqlAlchemyTextLiteral($0))\n    \"\"\"))" }
    }

    /// `json.dumps(list_of_dicts, indent=4)`: keys in order, `ensure_ascii` escapes, `null` for a missing value.
    static func pythonJSON(_ items: [[(String, String?)]]) -> String {
        guard !items.isEmpty else { return "[]" }
        let objects = items.map { fields -> String in
            let lines = fields.map { key, value -> String in
                let rendered = key == "is_task" ? (value ?? "false") : (value.map(PythonJSON.string) ?? "null")
                return "        \(PythonJSON.string(key)): \(rendered)"
            }
            return "    {\n" + lines.joined(separator: ",\n") + "\n    }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }
}
