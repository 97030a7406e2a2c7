import ArgumentParser
import Catalogue
import Foundation
import Snapshot

/// `snapshot show`: what a snapshot holds, for people (text) or programs (JSON).
struct SnapshotShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Summarise a snapshot: source, age, fingerprint, Alembic revisions, counts.")

    @Argument(help: ArgumentHelp("The snapshot file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let snapshot = try SnapshotFile.read(URL(fileURLWithPath: file))
            let summary = SnapshotSummary(file: file, snapshot: snapshot, now: Clock.now())
            switch format {
            case .text: Terminal.out(summary.text())
            case .json: Terminal.out(try summary.json())
            }
        }
    }
}
