import Alembic
import Foundation
import TestSupport
import Testing

@Suite struct CoreMigrationsTests {
    func make(_ path: String, in folder: TemporaryFolder) throws -> URL {
        let url = folder.file(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func foundInTheVirtualenvOrTheProjectInBothLayouts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let project = try make("project", in: folder)
        #expect(CoreMigrations.find(explicit: nil, project: project, environment: [:]) == nil)

        let old = try make(
            "project/venv/lib/python3.11/site-packages/orchestrator/migrations/versions/schema", in: folder)
        #expect(CoreMigrations.find(explicit: nil, project: project, environment: [:])?.path == old.path)

        let new = try make(
            "project/.venv/lib/python3.12/site-packages/orchestrator/core/migrations/versions/schema", in: folder)
        #expect(
            CoreMigrations.find(explicit: nil, project: project, environment: [:])?.path == new.path,
            ".venv comes before venv")

        let active = try make(
            "elsewhere/lib/python3.11/site-packages/orchestrator/core/migrations/versions/schema", in: folder)
        #expect(
            CoreMigrations.find(
                explicit: nil, project: project, environment: ["VIRTUAL_ENV": folder.file("elsewhere").path])?.path
                == active.path)

        let explicit = folder.file("given")
        #expect(
            CoreMigrations.find(
                explicit: explicit, project: project, environment: ["VIRTUAL_ENV": folder.file("elsewhere").path])
                == explicit)
    }

    @Test func theSchemaHeadComesFromThemWhenFound() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try PlannerBinary.run(["db", "init", "--project", folder.url.path])
        let core = try make(
            ".venv/lib/python3.11/site-packages/orchestrator/core/migrations/versions/schema", in: folder)
        try FileManager.default.copyItem(
            at: Repository.fixture("alembic/core-schema/544fd845554d_orchestrator_core_schema_head.py"),
            to: core.appendingPathComponent("544fd845554d_head.py"))
        let revision = try PlannerBinary.run(["db", "revision", "-m", "first", "--project", folder.url.path])
        #expect(revision.status == 0, "\(revision.stderr)")
        let heads = try PlannerBinary.run(["db", "heads", "--project", folder.url.path])
        #expect(heads.stdout.contains("544fd845554d (schema) (effective head)"), "\(heads.stdout)")
        #expect(!heads.stderr.contains("not visible"))
    }
}
