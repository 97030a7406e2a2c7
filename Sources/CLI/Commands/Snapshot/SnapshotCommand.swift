import ArgumentParser

/// `orchestrator-planner snapshot ...`
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Take, inspect, verify and check catalogue snapshots.",
        subcommands: [SnapshotCreate.self, SnapshotShow.self, SnapshotVerify.self, SnapshotCheck.self]
    )
}
