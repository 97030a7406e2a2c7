import ArgumentParser
import Catalogue
import Foundation
import Snapshot

/// `snapshot diff A B`: what differs between two catalogues (say test and production), in the plan's labels.
struct SnapshotDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two snapshots (exit 0: same, 1: differs, 2: error).",
        discussion: """
            Lists what turns the first catalogue into the second: + added, - removed, ~ changed (with the aspects \
            that differ). Compares the catalogues' meaning, not ids, timestamps or counts, as `snapshot check` does.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The first snapshot (the \"from\" side).", valueName: "a"))
    var first: String

    @Argument(help: ArgumentHelp("The second snapshot (the \"to\" side).", valueName: "b"))
    var second: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        try reportingErrors(override: ExitCodes.checkFailed) {
            let a = try SnapshotFile.read(URL(fileURLWithPath: first))
            let b = try SnapshotFile.read(URL(fileURLWithPath: second))
            let changes = a.catalogue.changes(to: b.catalogue)
            switch format {
            case .json:
                let document = JSONValue.object([
                    ("a", .object([("file", .string(first)), ("fingerprint", .string(a.fingerprint.value))])),
                    ("b", .object([("file", .string(second)), ("fingerprint", .string(b.fingerprint.value))])),
                    ("same", .bool(changes.isEmpty)),
                    (
                        "changes",
                        .array(
                            changes.map { change in
                                var members: [(String, JSONValue)] = [
                                    ("kind", .string(change.kind.rawValue)), ("name", .string(change.name)),
                                ]
                                switch change.change {
                                case .added: members.append(("change", .string("added")))
                                case .removed: members.append(("change", .string("removed")))
                                case .changed(let aspects):
                                    members.append(("change", .string("changed")))
                                    members.append(("aspects", .array(aspects.map(JSONValue.string))))
                                }
                                return .object(members)
                            })
                    ),
                ])
                Terminal.out(document.prettyText)
            case .text:
                if changes.isEmpty {
                    Terminal.out("\(first) and \(second) hold the same catalogue (\(a.fingerprint)).")
                } else {
                    Terminal.out("From \(first) (taken \(a.takenAt)) to \(second) (taken \(b.takenAt)):")
                    for change in changes { Terminal.out("  \(change)") }
                }
            }
            if !changes.isEmpty { throw ExitCode(ExitCodes.differs) }
        }
    }
}
