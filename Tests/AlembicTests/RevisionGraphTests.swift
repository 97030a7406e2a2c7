import Alembic
import Foundation
import TestSupport
import Testing

/// Graphs Alembic would refuse are refused, naming the files (issue "Hardening", item 8).
@Suite struct RevisionGraphTests {
    /// Writes revision files (id → (down revisions, depends_on)) into a fresh version location.
    func graph(
        _ revisions: [(String, [String])], dependsOn: [String: String] = [:]
    ) throws -> (TemporaryFolder, Result<RevisionGraph, AlembicError>) {
        let folder = try TemporaryFolder()
        for (id, downs) in revisions {
            let down =
                downs.isEmpty
                ? "None"
                : downs.count == 1 ? "'\(downs[0])'" : "(" + downs.map { "'\($0)'" }.joined(separator: ", ") + ")"
            let depends = dependsOn[id].map { "'\($0)'" } ?? "None"
            try Data(
                "\"\"\"\(id).\"\"\"\nrevision = '\(id)'\ndown_revision = \(down)\nbranch_labels = None\ndepends_on = \(depends)\n"
                    .utf8
            )
            .write(to: folder.file("\(id).py"))
        }
        do {
            return (folder, .success(try RevisionGraph(locations: [folder.url])))
        } catch {
            return (folder, .failure(error))
        }
    }

    func expectError(
        _ revisions: [(String, [String])], _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (folder, result) = try graph(revisions)
        defer { folder.remove() }
        guard case .failure(let error) = result else {
            Issue.record("accepted a broken graph", sourceLocation: sourceLocation)
            return
        }
        #expect(error.code == .invalidProject, sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
    }

    @Test func aCycleIsRefusedNamingItsRevisionsAndFiles() throws {
        try expectError([("aaaa1", ["cccc3"]), ("bbbb2", ["aaaa1"]), ("cccc3", ["bbbb2"])], "cycle")
        try expectError([("aaaa1", ["cccc3"]), ("bbbb2", ["aaaa1"]), ("cccc3", ["bbbb2"])], "aaaa1.py")
    }

    @Test func selfReferenceAndMissingDownRevisionAreRefused() throws {
        try expectError([("aaaa1", ["aaaa1"])], "revises itself")
        try expectError([("aaaa1", []), ("bbbb2", ["ffff9"])], "ffff9, the down_revision of bbbb2")
    }

    @Test func aMissingVersionLocationIsRefused() {
        #expect(throws: AlembicError.self) {
            try RevisionGraph(locations: [URL(fileURLWithPath: "/nonexistent/versions")])
        }
    }

    @Test func aProjectWithoutScriptLocationIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("[alembic]\nversion_locations = %(here)s/v\n".utf8).write(to: folder.file("alembic.ini"))
        #expect(throws: AlembicError.self) { try AlembicProject(root: folder.url) }
    }

    /// A thousand revisions in one line: the history is listed newest first, each once (the old listing was cubic).
    @Test func aLongHistoryIsListedInOrder() throws {
        let ids = (0..<1_000).map { String(format: "r%05d", $0) }
        let (folder, result) = try graph(ids.enumerated().map { index, id in (id, index == 0 ? [] : [ids[index - 1]]) })
        defer { folder.remove() }
        let graph = try result.get()
        let history = AlembicListing(graph: graph).history(verbose: false)
        #expect(history.count == 1_000)
        #expect(history.first?.hasPrefix("r00998 -> r00999 (head)") == true, "\(history.first ?? "")")
        #expect(history.last?.hasPrefix("<base> -> r00000") == true)
    }
}
