import ArgumentParser

/// `plan workflows MESSAGE --snapshot FILE [--code ROOT] [--choices JSON|@file] [--no-input] --out PLAN`.
struct PlanWorkflows: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflows",
        abstract: "Plan adding workflows to product types and deleting workflows (db migrate-workflows, reviewable).",
        discussion: """
            Without --choices, orchestrator-core's migrate-workflows menus are asked on the terminal. --choices \
            (JSON or @file; every key optional): {"add": [{"name": "create_user", "product_type": "User", \
            "description": "Create user"}], "delete": ["old_wf"], "delete_dangling": true}. Adding needs a \
            registered workflow; deleting works for any workflow of the catalogue. Nothing chosen: Nothing to do.
            """)

    @OptionGroup var options: WorkflowPlanOptions

    func run() throws { try options.run(.workflows) }
}

/// `plan tasks MESSAGE --snapshot FILE [--code ROOT] [--choices JSON|@file] [--no-input] --out PLAN`.
struct PlanTasks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Plan adding and deleting tasks (db migrate-tasks, reviewable).",
        discussion: """
            Without --choices, orchestrator-core's migrate-tasks menus are asked on the terminal. --choices: \
            {"add": [{"name": "task_x"}], "delete": ["old_task"], "delete_dangling": true}; a task's description \
            comes from its code.
            """)

    @OptionGroup var options: WorkflowPlanOptions

    func run() throws { try options.run(.tasks) }
}
