import ArgumentParser
import Catalogue
import Foundation
import Snapshot

/// `snapshot check`: does the live catalogue still match the file? Exit 0 yes, 1 no, 2 on any error.
struct SnapshotCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare a snapshot with the live catalogue (exit 0: same, 1: differs, 2: error).",
        discussion:
            "Compares fingerprints (the catalogue's meaning, not ids, timestamps or counts) and lists what differs.")

    @Argument(help: ArgumentHelp("The snapshot file.", valueName: "file"))
    var file: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingErrors(override: ExitCodes.checkFailed) {
            let snapshot = try SnapshotFile.read(URL(fileURLWithPath: file))
            let target = try database.connectionString()
            let progress = Terminal.Progress()
            let live = try SnapshotTaker.take(from: target, takenAt: Clock.now(), progress: progress.update)
            progress.finish()
            if live.fingerprint == snapshot.fingerprint {
                Terminal.out("The live catalogue matches \(file) (\(snapshot.fingerprint)).")
                return
            }
            let changes = snapshot.catalogue.changes(to: live.catalogue)
            Terminal.out("The live catalogue differs from \(file) (taken \(snapshot.takenAt)):")
            for change in changes { Terminal.out("  \(change)") }
            Terminal.out("snapshot fingerprint: \(snapshot.fingerprint)")
            Terminal.out("live fingerprint:     \(live.fingerprint)")
            throw ExitCode(ExitCodes.differs)
        }
    }
}
