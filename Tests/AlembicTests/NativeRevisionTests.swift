import Alembic
import Catalogue
import Foundation
import TestSupport
import Testing

/// Revisions we wrote are read back to exactly their plan's SQL; anything else (edited SQL, Python code, a
/// revision without the marker) is left to Alembic.
@Suite struct NativeRevisionTests {
    static let upgrade = [
        #"INSERT INTO t (a) VALUES ('10:30 \:x ::text "q" \ ünï')"#, "SELECT 'a' || 'b'::text", "SELECT ':a:b'",
        "SELECT 'line\r\nbreak'",
    ]
    static let downgrade = ["DELETE FROM t WHERE a = '10:30'"]

    func write(
        _ id: String? = nil, planDigest: String = "sha256:" + String(repeating: "ab", count: 32)
    ) throws -> (
        TemporaryFolder, RevisionFile
    ) {
        let folder = try TemporaryFolder()
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, folder.file("p").path])
        let project = try AlembicProject(root: folder.file("p"))
        let content = RevisionTemplate.Content(
            id: id ?? RevisionFile.planRevisionID(forPlanDigest: planDigest), message: "m", down: ["e05bb1967eff"],
            labels: nil, dependsOn: nil, date: Date(timeIntervalSince1970: 0), upgrade: Self.upgrade,
            downgrade: Self.downgrade, planDigest: planDigest)
        let text = try RevisionTemplate.render(content, project: project)
        let file = folder.file("revision.py")
        try Data(text.utf8).write(to: file)
        return (folder, try RevisionFile.read(file))
    }

    @Test func aRevisionWeWroteGivesBackItsPlansStatements() throws {
        let (folder, revision) = try write()
        defer { folder.remove() }
        let native = try NativeRevision.read(revision).get()
        #expect(native.upgrade == Self.upgrade)
        #expect(native.downgrade == Self.downgrade)
    }

    @Test func editedOrHandWrittenRevisionsAreLeftToAlembic() throws {
        let (folder, revision) = try write()
        defer { folder.remove() }
        let text = try String(contentsOf: revision.file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "DELETE FROM t", with: "DELETE FROM u").utf8).write(to: revision.file)
        #expect(NativeRevision.read(try RevisionFile.read(revision.file)).failureReason == .sqlEdited)

        try Data(text.replacingOccurrences(of: "conn = op.get_bind()", with: "conn = op.get_bind()\n    print(1)").utf8)
            .write(to: revision.file)
        #expect(NativeRevision.read(try RevisionFile.read(revision.file)).failureReason == .notPlainSQL("upgrade"))

        let (other, wrongID) = try write("0123456789ab")
        defer { other.remove() }
        #expect(NativeRevision.read(wrongID).failureReason == .idDoesNotMatchDigest)

        let handWritten = try RevisionFile.read(
            Repository.fixture("alembic/migrations/versions/schema/2026-01-15_e05bb1967eff_add_user_products.py"))
        #expect(NativeRevision.read(handWritten).failureReason == .notFromAPlan)
    }

    @Test(arguments: [
        ("heads", RevisionArgument.heads), ("head", .head), ("base", .base), ("data@head", .branchHead("data")),
        ("data@base", .branchBase("data")), ("-1", .relative(anchor: nil, steps: -1)),
        ("+2", .relative(anchor: nil, steps: 2)), ("data@-1", .relative(anchor: .branch("data"), steps: -1)),
        ("ae10+1", .relative(anchor: .revision("ae10"), steps: 1)), ("ae1027a6acf", .revision("ae1027a6acf")),
        ("my-branch", .revision("my-branch")),
    ])
    func revisionArgumentsParseAsAlembicReadsThem(_ text: String, _ expected: RevisionArgument) {
        #expect(RevisionArgument(text) == expected)
        #expect(RevisionArgument(text).description == text)
    }
}

extension Result {
    var failureReason: Failure? {
        if case .failure(let reason) = self { return reason }
        return nil
    }
}
