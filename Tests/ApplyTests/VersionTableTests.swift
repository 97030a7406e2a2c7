import Alembic
import Foundation
import TestSupport
import Testing

/// `alembic_version` after each step is what Alembic leaves, on a graph with branches, a merge point, a second base
/// and a dependency between branches (hand-written revisions, run by real Alembic; ours simulated by
/// `MigrationPath`/`VersionTable`, which the native runner and `--sql` use).
@Suite(.enabled(if: TestAlembic.isConfigured, "needs the test cluster and PLANNER_TEST_ALEMBIC (run .ci/run)"))
struct VersionTableTests {
    /// id → (down revisions, branch labels, depends_on)
    static let revisions: [(String, [String], [String], [String])] = [
        ("aaaa", [], ["x"], []), ("bbbb", ["aaaa"], [], []), ("cccc", ["aaaa"], [], []),
        ("mmmm", ["bbbb", "cccc"], [], []), ("dddd", [], ["y"], ["bbbb"]), ("eeee", ["dddd"], [], []),
    ]

    func makeProject(in folder: TemporaryFolder) throws -> URL {
        let project = folder.file("project")
        let versions = project.appendingPathComponent("versions")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        _ = try Command.run(
            "cp", arguments: ["-r", Repository.fixture("alembic/migrations").path, project.path + "/migrations"])
        // The fixture's alembic.ini (its logging sections too), with this project's one version location.
        let ini = try String(contentsOf: Repository.fixture("alembic/alembic.ini"), encoding: .utf8)
            .components(separatedBy: "\n").map {
                $0.hasPrefix("version_locations") ? "version_locations = %(here)s/versions" : $0
            }.joined(separator: "\n")
        try Data(ini.utf8).write(to: project.appendingPathComponent("alembic.ini"))
        func tuple(_ items: [String]) -> String {
            items.isEmpty ? "None" : "(" + items.map { "'\($0)'" }.joined(separator: ", ") + ",)"
        }
        for (id, down, labels, depends) in Self.revisions {
            let text = """
                \"\"\"\(id).\"\"\"
                revision = '\(id)'
                down_revision = \(tuple(down))
                branch_labels = \(tuple(labels))
                depends_on = \(tuple(depends))


                def upgrade():
                    pass


                def downgrade():
                    pass

                """
            try Data(text.utf8).write(to: versions.appendingPathComponent("\(id).py"))
        }
        return project
    }

    @Test func eachCommandLeavesTheRowsAlembicLeaves() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try makeProject(in: folder)
        let database = try TestPostgres.copy()
        defer { database.drop() }
        _ = try database.psql("DELETE FROM alembic_version")
        let graph = try RevisionGraph(locations: [project.appendingPathComponent("versions")])
        func rows() throws -> Set<String> {
            Set(try database.rows("SELECT version_num FROM alembic_version").compactMap { $0.first ?? nil })
        }
        let commands: [[String]] = [
            ["upgrade", "bbbb"], ["upgrade", "y@head"], ["upgrade", "heads"], ["downgrade", "bbbb"],
            ["downgrade", "base"], ["upgrade", "mmmm"], ["upgrade", "eeee"], ["downgrade", "aaaa"],
            ["upgrade", "heads"],
        ]
        for command in commands {
            let current = try rows()
            let argument = RevisionArgument(command[1])
            let path =
                command[0] == "upgrade"
                ? try MigrationPath.upgrade(argument, from: current, in: graph)
                : try MigrationPath.downgrade(argument, from: current, in: graph)
            let result = try TestAlembic.run(command, project: project, database: database)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(try rows() == path.endHeads, "\(command) from \(current.sorted())")
            let ran = result.stderr.components(separatedBy: "\n").filter { $0.contains("Running ") }.count
            #expect(ran == path.steps.count, "\(command): Alembic ran \(ran) steps, we planned \(path.steps.count)")
        }
    }
}
