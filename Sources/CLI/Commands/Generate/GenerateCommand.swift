import ArgumentParser

/// `orchestrator-planner generate ...`: product blocks, products, workflows, unit tests and migrations from a YAML
/// product config, run from the project's top folder.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate products, workflows and other artifacts from a YAML product config.",
        discussion: """
            Run from the project's top folder. Every file is printed (a dry run) unless --no-dryrun; an existing file \
            is kept unless --force. The config is checked first (one root block, no cycle, no unknown type, bounds, \
            defaults): nothing is written when it fails (exit 42).
            """,
        subcommands: [
            GenerateProductBlocks.self, GenerateProduct.self, GenerateWorkflows.self, GenerateUnitTests.self,
            GenerateMigration.self,
        ])
}
