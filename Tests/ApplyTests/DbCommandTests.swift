import Foundation
import TestSupport
import Testing

@testable import Apply

/// The `db` commands work on the files alone; their output must equal real Alembic's.
@Suite struct DbCommandTests {
    func project() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let project = folder.file("project")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, project.path])
        return (folder, project)
    }

    @Test func initLaysOutAProjectAndRefusesANonEmptyOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try PlannerBinary.run(["db", "init", "--project", folder.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["alembic.ini", "migrations/env.py", "migrations/helpers.py", "migrations/script.py.mako"] {
            #expect(FileManager.default.fileExists(atPath: folder.file(path).path), "\(path)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("migrations/versions/schema").path))
        #expect(
            try String(contentsOf: folder.file("migrations/script.py.mako"), encoding: .utf8)
                == String(contentsOf: Repository.fixture("alembic/migrations/script.py.mako"), encoding: .utf8))
        let again = try PlannerBinary.run(["db", "init", "--project", folder.url.path])
        #expect(again.status == 62)
        #expect(again.stderr.contains("Directory migrations already exists and is not empty"))
    }

    @Test func revisionCreatesTheDataHeadFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try PlannerBinary.run(["db", "init", "--project", folder.url.path])
        let withoutSchema = try PlannerBinary.run(["db", "revision", "-m", "first", "--project", folder.url.path])
        #expect(withoutSchema.status == 61)
        #expect(withoutSchema.stderr.contains("--depends-on"))
        let result = try PlannerBinary.run([
            "db", "revision", "-m", "first", "--depends-on", "544fd845554d", "--project", folder.url.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("migrations/versions/schema").path)
            .sorted()
        #expect(files.count == 2)
        #expect(files.contains { $0.hasSuffix("_create_data_head.py") })
        let heads = try PlannerBinary.run(["db", "heads", "--project", folder.url.path])
        #expect(heads.stdout.hasSuffix(" (data) (head)\n"), "\(heads.stdout)")
        #expect(heads.stderr.contains("schema branch) are not visible"))
    }

    @Test(.enabled(if: TestAlembic.executable != nil, "needs PLANNER_TEST_ALEMBIC"))
    func headsAndHistoryEqualAlembics() throws {
        let (folder, project) = try project()
        defer { folder.remove() }
        func compare(_ label: String) throws {
            for arguments in [["heads"], ["history"], ["history", "-v"]] {
                let ours = try PlannerBinary.run(["db"] + arguments + ["--project", project.path])
                let theirs = try TestAlembic.run(arguments, project: project, database: TestDatabase(name: "unused"))
                #expect(
                    ours.status == 0 && theirs.status == 0, "\(label) \(arguments): \(ours.stderr) \(theirs.stderr)")
                // Alembic prints a revision's branch labels from a Python set, in hash order: compare them sorted.
                #expect(
                    sortLabels(ours.stdout) == sortLabels(theirs.stdout),
                    "\(label) \(arguments):\nours:\n\(ours.stdout)\nalembic:\n\(theirs.stdout)")
            }
        }
        try compare("fixture")
        #expect(try PlannerBinary.run(["db", "revision", "-m", "a change", "--project", project.path]).status == 0)
        try compare("after db revision")
        let versions = try FileManager.default.contentsOfDirectory(
            atPath: project.appendingPathComponent("migrations/versions/schema").path)
        let latest = versions.first { $0.contains("a_change") }.map { String($0.split(separator: "_")[1]) } ?? ""
        #expect(
            try PlannerBinary.run([
                "db", "merge", "544fd845554d", latest, "-m", "join branches", "--project", project.path,
            ]).status == 0)
        try compare("after db merge")
    }

    private func sortLabels(_ text: String) -> String {
        var result = text
        for labels in [["data", "schema"]] {
            result = result.replacingOccurrences(
                of: "(\(labels[1]), \(labels[0]))", with: "(\(labels[0]), \(labels[1]))"
            )
            .replacingOccurrences(
                of: "Branch names: \(labels[1]), \(labels[0])", with: "Branch names: \(labels[0]), \(labels[1])")
        }
        return result
    }
}

@Suite struct MigrateDomainModelsTests {
    static let arguments = [
        "--snapshot", Repository.fixture("example/catalogue.sqlite").path, "--models",
        Repository.fixture("example/models").path,
        "--inputs", "@" + Repository.fixture("example/inputs.json").path,
    ]

    @Test func testModePrintsTheSQLAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, folder.file("project").path])
        let result = try PlannerBinary.run(
            ["db", "migrate-domain-models", "add partner", "--test", "--project", folder.file("project").path]
                + Self.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("NOTE: Running in test mode. No migration file will be generated.\n"))
        #expect(
            result.stdout.contains(
                "INSERT INTO products (name, description, product_type, tag, status) VALUES ('User partner'"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("project/migrations/versions/schema").path)
                .count == 1)
    }

    @Test func confirmedItWritesTheRevisionOrSaysNothingToDo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = folder.file("project").path
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, project])
        let binary = PlannerBinary.executable.path
        let quoted = (["db", "migrate-domain-models", "add partner", "--project", project] + Self.arguments).map {
            "'\($0)'"
        }.joined(separator: " ")
        let result = try Command.run("sh", arguments: ["-c", "echo y | \(binary) \(quoted)"])
        #expect(result.status == 0, "\(result.stderr)")
        // orchestrator-core's order: the confirmation before the value prompts, then the revision.
        let confirm = try #require(
            result.stdout.range(
                of:
                    "\nWARNING: Deleting products will also delete its subscriptions.\nConfirm the above actions [y/n]: "
            ))
        let values = try #require(result.stdout.range(of: "\nCreate new products\n"))
        #expect(confirm.upperBound <= values.lowerBound)
        #expect(result.stdout.contains("Generating migration file.\n"))
        #expect(
            result.stdout.hasSuffix("Migration generated. Don't forget to create a database backup before migrating!\n")
        )
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("project/migrations/versions/schema").path)
                .count == 2)

        let declined = try Command.run("sh", arguments: ["-c", "echo n | \(binary) \(quoted)"])
        #expect(declined.status == 5)
        let inSync = [
            "db", "migrate-domain-models", "nothing", "--project", project, "--snapshot",
            Repository.fixture("example/catalogue.sqlite").path, "--models",
            Repository.fixture("models/example-v2").path,
        ]
        let nothing = try Command.run(
            "sh", arguments: ["-c", "echo y | \(binary) " + inSync.map { "'\($0)'" }.joined(separator: " ")])
        #expect(nothing.stdout.hasSuffix("Nothing to do\n"), "\(nothing.stdout)")
    }
}
