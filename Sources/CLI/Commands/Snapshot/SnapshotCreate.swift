import ArgumentParser
import Catalogue
import Foundation
import Snapshot

/// `snapshot create`: read the live catalogue into a snapshot file.
struct SnapshotCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Copy a database's product catalogue into a SQLite snapshot file.",
        discussion: """
            Reads the catalogue tables, per-product subscription counts, per-block instance counts and the \
            alembic_version rows in one read-only transaction. The file holds no customer data and no password. \
            It is written to a temporary file and renamed, so an interrupted run leaves no partial file; an \
            existing file at --out is replaced.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The snapshot file to write.", valueName: "file"))
    var out: String = "catalogue.sqlite"

    func run() throws {
        try reportingErrors {
            let target = try database.connectionString()
            let output = URL(fileURLWithPath: out)
            // Fail on an unusable output path before spending time on the database.
            try SnapshotFile.checkOutput(output)
            let progress = Terminal.Progress()
            let snapshot = try SnapshotTaker.take(from: target, takenAt: Clock.now(), progress: progress.update)
            progress.finish()
            let fingerprint = try SnapshotFile.write(snapshot, to: output)
            let c = snapshot.catalogue
            Terminal.out(
                "Wrote \(out): \(c.products.count) products, \(c.productBlocks.count) product blocks, "
                    + "\(c.resourceTypes.count) resource types, \(c.workflows.count) workflows; "
                    + "\(snapshot.counts.totalSubscriptions) subscriptions counted.")
            Terminal.out("Source: \(snapshot.source.display)")
            Terminal.out("Fingerprint: \(fingerprint)")
        }
    }
}
