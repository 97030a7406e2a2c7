import ArgumentParser

/// `orchestrator-planner models ...`
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Read domain models (Python source or a YAML product config) without running Python.",
        subcommands: [ModelsShow.self]
    )
}
