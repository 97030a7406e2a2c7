import Catalogue

/// `--choices` of `plan workflows|tasks`: everything the menus would ask, as JSON. Every key is optional.
///
/// ```json
/// {"add": [{"name": "create_user", "product_type": "User", "description": "Create user"}],
///  "delete": ["old_wf"], "delete_dangling": true}
/// ```
/// Tasks: `{"add": [{"name": "task_x"}], "delete": [...], "delete_dangling": true}` (a task's description comes from
/// its code). A choice is explicit, so a deletion chosen here needs no `--allow-destructive`. The template's
/// `deletable` and `dangling` lists (what could be deleted) are ignored when passed back.
public enum WorkflowChoices {
    /// Applies the JSON `text` (from `source`, for messages) to `selection`.
    public static func apply(
        _ text: String, source: String, to selection: inout WorkflowSelection
    ) throws(WorkflowsError) {
        let document: JSONValue
        do throws(JSONValue.SyntaxError) {
            document = try JSONValue.parse(text)
        } catch {
            throw WorkflowsError(.invalidChoices, "\(source) is not valid JSON: \(error)")
        }
        guard let members = document.members else {
            throw WorkflowsError(.invalidChoices, "\(source) must be a JSON object with add, delete, delete_dangling")
        }
        var deleteDangling = false
        for (key, value) in members {
            switch key {
            case "add":
                guard case .array(let items) = value else {
                    throw WorkflowsError(.invalidChoices, "\(source): \"add\" must be a list")
                }
                for (index, item) in items.enumerated() {
                    try add(item, at: "\(source): add[\(index)]", to: &selection)
                }
            case "delete":
                guard case .array(let items) = value else {
                    throw WorkflowsError(.invalidChoices, "\(source): \"delete\" must be a list of names")
                }
                for (index, item) in items.enumerated() {
                    guard case .string(let name) = item else {
                        throw WorkflowsError(.invalidChoices, "\(source): delete[\(index)] must be a name (a string)")
                    }
                    if selection.changes.add.contains(where: { $0.name == name }) {
                        throw WorkflowsError(.invalidChoices, "\(source): \(name) is both added and deleted")
                    }
                    try selection.delete(name)
                }
            case "delete_dangling":
                guard case .bool(let flag) = value else {
                    throw WorkflowsError(.invalidChoices, "\(source): \"delete_dangling\" must be true or false")
                }
                deleteDangling = flag
            case "deletable", "dangling":
                continue  // the template's lists of what can be deleted
            default:
                throw WorkflowsError(
                    .invalidChoices,
                    "\(source): unknown key \(TextEscaping.shown(key)) (expected add, delete, delete_dangling)")
            }
        }
        if deleteDangling { selection.deleteDangling() }
    }

    private static func add(
        _ item: JSONValue, at place: String, to selection: inout WorkflowSelection
    ) throws(WorkflowsError) {
        guard let fields = item.members else {
            throw WorkflowsError(
                .invalidChoices,
                "\(place) must be an object with name\(selection.kind == .workflows ? ", product_type, description" : "")"
            )
        }
        var values: [String: String] = [:]
        let allowed: Set<String> = selection.kind == .workflows ? ["name", "product_type", "description"] : ["name"]
        for (key, value) in fields {
            guard allowed.contains(key) else {
                throw WorkflowsError(
                    .invalidChoices,
                    "\(place): unknown key \(TextEscaping.shown(key)) (expected \(allowed.sorted().joined(separator: ", ")))"
                )
            }
            guard case .string(let text) = value else {
                throw WorkflowsError(.invalidChoices, "\(place).\(key) must be a string")
            }
            if AnswerPlaceholder.isPlaceholder(text) {
                throw WorkflowsError(
                    .invalidChoices,
                    "\(place).\(key): \(TextEscaping.shown(text)) is the template's placeholder, not a choice")
            }
            values[key] = text
        }
        guard let name = values["name"] else { throw WorkflowsError(.invalidChoices, "\(place) has no name") }
        if selection.chosen.contains(name) {
            throw WorkflowsError(.invalidChoices, "\(place): \(name) is chosen twice")
        }
        switch selection.kind {
        case .workflows:
            guard let productType = values["product_type"] else {
                throw WorkflowsError(.invalidChoices, "\(place) has no product_type")
            }
            try selection.addWorkflow(name, productType: productType, description: values["description"] ?? "")
        case .tasks:
            try selection.addTask(name)
        }
    }

    /// What could be chosen, as `--choices` JSON with placeholders (for `--no-input` without `--choices`).
    public static func template(_ selection: WorkflowSelection) -> String {
        var add: [JSONValue] = []
        switch selection.kind {
        case .workflows:
            let types = selection.catalogue.productTypes.joined(separator: ", ")
            for name in selection.registeredWorkflows where selection.catalogue[name] == nil {
                add.append(
                    .object([
                        ("name", .string(name)), ("product_type", .string("<one of \(types)>")),
                        ("description", .string("<description>")),
                    ]))
            }
        case .tasks:
            add = selection.availableTasks.map { .object([("name", .string($0))]) }
        }
        let deletable =
            selection.kind == .workflows
            ? selection.catalogue.workflows.filter { !$0.isTask } : selection.catalogue.tasks
        let dangling = selection.kind == .workflows ? selection.unregisteredWorkflows : selection.unregisteredTasks
        return JSONValue.object([
            ("add", .array(add)),
            ("delete", .array([])),
            ("delete_dangling", .bool(false)),
            ("deletable", .array(deletable.map { .string($0.name) })),
            ("dangling", .array(dangling.map { .string($0.name) })),
        ]).prettyText
    }
}

/// The template placeholders (`<description>`, `<one of A, B>`): pasted back unchanged they are not choices.
enum AnswerPlaceholder {
    static func isPlaceholder(_ text: String) -> Bool {
        text.hasPrefix("<") && text.hasSuffix(">") && (text == "<description>" || text.hasPrefix("<one of "))
    }
}
