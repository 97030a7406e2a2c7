import ArgumentParser
import Foundation
import Snapshot

/// `snapshot verify`: is the file intact, exactly as orchestrator-planner wrote it?
struct SnapshotVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a snapshot file's integrity (format, content digest, fingerprint, consistency).")

    @Argument(help: ArgumentHelp("The snapshot file.", valueName: "file"))
    var file: String

    func run() throws {
        try reportingErrors {
            let snapshot = try SnapshotFile.read(URL(fileURLWithPath: file))
            Terminal.out(
                "\(file): intact snapshot (format \(SnapshotFile.formatVersion), fingerprint \(snapshot.fingerprint))")
        }
    }
}
