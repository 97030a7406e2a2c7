import Foundation
import TestSupport
import Testing

/// `generate` into a fresh project skeleton, checked with real orchestrator-core 5.5.0, ruff and pytest from PyPI,
/// and real PostgreSQL: configs that build on each other (a node, a port on the node's block, a link of ports),
/// each migration applied before the next is planned.
@Suite(.enabled(if: TestCore.isConfigured, "needs the test cluster and PLANNER_TEST_CORE_VENV (run .ci/run)"))
struct GeneratedProjectTests {
    static var venv: String { TestCore.venv ?? "" }

    struct Project {
        let folder = try! TemporaryFolder()
        var root: URL { folder.file("project") }

        init() throws {
            _ = try Command.run("cp", arguments: ["-r", Repository.fixture("generate/project").path, root.path])
        }

        func planner(_ arguments: [String]) throws -> Command.Result {
            try PlannerBinary.run(arguments, in: root)
        }

        func generate(_ config: String, prefix: [String] = [], custom: [String] = [], database: TestDatabase) throws {
            let path = Repository.fixture("generate/\(config).yaml").path
            for command in ["product-blocks", "product", "workflows", "unit-tests"] {
                let extra = prefix + (command == "workflows" ? custom : [])
                let result = try planner(["generate", command, "-cf", path, "--no-dryrun", "--force"] + extra)
                guard result.status == 0 else { throw TestFailure("generate \(command) \(config): \(result.stderr)") }
            }
            let migration = try planner(
                ["generate", "migration", "-cf", path, "--project", ".", "--db", database.socketURL] + prefix)
            guard migration.status == 0 else { throw TestFailure("generate migration \(config): \(migration.stderr)") }
            let upgrade = try planner(["db", "upgrade", "heads", "--db", database.socketURL, "--project", "."])
            guard upgrade.status == 0 else { throw TestFailure("db upgrade \(config): \(upgrade.stderr)") }
        }

        func python(_ arguments: [String], database: TestDatabase) throws -> Command.Result {
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URI"] = database.socketURLWithHost.replacingOccurrences(
                of: "postgresql://", with: "postgresql+psycopg://")
            environment["TESTING"] = "true"
            return try Command.run(
                GeneratedProjectTests.venv + "/bin/python", arguments: arguments, environment: environment,
                currentDirectory: root)
        }

        func ruff(_ arguments: [String]) throws -> Command.Result {
            try Command.run(
                GeneratedProjectTests.venv + "/bin/ruff",
                arguments: arguments + [
                    "--isolated", "--line-length", "120", "--exclude", "migrations", "--exclude", "core-schema", ".",
                ],
                currentDirectory: root)
        }
    }

    @Test func configsThatBuildOnEachOtherGenerateCodeThatRunsMigratesAndPassesItsTests() throws {
        let project = try Project()
        defer { project.folder.remove() }
        let database = try TestPostgres.copy(of: "orchestrator_empty")
        defer { database.drop() }
        for config in ["node", "port", "link"] { try project.generate(config, database: database) }

        let check = try project.ruff(["check", "--select", "F"])
        #expect(check.status == 0, "\(check.stdout)")
        let format = try project.ruff(["format", "--check"])
        #expect(format.status == 0, "\(format.stdout)")

        let loaded = try project.python([Repository.fixture("generate/check_project.py").path], database: database)
        #expect(loaded.status == 0, "\(loaded.stdout)\n\(loaded.stderr)")
        for workflow in ["create_node", "modify_port", "terminate_link", "validate_node", "create_link"] {
            #expect(loaded.stdout.contains("workflow \(workflow) "), "\(workflow) loads")
        }
        #expect(!loaded.stdout.contains("validate_port"), "a disabled workflow is not registered")

        let snapshot = project.folder.file("after.sqlite").path
        #expect(try project.planner(["snapshot", "create", "--db", database.socketURL, "--out", snapshot]).status == 0)
        let plan = try project.planner(["plan", "--check", "--snapshot", snapshot, "--models", "."])
        #expect(plan.status == 0, "\(plan.stdout)\n\(plan.stderr)")

        let tests = try project.python(
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "test"], database: database)
        #expect(tests.status == 0, "\(tests.stdout.suffix(3000))")
        #expect(tests.stdout.contains("17 passed"), "\(tests.stdout.suffix(500))")
    }

    @Test func aFolderPrefixAndCustomTemplatesGenerateCodeThatPassesItsTests() throws {
        let project = try Project()
        defer { project.folder.remove() }
        let database = try TestPostgres.copy(of: "orchestrator_empty")
        defer { database.drop() }
        try project.generate(
            "node", prefix: ["-fp", "orch"], custom: ["-ct", Repository.fixture("generate/custom_templates").path],
            database: database)
        let created = try String(
            contentsOf: project.root.appendingPathComponent("orch/workflows/node/create_node.py"), encoding: .utf8)
        #expect(created.contains("def announce_subscription("), "the custom hook is in")
        let registry = try String(
            contentsOf: project.root.appendingPathComponent("orch/products/__init__.py"), encoding: .utf8)
        #expect(registry.contains("from orch.products.product_types.node import Node"))
        #expect(try project.ruff(["check", "--select", "F"]).status == 0)
        #expect(try project.ruff(["format", "--check"]).status == 0)
        let loaded = try project.python(
            [Repository.fixture("generate/check_project.py").path, "orch"], database: database)
        #expect(loaded.status == 0, "\(loaded.stdout)\n\(loaded.stderr)")
        let tests = try project.python(
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "test"], database: database)
        #expect(tests.status == 0, "\(tests.stdout.suffix(3000))")
    }
}
