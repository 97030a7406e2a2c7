import Foundation
import TestSupport
import Testing

/// `apply`'s guards that need no database: an empty plan writes nothing, `$DATABASE_URI` counts as `--db`.
@Suite struct ApplyGuardTests {
    static let snapshot = Repository.fixture("example/catalogue.sqlite").path

    @Test func aPlanWithNoChangesWritesNoRevision() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plan = try PlannerBinary.run([
            "plan", "nothing", "--snapshot", Self.snapshot, "--models", Repository.fixture("models/example-v2").path,
            "--no-input", "--out", folder.file("plan.yaml").path,
        ])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("No changes: the catalogue matches the models."))
        let project = folder.file("project")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, project.path])
        let versions = project.appendingPathComponent("migrations/versions/schema")
        let before = try FileManager.default.contentsOfDirectory(atPath: versions.path)
        let applied = try PlannerBinary.run([
            "apply", folder.file("plan.yaml").path, "--snapshot", Self.snapshot, "--project", project.path,
        ])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("Nothing to do: the plan has no changes, so no revision was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path) == before)
    }

    @Test func plainApplyHonoursDatabaseURI() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let withoutAny = try PlannerBinary.run(["apply", folder.file("plan.yaml").path])
        #expect(withoutAny.status == 64)
        #expect(withoutAny.stderr.contains("give --snapshot or --db (or DATABASE_URI)"))
        // With DATABASE_URI the plan is checked against that database: here one that cannot be reached.
        let withURI = try PlannerBinary.run(
            [
                "apply", Repository.fixture("plans/format-1.yaml").path, "--project",
                Repository.fixture("alembic").path,
            ],
            environment: ["DATABASE_URI": "postgresql://nobody:secret@127.0.0.1:1/orchestrator?connect_timeout=2"])
        #expect(withURI.status == 11, "\(withURI.stderr)")
        #expect(!withURI.stderr.contains("secret"))
    }
}
