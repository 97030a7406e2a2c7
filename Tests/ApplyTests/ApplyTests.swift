import Foundation
import TestSupport
import Testing

/// `apply` with real Alembic (from PyPI) and a real PostgreSQL: the revision we write is picked up, upgrades,
/// downgrades; `--execute` gives the same catalogue; stale, edited and conflicting cases are refused.
@Suite(.enabled(if: TestAlembic.isConfigured, "needs the test cluster and PLANNER_TEST_ALEMBIC (run .ci/run)"))
struct ApplyTests {
    static let models = Repository.fixture("example/models").path
    static let inputs = #"@"# + Repository.fixture("example/inputs.json").path

    /// A temporary Alembic project, a database copied from the example, its snapshot, and a plan against it.
    struct Setup {
        let folder: TemporaryFolder
        let database: TestDatabase
        var project: URL { folder.file("project") }
        var snapshot: String { folder.file("before.sqlite").path }
        var plan: String { folder.file("plan.yaml").path }

        init(message: String = "add partner users: e-mail 09:00 \"prefs\"") throws {
            folder = try TemporaryFolder()
            database = try TestPostgres.copy()
            _ = try Command.run(
                "cp", arguments: ["-r", Repository.fixture("alembic").path, folder.file("project").path])
            let snapshot = try PlannerBinary.run([
                "snapshot", "create", "--db", database.socketURL, "--out", folder.file("before.sqlite").path,
            ])
            guard snapshot.status == 0 else { throw TestFailure(snapshot.stderr) }
            let inputs =
                #"{"User partner": {"description": "It's \"quoted\" :name %s 10:30 \\ ünï", "tag": "USER", "affiliation": "partner"}, "email": {"description": "E-mail", "value": "a:b@example.org"}, "UserPreferencesBlock": {"description": "Prefs", "tag": "UP"}, "language": {"description": "Language", "value": "en"}, "theme": {"description": "Theme", "value": "light"}}"#
            let plan = try PlannerBinary.run([
                "plan", message, "--snapshot", folder.file("before.sqlite").path, "--models", ApplyTests.models,
                "--inputs", inputs, "--no-input", "--out", folder.file("plan.yaml").path,
            ])
            guard plan.status == 0 else { throw TestFailure(plan.stderr) }
        }

        func cleanUp() {
            database.drop()
            folder.remove()
        }

        func fingerprint() throws -> String {
            let path = folder.file("now-\(UUID().uuidString).sqlite").path
            let result = try PlannerBinary.run(["snapshot", "create", "--db", database.socketURL, "--out", path])
            guard result.status == 0 else { throw TestFailure(result.stderr) }
            return result.stdout.components(separatedBy: "Fingerprint: ").last?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? ""
        }

        func replanIsEmpty() throws -> Bool {
            let path = folder.file("after.sqlite").path
            _ = try PlannerBinary.run(["snapshot", "create", "--db", database.socketURL, "--out", path])
            let check = try PlannerBinary.run(["plan", "--check", "--snapshot", path, "--models", ApplyTests.models])
            return check.status == 0
        }
    }

    @Test func alembicRunsOurRevisionBothWays() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let before = try setup.fingerprint()
        let apply = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("revises e05bb1967eff"))

        let heads = try TestAlembic.run(["heads"], project: setup.project, database: setup.database)
        #expect(heads.status == 0, "\(heads.stderr)")
        let revision = heads.stdout.split(separator: " ").first.map(String.init) ?? ""
        #expect(heads.stdout.contains("\(revision) (data) (head)"))
        #expect(apply.stdout.contains("revision \(revision)"))

        let upgrade = try TestAlembic.run(["upgrade", "heads"], project: setup.project, database: setup.database)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try setup.replanIsEmpty(), "after alembic upgrade, the catalogue is what the plan promised")
        #expect(try setup.database.rows("SELECT version_num FROM alembic_version") == [[revision]])
        #expect(
            try setup.database.rows(
                "SELECT replace(description, E'\\\\', '<BS>') FROM products WHERE name = 'User partner'") == [
                    ["It's \"quoted\" :name %s 10:30 <BS> ünï"]
                ])
        #expect(
            try setup.database.rows(
                "SELECT DISTINCT value FROM subscription_instance_values v JOIN resource_types r USING (resource_type_id) WHERE r.resource_type = 'email'"
            ) == [["a:b@example.org"]])

        let downgrade = try TestAlembic.run(
            ["downgrade", "e05bb1967eff"], project: setup.project, database: setup.database)
        #expect(downgrade.status == 0, "\(downgrade.stderr)")
        #expect(try setup.fingerprint() == before)
    }

    @Test func executeGivesTheSameCatalogueAsAlembic() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let executed = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--db", setup.database.socketURL, "--execute",
            "--project", setup.project.path,
        ])
        #expect(executed.status == 0, "\(executed.stderr)")
        #expect(executed.stdout.contains("alembic_version: e05bb1967eff → "))
        let viaExecute = try setup.fingerprint()
        #expect(try setup.replanIsEmpty())

        let other = try Setup()
        defer { other.cleanUp() }
        _ = try PlannerBinary.run(["apply", other.plan, "--snapshot", other.snapshot, "--project", other.project.path])
        let upgrade = try TestAlembic.run(["upgrade", "heads"], project: other.project, database: other.database)
        #expect(upgrade.status == 0, "\(upgrade.stderr)")
        #expect(try other.fingerprint() == viaExecute)

        // Alembic agrees the revision is applied: nothing left to upgrade.
        let current = try TestAlembic.run(["current"], project: setup.project, database: setup.database)
        #expect(current.stdout.contains("(head)"), "\(current.stdout) \(current.stderr)")
    }

    /// The documented two-step deployment: the revision is written into the project (and committed), later the job
    /// executes the plan in the same project. alembic_version must move exactly as Alembic would move it.
    @Test func theTwoStepDeploymentStampsAsAlembicWould() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let written = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let executed = try PlannerBinary.run([
            "apply", setup.plan, "--db", setup.database.socketURL, "--execute", "--project", setup.project.path,
        ])
        #expect(executed.status == 0, "\(executed.stderr)")
        #expect(executed.stdout.contains("is already present"))
        #expect(executed.stdout.contains("alembic_version: e05bb1967eff → "), "\(executed.stdout)")
        let versions = try setup.database.rows("SELECT version_num FROM alembic_version")
        #expect(versions.count == 1 && versions.first?.first != "e05bb1967eff", "\(versions)")

        let upgrade = try TestAlembic.run(["upgrade", "heads"], project: setup.project, database: setup.database)
        #expect(upgrade.status == 0, "Alembic accepts the stamp: \(upgrade.stderr)")
        #expect(
            try setup.database.rows("SELECT version_num FROM alembic_version") == versions, "nothing left to upgrade")

        // A retried job: already applied, exit 0, nothing changed.
        let before = try setup.fingerprint()
        let retried = try PlannerBinary.run([
            "apply", setup.plan, "--db", setup.database.socketURL, "--execute", "--project", setup.project.path,
        ])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.contains("Already applied"))
        #expect(try setup.fingerprint() == before)
        #expect(try setup.database.rows("SELECT version_num FROM alembic_version") == versions)
    }

    @Test func aDatabaseNotAtTheRevisionsParentIsRefused() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.database.psql("UPDATE alembic_version SET version_num = '0123456789ab'")
        let before = try setup.fingerprint()
        let refused = try PlannerBinary.run([
            "apply", setup.plan, "--db", setup.database.socketURL, "--execute", "--project", setup.project.path,
        ])
        #expect(refused.status == 66, "\(refused.stdout) \(refused.stderr)")
        #expect(refused.stderr.contains("revises e05bb1967eff, but the database's alembic_version holds 0123456789ab"))
        #expect(try setup.fingerprint() == before)
        #expect(try setup.database.rows("SELECT version_num FROM alembic_version") == [["0123456789ab"]])
    }

    @Test func aStalePlanIsRefusedWithWhatChanged() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.database.psql("UPDATE products SET description = 'changed meanwhile' WHERE name = 'User internal'")
        let refused = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--db", setup.database.socketURL, "--execute",
            "--project", setup.project.path,
        ])
        #expect(refused.status == 60)
        #expect(refused.stderr.contains("is stale"))
        #expect(refused.stderr.contains("~ product \"User internal\": description"))
        #expect(refused.stderr.contains("--answers \(setup.plan)"))
        #expect(
            try FileManager.default.contentsOfDirectory(
                atPath: setup.project.appendingPathComponent("migrations/versions/schema").path
            ).count == 1, "no revision written")
    }

    @Test func aPlanAgainstTheWrongDatabaseIsRefused() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let other = try TestPostgres.copy(of: "orchestrator_empty")
        defer { other.drop() }
        let refused = try PlannerBinary.run([
            "apply", setup.plan, "--db", other.socketURL, "--execute", "--project", setup.project.path,
        ])
        #expect(refused.status == 60)
        #expect(refused.stderr.contains("is stale: it was made against catalogue"))
        #expect(try other.rows("SELECT count(*) FROM products") == [["0"]])
    }

    @Test func anEditedPlanIsRefused() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let text = try String(contentsOfFile: setup.plan, encoding: .utf8).replacingOccurrences(
            of: "'Prefs'", with: "'Preferences'")
        try Data(text.utf8).write(to: URL(fileURLWithPath: setup.plan))
        let refused = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(refused.status == 52)
        #expect(refused.stderr.contains("was edited after it was planned (changed: upgrade)"))
    }

    /// A deferred constraint fails at COMMIT: the message says the transaction was rolled back, and the server's
    /// chatter (`WARNING: there is no transaction in progress`) stays off stderr.
    @Test func aFailureAtCommitSaysItWasRolledBack() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        try setup.database.psql(
            """
            CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
            CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON products DEFERRABLE INITIALLY DEFERRED
              FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();
            """)
        let before = try setup.fingerprint()
        let failed = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--db", setup.database.socketURL, "--execute",
            "--project", setup.project.path,
        ])
        #expect(failed.status == 63, "\(failed.stderr)")
        #expect(failed.stderr.contains("COMMIT failed, so the transaction was rolled back"), "\(failed.stderr)")
        #expect(failed.stderr.contains("refused at commit"))
        #expect(!failed.stderr.contains("WARNING"), "\(failed.stderr)")
        #expect(try setup.fingerprint() == before)
        #expect(try setup.database.rows("SELECT version_num FROM alembic_version") == [["e05bb1967eff"]])
    }

    @Test func aFailingStatementRollsEverythingBack() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        // A trigger (not part of the catalogue's meaning) makes the fourth statement fail.
        try setup.database.psql(
            """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by a trigger'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON resource_types FOR EACH ROW EXECUTE FUNCTION refuse();
            """)
        let before = try setup.fingerprint()
        let failed = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--db", setup.database.socketURL, "--execute",
            "--project", setup.project.path,
        ])
        #expect(failed.status == 63)
        #expect(failed.stderr.contains("refused by a trigger"))
        #expect(failed.stderr.contains("everything was rolled back"))
        #expect(try setup.fingerprint() == before)
        #expect(try setup.database.rows("SELECT version_num FROM alembic_version") == [["e05bb1967eff"]])
    }

    /// Two deployment jobs at once: one executes, the other waits for the lock and then finds the revision applied
    /// (exit 0, nothing changed), as a retried job does.
    @Test func twoConcurrentExecutionsApplyExactlyOnce() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let second = setup.folder.file("project2")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, second.path])
        let arguments = { (project: URL) in
            [
                "apply", setup.plan, "--snapshot", setup.snapshot, "--db", setup.database.socketURL, "--execute",
                "--project", project.path,
            ]
        }
        let outputs = [setup.folder.file("out1"), setup.folder.file("out2")]
        let processes = try zip([setup.project, second], outputs).map { project, output -> Process in
            let process = Process()
            process.executableURL = PlannerBinary.executable
            process.arguments = arguments(project)
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let statuses = processes.map(\.terminationStatus)
        let texts = try outputs.map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(statuses == [0, 0], "\(statuses) \(texts)")
        #expect(texts.filter { $0.contains("Executed") }.count == 1, "exactly one executes: \(texts)")
        #expect(texts.filter { $0.contains("Already applied") }.count == 1, "the other changes nothing: \(texts)")
        #expect(try setup.database.rows("SELECT count(*) FROM products WHERE name = 'User partner'") == [["1"]])
        #expect(try setup.database.rows("SELECT count(*) FROM alembic_version") == [["1"]])
    }

    @Test func aRevisionFileIsNeverOverwritten() throws {
        let setup = try Setup()
        defer { setup.cleanUp() }
        let first = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(first.status == 0)
        let again = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(again.status == 0)
        #expect(again.stdout.contains("is already present"))
        // A different file already at the target path: refused, left as it was.
        let versions = setup.project.appendingPathComponent("migrations/versions/schema")
        let name =
            try FileManager.default.contentsOfDirectory(atPath: versions.path).first { !$0.contains("e05bb1967eff") }
            ?? ""
        let path = versions.appendingPathComponent(name)
        try Data("# not a revision of this plan\nrevision = 'ffffffffffff'\ndown_revision = 'e05bb1967eff'\n".utf8)
            .write(to: path)
        let refused = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        #expect(refused.status == 62, "\(refused.stdout) \(refused.stderr)")
        #expect(refused.stderr.contains("already exists"))
        #expect(try String(contentsOf: path, encoding: .utf8).hasPrefix("# not a revision of this plan"))
    }
}

@Suite struct AlembicIsPresentInCI {
    @Test func ciRunsTheAlembicTests() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(TestAlembic.isConfigured, "CI must provide PLANNER_TEST_ALEMBIC")
        }
    }
}
