import Foundation
import TestSupport
import Testing

/// `db upgrade`/`downgrade`/`current`/`stamp` against real PostgreSQL, checked against real Alembic (PyPI).
@Suite(.enabled(if: TestAlembic.isConfigured, "needs the test cluster and PLANNER_TEST_ALEMBIC (run .ci/run)"))
struct DbUpgradeTests {
    /// The venv holding the test Alembic: as a project's virtualenv, for delegation.
    static var virtualEnv: String {
        URL(fileURLWithPath: TestAlembic.executable ?? "").deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The example setup with the plan's revision written into the project.
    func setupWithRevision() throws -> (ApplyTests.Setup, String) {
        let setup = try ApplyTests.Setup()
        let applied = try PlannerBinary.run([
            "apply", setup.plan, "--snapshot", setup.snapshot, "--project", setup.project.path,
        ])
        guard applied.status == 0 else { throw TestFailure(applied.stderr) }
        let id = applied.stdout.components(separatedBy: "(revision ").last?.prefix(12) ?? ""
        return (setup, String(id))
    }

    func db(
        _ arguments: [String], _ database: TestDatabase, project: URL, virtualEnv: Bool = false
    ) throws
        -> Command.Result
    {
        try PlannerBinary.run(
            ["db"] + arguments + ["--db", database.socketURL, "--project", project.path],
            environment: virtualEnv ? ["VIRTUAL_ENV": Self.virtualEnv] : ["VIRTUAL_ENV": ""])
    }

    func versions(_ database: TestDatabase) throws -> [String] {
        try database.rows("SELECT version_num FROM alembic_version ORDER BY 1").compactMap { $0.first ?? nil }
    }

    func fingerprint(_ database: TestDatabase, in folder: TemporaryFolder) throws -> String {
        let path = folder.file("fp-\(UUID().uuidString).sqlite").path
        let result = try PlannerBinary.run(["snapshot", "create", "--db", database.socketURL, "--out", path])
        guard result.status == 0 else { throw TestFailure(result.stderr) }
        return result.stdout.components(separatedBy: "Fingerprint: ").last?.trimmingCharacters(
            in: .whitespacesAndNewlines) ?? ""
    }

    @Test func ourRevisionsRunNativelyAsAlembicRunsThemAndTheScriptDoesTheSame() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        let byAlembic = try TestPostgres.copy()
        defer { byAlembic.drop() }
        let byScript = try TestPostgres.copy()
        defer { byScript.drop() }
        let before = try fingerprint(setup.database, in: setup.folder)

        let native = try db(["upgrade", "heads"], setup.database, project: setup.project)
        #expect(native.status == 0, "\(native.stderr)")
        #expect(native.stdout.contains("Running upgrade e05bb1967eff -> \(id)"))
        #expect(native.stdout.contains("Done in one transaction; alembic_version: \(id)."))
        let alembic = try TestAlembic.run(["upgrade", "heads"], project: setup.project, database: byAlembic)
        #expect(alembic.status == 0, "\(alembic.stderr)")
        let script = try PlannerBinary.run([
            "db", "upgrade", "e05bb1967eff:heads", "--sql", "--project", setup.project.path,
        ])
        #expect(script.status == 0, "\(script.stderr)")
        try Data(script.stdout.utf8).write(to: setup.folder.file("upgrade.sql"))
        let psql = try Command.run(
            "psql",
            arguments: [byScript.socketURL, "-v", "ON_ERROR_STOP=1", "-qf", setup.folder.file("upgrade.sql").path])
        #expect(psql.status == 0, "\(psql.stderr)")

        let upgraded = try fingerprint(setup.database, in: setup.folder)
        #expect(upgraded != before)
        #expect(try fingerprint(byAlembic, in: setup.folder) == upgraded)
        #expect(try fingerprint(byScript, in: setup.folder) == upgraded)
        #expect(try versions(setup.database) == [id])
        #expect(try versions(byAlembic) == [id])
        #expect(try versions(byScript) == [id])

        let current = try db(["current"], setup.database, project: setup.project)
        let alembicCurrent = try TestAlembic.run(["current"], project: setup.project, database: byAlembic)
        // Alembic prints a set: compare the lines, not their order.
        #expect(
            current.stdout.split(separator: "\n").sorted() == alembicCurrent.stdout.split(separator: "\n").sorted(),
            "\(current.stdout) vs \(alembicCurrent.stdout)")
        #expect(current.stdout.contains("\(id) (head)"))
        try compareHistories(setup.database, byAlembic, project: setup.project)

        let again = try db(["upgrade", "heads"], setup.database, project: setup.project)
        #expect(again.stdout.contains("Nothing to do: alembic_version is already at \(id)."))

        let down = try db(["downgrade"], setup.database, project: setup.project)
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("Running downgrade \(id) -> e05bb1967eff"))
        #expect(try TestAlembic.run(["downgrade", "-1"], project: setup.project, database: byAlembic).status == 0)
        let downScript = try PlannerBinary.run([
            "db", "downgrade", "\(id):e05bb1967eff", "--sql", "--project", setup.project.path,
        ])
        try Data(downScript.stdout.utf8).write(to: setup.folder.file("downgrade.sql"))
        #expect(
            try Command.run(
                "psql",
                arguments: [
                    byScript.socketURL, "-v", "ON_ERROR_STOP=1", "-qf", setup.folder.file("downgrade.sql").path,
                ]
            ).status == 0)
        for database in [setup.database, byAlembic, byScript] {
            #expect(try fingerprint(database, in: setup.folder) == before)
            #expect(try versions(database) == ["e05bb1967eff"])
        }
        try compareHistories(setup.database, byAlembic, project: setup.project)
    }

    /// `db history --current` (short and `-v`) prints what `alembic history --indicate-current` prints.
    func compareHistories(_ ours: TestDatabase, _ theirs: TestDatabase, project: URL) throws {
        for verbose in [[], ["-v"]] {
            let history = try db(["history", "--current"] + verbose, ours, project: project)
            let alembic = try TestAlembic.run(
                ["history", "--indicate-current"] + verbose, project: project, database: theirs)
            #expect(history.status == 0 && alembic.status == 0, "\(history.stderr) \(alembic.stderr)")
            #expect(history.stdout.contains("(current)"))
            #expect(history.stdout == alembic.stdout, "ours:\n\(history.stdout)\nalembic:\n\(alembic.stdout)")
        }
    }

    @Test func aPathWithPythonRevisionsRunsThroughTheProjectsAlembicOrNotAtAll() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        _ = try setup.database.psql("DELETE FROM alembic_version")
        let refused = try db(["upgrade", "heads"], setup.database, project: setup.project)
        #expect(refused.status == 69)
        #expect(refused.stderr.contains("no Alembic was found"))
        #expect(refused.stderr.contains("e05bb1967eff (2026-01-15_e05bb1967eff_add_user_products.py)"))
        #expect(try versions(setup.database).isEmpty, "nothing changed")

        let delegated = try db(["upgrade", "heads"], setup.database, project: setup.project, virtualEnv: true)
        #expect(delegated.status == 0, "\(delegated.stderr)")
        #expect(
            delegated.stdout.contains("Running the project's Alembic (\(Self.virtualEnv)/bin/alembic upgrade heads)"))
        #expect(try versions(setup.database) == [id])
        #expect(!delegated.stdout.contains(setup.database.socketURL) && !delegated.stderr.contains("DATABASE_URI="))

        // --sql from base: the same revisions, scripted by the project's Alembic (or refused without one); the
        // script, run by psql on a database without alembic_version, gives the database just upgraded.
        let arguments = ["db", "upgrade", "heads", "--sql", "--project", setup.project.path]
        let noScript = try PlannerBinary.run(arguments, environment: ["VIRTUAL_ENV": ""])
        #expect(noScript.status == 69)
        #expect(noScript.stdout.isEmpty && noScript.stderr.contains("no Alembic was found"), "\(noScript.stderr)")
        let script = try PlannerBinary.run(arguments, environment: ["VIRTUAL_ENV": Self.virtualEnv])
        #expect(script.status == 0, "\(script.stderr)")
        #expect(
            script.stderr.contains("Running the project's Alembic (\(Self.virtualEnv)/bin/alembic upgrade heads --sql)")
        )
        let byScript = try TestPostgres.copy()
        defer { byScript.drop() }
        _ = try byScript.psql("DROP TABLE alembic_version")
        try Data(script.stdout.utf8).write(to: setup.folder.file("from-base.sql"))
        let psql = try Command.run(
            "psql",
            arguments: [byScript.socketURL, "-v", "ON_ERROR_STOP=1", "-qf", setup.folder.file("from-base.sql").path])
        #expect(psql.status == 0, "\(psql.stderr)")
        #expect(try versions(byScript) == [id])
        #expect(try fingerprint(byScript, in: setup.folder) == fingerprint(setup.database, in: setup.folder))
    }

    @Test func aFailingStatementRollsBackTheWholeCommandNamingTheRevision() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        // The revision's first INSERT will hit the unique product name.
        _ = try setup.database.psql(
            "INSERT INTO products (name, description, product_type, tag, status) VALUES ('User partner', 'x', 'User', 'X', 'active')"
        )
        let failed = try db(["upgrade", "heads"], setup.database, project: setup.project)
        #expect(failed.status == 63)
        #expect(failed.stderr.contains("upgrade of revision \(id)"))
        #expect(failed.stderr.contains("statement 1 of 15 failed, everything was rolled back"))
        #expect(try versions(setup.database) == ["e05bb1967eff"])
    }

    @Test func unknownAmbiguousAndAheadRevisionsAreRefused() throws {
        let (setup, _) = try setupWithRevision()
        defer { setup.cleanUp() }
        let unknown = try db(["upgrade", "zzz"], setup.database, project: setup.project)
        #expect(unknown.status == 67)
        #expect(unknown.stderr.contains("no revision or branch 'zzz'"))
        let ambiguous = try db(["upgrade", "head"], setup.database, project: setup.project)
        #expect(ambiguous.status == 68)
        #expect(ambiguous.stderr.contains("several heads are present"))
        let index = try db(["upgrade", "heads", "--index"], setup.database, project: setup.project)
        #expect(index.status == 64)
        #expect(index.stderr.contains("search indexing is not supported"))

        _ = try setup.database.psql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
        let ahead = try db(["upgrade", "heads"], setup.database, project: setup.project)
        #expect(ahead.status == 67)
        #expect(ahead.stderr.contains("holds ffffffffffff, which no migration file has: the database is ahead"))
        let current = try db(["current"], setup.database, project: setup.project)
        #expect(current.stdout.contains("ffffffffffff (not in the migration files)"))
        let stamped = try db(["stamp", "e05bb1967eff", "--purge"], setup.database, project: setup.project)
        #expect(stamped.status == 0, "\(stamped.stderr)")
        #expect(try versions(setup.database) == ["e05bb1967eff"])
    }

    /// `db stamp` leaves alembic_version as Alembic's `stamp` does, from the data head and from above it: `base`
    /// empties it, `heads` records the data head alone (it depends on the schema head), a lower revision replaces
    /// the one above it; a relative step is refused by both.
    @Test func stampRecordsWhatAlembicsStampRecords() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        let cases: [(start: String, target: [String])] = [
            ("e05bb1967eff", ["base"]), ("e05bb1967eff", ["heads"]), ("e05bb1967eff", ["data@head"]),
            ("e05bb1967eff", ["544fd845554d"]), ("e05bb1967eff", [id]), (id, ["e05bb1967eff"]), (id, ["base"]),
            (id, ["heads"]), ("544fd845554d", ["e05bb1967eff", "--purge"]), (id, ["-1"]),
        ]
        for (start, target) in cases {
            let ours = try TestPostgres.copy()
            defer { ours.drop() }
            let theirs = try TestPostgres.copy()
            defer { theirs.drop() }
            for database in [ours, theirs] {
                _ = try database.psql("UPDATE alembic_version SET version_num = '\(start)'")
            }
            let stamped = try db(["stamp"] + target, ours, project: setup.project)
            let alembic = try TestAlembic.run(["stamp"] + target, project: setup.project, database: theirs)
            let label = "stamp \(target) from \(start)"
            #expect((stamped.status == 0) == (alembic.status == 0), "\(label): \(stamped.stderr) | \(alembic.stderr)")
            #expect(try versions(ours) == versions(theirs), "\(label)")
        }
    }

    /// `db upgrade`/`downgrade` reach the alembic_version Alembic reaches (or refuse where it refuses) for the
    /// revision arguments people use, from below and from above our revision.
    @Test func upgradeAndDowngradeTargetsAsAlembics() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        let cases: [(start: String, command: [String])] = [
            ("e05bb1967eff", ["upgrade", "+1"]), ("e05bb1967eff", ["upgrade", "data@+1"]),
            ("e05bb1967eff", ["upgrade", String(id.prefix(6))]), ("e05bb1967eff", ["upgrade", "data@head"]),
            ("e05bb1967eff", ["upgrade", "head"]), (id, ["downgrade", "-1"]), (id, ["downgrade", "data@-1"]),
            (id, ["downgrade", "e05bb1967eff"]), (id, ["downgrade", "-2"]), (id, ["downgrade", "data@base"]),
            (id, ["upgrade", "heads"]), ("e05bb1967eff", ["downgrade", "-1"]),
        ]
        for (start, command) in cases {
            let ours = try TestPostgres.copy()
            defer { ours.drop() }
            let theirs = try TestPostgres.copy()
            defer { theirs.drop() }
            for database in [ours, theirs] {
                _ = try database.psql("UPDATE alembic_version SET version_num = '\(start)'")
            }
            // With the test Alembic as the project's virtualenv: a path through the fixture's Python revision is
            // handed to it, as to a user's.
            let result = try db(command, ours, project: setup.project, virtualEnv: true)
            let alembic = try TestAlembic.run(command, project: setup.project, database: theirs)
            let label = "\(command) from \(start)"
            #expect((result.status == 0) == (alembic.status == 0), "\(label): \(result.stderr) | \(alembic.stderr)")
            #expect(try versions(ours) == versions(theirs), "\(label)")
        }
    }

    @Test func twoConcurrentUpgradesRunItOnce() throws {
        let (setup, id) = try setupWithRevision()
        defer { setup.cleanUp() }
        let arguments = ["db", "upgrade", "heads", "--db", setup.database.socketURL, "--project", setup.project.path]
        let processes = (0..<2).map { _ -> (Process, URL) in
            let process = Process()
            process.executableURL = PlannerBinary.executable
            process.arguments = arguments
            let out = setup.folder.file("out-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            process.standardOutput = try? FileHandle(forWritingTo: out)
            return (process, out)
        }
        for (process, _) in processes { try process.run() }
        for (process, _) in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.0.terminationStatus == 0 })
        let texts = try processes.map { try String(contentsOf: $0.1, encoding: .utf8) }
        #expect(texts.filter { $0.contains("Running upgrade") }.count == 1, "\(texts)")
        #expect(texts.filter { $0.contains("Nothing to do") }.count == 1, "\(texts)")
        #expect(try versions(setup.database) == [id])
    }
}
