import Foundation
import TestSupport
import Testing

/// Workflow plans against real PostgreSQL: the revision (orchestrator-core's helpers) run by real Alembic with
/// orchestrator-core 5.5.0 installed, up and down; `apply --execute` with the same effect; a workflow that processes
/// use is refused before anything changes.
@Suite(.enabled(if: TestCore.isConfigured, "needs the test cluster and PLANNER_TEST_CORE_VENV (run .ci/run)"))
struct WorkflowMigrationTests {
    static let code = Repository.fixture("workflows/example").path
    static let choices =
        #"{"add": [{"name": "create_user_partner", "product_type": "User", "description": "Create partner"}, {"name": "create_user", "product_type": "UserGroup"}], "delete_dangling": true}"#

    struct Setup {
        let folder = try! TemporaryFolder()
        let database: TestDatabase
        var project: URL { folder.file("project") }

        init() throws {
            database = try TestPostgres.copy()
            _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, project.path])
        }

        func snapshot(_ name: String, of database: TestDatabase? = nil) throws -> String {
            let path = folder.file(name).path
            let result = try PlannerBinary.run([
                "snapshot", "create", "--db", (database ?? self.database).socketURL, "--out", path,
            ])
            guard result.status == 0 else { throw TestFailure(result.stderr) }
            return path
        }

        func fingerprint(_ database: TestDatabase) throws -> String {
            let result = try PlannerBinary.run([
                "snapshot", "create", "--db", database.socketURL, "--out",
                folder.file("\(UUID().uuidString).sqlite").path,
            ])
            return result.stdout.components(separatedBy: "Fingerprint: ").last?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? ""
        }

        func plan(_ snapshot: String, choices: String = WorkflowMigrationTests.choices) throws -> Command.Result {
            try PlannerBinary.run([
                "plan", "workflows", "partners", "--snapshot", snapshot, "--code", WorkflowMigrationTests.code,
                "--choices", choices, "--out", folder.file("plan.yaml").path,
            ])
        }

        func cleanUp() {
            database.drop()
            folder.remove()
        }
    }

    @Test func theRevisionRunsInOrchestratorCoresAlembicAndExecuteDoesTheSame() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let executed = try TestPostgres.copy()
        defer { executed.drop() }
        let before = try setup.snapshot("before.sqlite")
        let original = try setup.fingerprint(setup.database)
        #expect(try setup.plan(before).status == 0)
        let plan = setup.folder.file("plan.yaml").path
        let written = try PlannerBinary.run(["apply", plan, "--snapshot", before, "--project", setup.project.path])
        #expect(written.status == 0, "\(written.stderr)")

        let upgrade = try TestCore.alembic(["upgrade", "heads"], project: setup.project, database: setup.database)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        let byAlembic = try setup.fingerprint(setup.database)
        #expect(byAlembic != original)
        let links = try setup.database.rows(
            "SELECT p.name FROM products_workflows pw JOIN workflows w USING (workflow_id) JOIN products p USING (product_id) WHERE w.name = 'create_user' ORDER BY 1"
        ).compactMap { $0.first ?? nil }
        #expect(links == ["User external", "User group", "User internal"], "the existing workflow is linked")
        #expect(try setup.database.rows("SELECT 1 FROM workflows WHERE name = 'terminate_user_group'").isEmpty)

        let execute = try PlannerBinary.run([
            "apply", plan, "--db", executed.socketURL, "--snapshot", before, "--project", setup.project.path,
            "--execute",
        ])
        #expect(execute.status == 0, "\(execute.stderr)")
        #expect(try setup.fingerprint(executed) == byAlembic, "--execute has the revision's effect")

        let after = try setup.snapshot("after.sqlite")
        let check = try PlannerBinary.run(["plan", "workflows", "--check", "--snapshot", after, "--code", Self.code])
        #expect(!check.stdout.contains("create_user_partner") && !check.stdout.contains("terminate_user_group"))

        let downgrade = try TestCore.alembic(["downgrade", "-1"], project: setup.project, database: setup.database)
        #expect(downgrade.status == 0, "\(downgrade.stderr)")
        #expect(
            try setup.fingerprint(setup.database) == original, "the downgrade unlinks, and never deletes create_user")
    }

    @Test func aWorkflowThatProcessesUseIsNotDeletedAndNothingChanges() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        _ = try setup.database.psql(
            "INSERT INTO processes (workflow_id, last_status) SELECT workflow_id, 'completed' FROM workflows WHERE name = 'terminate_user_group'"
        )
        let before = try setup.snapshot("before.sqlite")
        let planned = try setup.plan(before, choices: #"{"delete": ["terminate_user_group"]}"#)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(
            planned.stdout.contains(
                "[fails] deleting workflow terminate_user_group will fail: the snapshot has 1 process of it"))
        #expect(planned.stdout.contains("- workflow \"terminate_user_group\" (1 process)"))
        let original = try setup.fingerprint(setup.database)
        let execute = try PlannerBinary.run([
            "apply", setup.folder.file("plan.yaml").path, "--db", setup.database.socketURL, "--snapshot", before,
            "--project", setup.project.path, "--execute",
        ])
        #expect(execute.status == 63)
        #expect(execute.stderr.contains("workflow terminate_user_group has processes"), "\(execute.stderr)")
        #expect(try setup.fingerprint(setup.database) == original)
    }

    @Test func migrateWorkflowsOnALiveDatabaseWritesTheRevision() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try Data("a\n1\n3\nCreate partner\ny\n".utf8).write(to: setup.folder.file("stdin"))
        let arguments = [
            "db", "migrate-workflows", "add partner workflow", "--db", setup.database.socketURL, "--code", Self.code,
            "--project", setup.project.path,
        ]
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let result = try Command.run(
            "sh",
            arguments: ["-c", "\(PlannerBinary.executable.path) \(quoted) < '\(setup.folder.file("stdin").path)'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Generating migration file.\n"))
        #expect(
            result.stdout.hasSuffix("Migration generated. Don't forget to create a database backup before migrating!\n")
        )
        let versions = setup.project.appendingPathComponent("migrations/versions/schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: versions.path)
        let revision = try #require(files.first { $0.contains("add_partner_workflow") })
        let text = try String(contentsOf: versions.appendingPathComponent(revision), encoding: .utf8)
        #expect(text.contains("from orchestrator.core.migrations.helpers import create_workflow, delete_workflow"))
        #expect(text.contains("\"name\": \"create_user_partner\""))
    }
}
