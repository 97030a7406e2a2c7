import Foundation
import GRDB
import TestSupport
import Testing

/// The built binary against the test cluster: output, exit codes, files left behind.
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct SnapshotCommandTests {
    @Test func createShowVerifyAndCheckTheExample() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("catalogue.sqlite").path

        let create = try PlannerBinary.run(["snapshot", "create", "--db", database.passwordURL, "--out", file])
        #expect(create.status == 0, "\(create.stderr)")
        #expect(create.stdout.contains("Wrote \(file): 3 products, 2 product blocks, 5 resource types"))
        #expect(create.stderr.isEmpty, "no progress when stderr is not a terminal: \(create.stderr)")
        #expect(folder.contents() == ["catalogue.sqlite"])

        let show = try PlannerBinary.run(["snapshot", "show", file])
        #expect(show.status == 0)
        #expect(show.stdout.contains("source:       127.0.0.1:\(TestPostgres.port)/\(database.name)"))
        #expect(show.stdout.contains("alembic:      e05bb1967eff"))
        #expect(show.stdout.contains("User internal"))
        #expect(show.stdout.contains("product_blocks                2"))

        let json = try PlannerBinary.run(["snapshot", "show", file, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["tables"] as? [String: Int])?["products"] == 3)
        #expect((object?["alembic_versions"] as? [String]) == ["e05bb1967eff"])
        #expect((object?["fingerprint"] as? String)?.hasPrefix("sha256:") == true)

        let verify = try PlannerBinary.run(["snapshot", "verify", file])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("intact snapshot"))

        let same = try PlannerBinary.run(["snapshot", "check", file, "--db", database.socketURL])
        #expect(same.status == 0, "\(same.stdout) \(same.stderr)")
        #expect(same.stdout.contains("matches"))

        try database.psql("UPDATE products SET description = 'Internal users' WHERE name = 'User internal'")
        let changed = try PlannerBinary.run(["snapshot", "check", file, "--db", database.socketURL])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("~ product \"User internal\": description"))

        for output in [create, show, json, verify, same, changed] {
            #expect(!(output.stdout + output.stderr).contains(TestPostgres.password))
        }
    }

    @Test func thePasswordNeverReachesOutputOrTheFile() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("c.sqlite")
        // In the URL (percent-encoded), and through PGPASSWORD with DATABASE_URI.
        let fromURL = try PlannerBinary.run(["snapshot", "create", "--db", database.passwordURL, "--out", file.path])
        #expect(fromURL.status == 0, "\(fromURL.stderr)")
        let bytes = try Data(contentsOf: file)
        let encoded = TestPostgres.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        for secret in [TestPostgres.password, encoded, "s3cr"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' is in the snapshot file")
            #expect(!(fromURL.stdout + fromURL.stderr).contains(secret))
        }

        let fromEnvironment = try PlannerBinary.run(
            ["snapshot", "create", "--out", folder.file("d.sqlite").path],
            environment: [
                "DATABASE_URI":
                    "postgresql+psycopg://\(TestPostgres.passwordRole)@\(TestPostgres.tcpHost):\(TestPostgres.port)/\(database.name)",
                "PGPASSWORD": TestPostgres.password,
            ])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(try Data(contentsOf: folder.file("d.sqlite")).range(of: Data("s3cr".utf8)) == nil)

        // ~/.pgpass, found through $HOME as libpq does.
        let home = try TemporaryFolder()
        defer { home.remove() }
        let pgpass =
            "\(TestPostgres.tcpHost):\(TestPostgres.port):*:\(TestPostgres.passwordRole):\(TestPostgres.password.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:"))\n"
        try Data(pgpass.utf8).write(to: home.file(".pgpass"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: home.file(".pgpass").path)
        let fromPgpass = try PlannerBinary.run(
            [
                "snapshot", "create", "--db",
                "host=\(TestPostgres.tcpHost) port=\(TestPostgres.port) dbname=\(database.name) user=\(TestPostgres.passwordRole)",
                "--out", folder.file("e.sqlite").path,
            ],
            environment: ["HOME": home.url.path])
        #expect(fromPgpass.status == 0, "\(fromPgpass.stderr)")
    }

    /// Each failure: one line on stderr, its own exit code, and no file (nor temporary file) left behind.
    @Test func failuresGiveOneLineADistinctExitCodeAndNoFile() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.file("a-directory"), withIntermediateDirectories: false)
        let out = folder.file("c.sqlite").path
        let encoded = TestPostgres.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let cases: [(String, [String], Int32, String)] = [
            (
                "unreachable host", ["--db", "postgresql://u:\(encoded)@127.0.0.1:1/orchestrator", "--out", out], 11,
                "cannot connect"
            ),
            ("wrong password", ["--db", database.wrongPasswordURL, "--out", out], 12, "refused the credentials"),
            (
                "not orchestrator", ["--db", TestDatabase(name: "not_orchestrator").socketURL, "--out", out], 13,
                "not an orchestrator-core database"
            ),
            ("bad connection string", ["--db", "mysql://u:\(encoded)@h/db", "--out", out], 10, "not PostgreSQL's"),
            ("no database", ["--out", out], 10, "DATABASE_URI"),
            (
                "unwritable folder", ["--db", database.socketURL, "--out", "/sys/c.sqlite"], 21,
                "cannot write the snapshot"
            ),
            (
                "missing folder", ["--db", database.socketURL, "--out", folder.file("missing/c.sqlite").path], 21,
                "does not exist"
            ),
            ("directory", ["--db", database.socketURL, "--out", folder.file("a-directory").path], 20, "is a folder"),
        ]
        for (name, arguments, code, text) in cases {
            let result = try PlannerBinary.run(["snapshot", "create"] + arguments)
            #expect(result.status == code, "\(name): exit \(result.status), \(result.stderr)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(text), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): not one line: \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(name)")
            #expect(!result.stderr.contains("s3cr") && !result.stderr.contains(encoded), "\(name) leaked the password")
            #expect(folder.contents() == ["a-directory"], "\(name) left \(folder.contents())")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("a-directory").path).isEmpty)
    }

    @Test func checkReportsEveryErrorAsTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try PlannerBinary.run([
            "snapshot", "check", folder.file("none.sqlite").path, "--db", "postgresql://127.0.0.1:1/x",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no snapshot at"))
    }

    @Test func verifyReportsEditedAndTruncatedFiles() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("c.sqlite")
        #expect(
            try PlannerBinary.run(["snapshot", "create", "--db", database.socketURL, "--out", file.path]).status == 0)
        let pristine = try Data(contentsOf: file)

        let queue = try DatabaseQueue(path: file.path)
        try queue.write {
            try $0.execute(sql: "UPDATE resource_types SET description = 'edited' WHERE resource_type = 'age'")
        }
        try queue.close()
        let edited = try PlannerBinary.run(["snapshot", "verify", file.path])
        #expect(edited.status == 33)
        #expect(edited.stderr.contains("was changed after orchestrator-planner wrote it"))

        try pristine.prefix(pristine.count / 2).write(to: file)
        let truncated = try PlannerBinary.run(["snapshot", "verify", file.path])
        #expect(truncated.status == 33)
        #expect(truncated.stderr.contains("damaged"))

        try Data("not a database".utf8).write(to: file)
        let other = try PlannerBinary.run(["snapshot", "show", file.path])
        #expect(other.status == 31)
    }
}

/// Guards against a CI run that silently skips every database test.
@Suite struct TestClusterIsPresentInCI {
    @Test func ciRunsTheDatabaseTests() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(TestPostgres.isConfigured, "CI must run the tests through scripts/with-postgres")
        }
    }
}
