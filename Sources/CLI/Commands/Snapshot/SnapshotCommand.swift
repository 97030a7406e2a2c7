import ArgumentParser

/// `orchestrator-planner snapshot ...`
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Take, inspect, verify, check and compare catalogue snapshots.",
        subcommands: [
            SnapshotCreate.self, SnapshotShow.self, SnapshotVerify.self, SnapshotCheck.self, SnapshotDiff.self,
        ]
    )
}
