import Catalogue

/// Where the wizard talks: text out exactly as given, lines in (nil at the end of the input).
public protocol WorkflowConsole: AnyObject {
    func write(_ text: String)
    func readLine() -> String?
    /// orchestrator-core's colours (only on a terminal without NO_COLOR).
    var colour: Bool { get }
}

/// orchestrator-core's `migrate-workflows` / `migrate-tasks` menus (docs/orchestrator-core.md §3), with the same
/// headers, prompts, numbered menus, tables and messages in the same order, so a script that drives orchestrator-core's
/// menus drives these. Lists are sorted by name (orchestrator-core's follow the database's row order) and its bugs
/// are fixed (`WorkflowSelection`).
public struct WorkflowWizard {
    /// The input ended before `y` or `q` was chosen.
    public struct EndOfInput: Error {}

    public enum Outcome {
        case finished(WorkflowChanges)
        case quit
    }

    let console: WorkflowConsole
    var selection: WorkflowSelection

    public init(console: WorkflowConsole, selection: WorkflowSelection) {
        self.console = console
        self.selection = selection
    }

    private var noun: String { selection.kind == .workflows ? "workflow" : "task" }

    public mutating func run() throws(WorkflowsError) -> Outcome {
        enum Choice { case add, delete, dangling, finish, show, quit }
        let kind = selection.kind == .workflows ? "workflows" : "tasks"
        while true {
            print("\nWhat do you want to do?\n", "\u{1B}[4m", "\u{1B}[1m")
            let choice = try menu(
                [
                    ("Add \(noun) to database", Choice.add), ("Delete \(noun) from database", .delete),
                    ("Delete unregistered \(kind) from database", .dangling),
                    ("Finish and create migration file", .finish), ("Show current diff", .show),
                    ("Quit menu without creating a migration file", .quit),
                ], keys: ["a", "x", "c", "y", "d", "q"])
            switch choice {
            case .add?: try selection.kind == .workflows ? addWorkflow() : addTask()
            case .delete?: try delete()
            case .dangling?: try dangling()
            case .finish?: return .finished(selection.changes)
            case .show?: show()
            case .quit?, nil: return .quit
            }
        }
    }

    // MARK: - orchestrator-core's input helpers

    private func print(_ text: String, _ flags: String..., end: String = "\n") {
        // orchestrator-core's print_fmt: flags, text, reset; here only on a terminal.
        console.write(console.colour ? flags.joined() + text + "\u{1B}[0m" + end : text + end)
    }

    private func say(_ text: String) { console.write(text + "\n") }

    /// `get_user_input`: asks until something (or the default) is given; the answer stripped.
    private func input(_ prompt: String, default fallback: String = "") throws(WorkflowsError) -> String {
        while true {
            console.write(prompt)
            guard let answer = console.readLine() else {
                throw WorkflowsError(
                    .endOfInput, "the input ended (end of file on stdin) before y (finish) or q (quit) was chosen")
            }
            if !answer.isEmpty { return answer.trimmingCharacters(in: .whitespaces) }
            if !fallback.isEmpty { return fallback }
        }
    }

    /// `_prompt_user_menu`: `key) text` lines and `? ` until a listed key is typed.
    private func menu<T>(_ options: [(String, T?)], keys: [String]) throws(WorkflowsError) -> T? {
        while true {
            for (key, option) in zip(keys, options) { print("\(key)) \(option.0)") }
            let choice = try input("? ")
            if let index = keys.firstIndex(of: choice) { return options[index].1 }
            print("Invalid choice")
        }
    }

    private func numbered<T>(_ items: [(String, T)]) throws(WorkflowsError) -> T? {
        try menu(
            items.map { ($0.0, Optional($0.1)) } + [("cancel", nil)], keys: items.indices.map { String($0 + 1) } + ["q"]
        )
    }

    private func table(_ rows: [[String]], headers: [String]) {
        print(Tabulate.simple(rows, headers: headers), end: "\n\n")
    }

    /// A number typed at a table: the row, or nil for anything else (as orchestrator-core's `isdigit` check).
    private func pick(_ answer: String, count: Int) -> Int? {
        guard !answer.isEmpty, answer.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(answer),
            number >= 1, number <= count
        else { return nil }
        return number - 1
    }

    // MARK: - Menu entries

    private mutating func addWorkflow() throws(WorkflowsError) {
        print("\nAdd new workflow\n", "\u{1B}[4m")
        let registered = selection.registeredWorkflows
        guard !registered.isEmpty else { return say("No registered workflows found to add to the database") }
        let types = selection.catalogue.productTypes
        guard !types.isEmpty else { return say("No registered product types found") }
        say("Which product type should the workflow be added to?")
        guard let productType = try numbered(types.map { ($0, $0) }) else { return }
        let bold = console.colour ? "\u{1B}[1m\(productType)\u{1B}[0m" : productType
        say("\nAdd product type \(bold) to which workflow?")
        let chosen = selection.chosen
        guard let name = try numbered(registered.filter { !chosen.contains($0) }.map { ($0, $0) }) else { return }
        guard selection.registry[name]?.target != nil else { return say("Could not load workflow") }
        say("\nPlease provide a description for this workflow.")
        say("This description will be managed in the database and can be updated via the UI/API endpoint.")
        let description = try input("Workflow description: ")
        guard !description.isEmpty else { return say("Description is required. Cancelling workflow addition.") }
        try selection.addWorkflow(name, productType: productType, description: description)
        if selection.changes.add.last?.existing == true {
            say(
                "Note: \(name) is already in the database: it is only linked to the \(productType) products, and its description there stays."
            )
        }
    }

    private mutating func addTask() throws(WorkflowsError) {
        print("\nAdd new task\n", "\u{1B}[4m")
        let available = selection.availableTasks
        guard !available.isEmpty else { return say("No registered tasks found to add to the database") }
        say("\nWhich task should be added?")
        let chosen = selection.chosen
        guard let name = try numbered(available.filter { !chosen.contains($0) }.map { ($0, $0) }) else { return }
        try selection.addTask(name)
    }

    private mutating func delete() throws(WorkflowsError) {
        print("\nDelete existing \(noun)\n", "\u{1B}[4m")
        let chosen = selection.chosen
        let rows: [[String]]
        let names: [String]
        if selection.kind == .workflows {
            let items = selection.deletableWorkflows.filter { !chosen.contains($0.name) }
            names = items.map(\.name)
            rows = items.map {
                [$0.name, $0.target, $0.description, selection.catalogue.productType(of: $0.name) ?? ""]
            }
        } else {
            let items = selection.deletableTasks.filter { !chosen.contains($0.name) }
            names = items.map(\.name)
            rows = items.map { [$0.name, $0.description] }
        }
        guard !rows.isEmpty else { return say("No deletable \(noun)s in database") }
        table(rows, headers: headers)
        let answer = try input("Which \(noun) do you want to delete? (q to cancel) ", default: "q")
        guard let index = pick(answer, count: names.count) else { return }
        try selection.delete(names[index])
    }

    private var headers: [String] {
        selection.kind == .workflows
            ? ["#", "name", "target", "description", "product_type"] : ["#", "name", "description"]
    }

    private mutating func dangling() throws(WorkflowsError) {
        let kind = selection.kind == .workflows ? "workflows" : "tasks"
        let unregistered = selection.kind == .workflows ? selection.unregisteredWorkflows : selection.unregisteredTasks
        guard !unregistered.isEmpty else { return say("No dangling \(kind) found.") }
        print(
            "\nThe following \(kind) were found in the database that do not have a corresponding LazyWorkflowInstance:\n"
        )
        let rows =
            selection.kind == .workflows
            ? unregistered.compactMap { workflow in
                selection.catalogue.productType(of: workflow.name).map {
                    [workflow.name, workflow.target, workflow.description, $0]
                }
            } : unregistered.map { [$0.name, $0.description] }
        table(rows, headers: headers)
        let answer = try input("Do you wish to delete all dangling \(kind) from the database? [y/n]: ", default: "n")
        guard answer.lowercased() == "y" else { return say("Cancelling") }
        selection.deleteDangling()
    }

    private func show() {
        let kind = selection.kind == .workflows ? "Workflows" : "Tasks"
        let changes = selection.changes
        let workflows = selection.kind == .workflows
        let added = changes.add.map {
            workflows ? [$0.name, $0.target, $0.description, $0.productType ?? ""] : [$0.name, $0.description]
        }
        let deleted = changes.delete.map {
            workflows ? [$0.name, $0.target, $0.description, $0.productType ?? ""] : [$0.name, $0.description]
        }
        let keys = [""] + (workflows ? ["name", "target", "description", "product_type"] : ["name", "description"])
        print("\n\(kind) to add:", "\u{1B}[32m")
        table(added, headers: keys)
        print("\(kind) to delete:", "\u{1B}[31m")
        table(deleted, headers: keys)
    }
}
