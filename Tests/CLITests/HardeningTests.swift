import Foundation
import TestSupport
import Testing

/// What the adversarial run found, as users would meet it (issue "Hardening").
@Suite struct HardeningTests {
    static let snapshot = Repository.fixture("example/catalogue.sqlite").path
    static let models = Repository.fixture("example/models").path
    static let inputs = "@" + Repository.fixture("example/inputs.json").path

    func plan(out: String, inputs: String = HardeningTests.inputs, extra: [String] = []) throws -> Command.Result {
        try PlannerBinary.run(
            [
                "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--inputs", inputs, "--no-input",
                "--out", out,
            ] + extra)
    }

    @Test func anAnswersFileWithAnInvalidUTF8ByteIsRefusedNamingWhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var data = try Data(contentsOf: Repository.fixture("example/inputs.json"))
        let index = try #require(data.firstIndex(of: UInt8(ascii: "U")))
        data[index] = 0xFF
        try data.write(to: folder.file("inputs.json"))
        let result = try plan(out: folder.file("plan.yaml").path, inputs: "@" + folder.file("inputs.json").path)
        #expect(result.status == 50, "\(result.stderr)")
        #expect(result.stderr.contains("line 2, column 4: the byte 0xFF is not valid UTF-8"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan.yaml").path))
    }

    @Test func anOversizedAnswersFileIsRefusedBeforeItIsRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let big = folder.file("big.json")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 17 << 20)  // sparse: 17 MiB without writing them
        try handle.close()
        let result = try plan(out: folder.file("plan.yaml").path, inputs: "@" + big.path)
        #expect(result.status == 50, "\(result.stderr)")
        #expect(result.stderr.contains("is larger than 16 MiB"))
    }

    @Test func outputsNeverReplaceDevicesFIFOsOrTheCommandsOwnInputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let devNull = try plan(out: "/dev/null")
        #expect(devNull.status == 21, "\(devNull.stderr)")
        #expect(devNull.stderr.contains("/dev/null is a character device"))
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")

        let fifo = folder.file("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let toFIFO = try plan(out: fifo)
        #expect(toFIFO.status == 21)
        #expect(toFIFO.stderr.contains("is a FIFO"))

        let copy = folder.file("catalogue.sqlite").path
        try FileManager.default.copyItem(atPath: Self.snapshot, toPath: copy)
        let overInput = try PlannerBinary.run([
            "plan", "p", "--snapshot", copy, "--models", Self.models, "--inputs", Self.inputs, "--no-input", "--out",
            copy,
        ])
        #expect(overInput.status == 21)
        #expect(overInput.stderr.contains("is the same file as the input"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: Self.snapshot)))

        let snapshotToDevice = try PlannerBinary.run([
            "snapshot", "create", "--db", "postgresql://nobody@/x?host=/nonexistent", "--out", "/dev/null",
        ])
        #expect(snapshotToDevice.status == 21, "\(snapshotToDevice.stderr)")
    }

    @Test func temporaryFilesOfAKilledRunAreRemovedByTheNextRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A process id that no longer runs: a child that has exited.
        let child = try Command.run("true", arguments: [])
        #expect(child.status == 0)
        let stale = folder.file(".plan.yaml.tmp-2147480000-123")
        try Data("half a plan".utf8).write(to: stale)
        let result = try plan(out: folder.file("plan.yaml").path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(result.stderr.contains("removed \(stale.path), a temporary file left by an interrupted run"))
        #expect(folder.contents() == ["plan.yaml"])
    }

    @Test func aPlanFileThatIsNotAPlanSaysWhatItIs() throws {
        let result = try PlannerBinary.run(["plan", "show", "/nonexistent/plan.yaml"])
        #expect(result.status == 52)
        #expect(result.stderr.contains("/nonexistent/plan.yaml does not exist"))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let unreadable = try PlannerBinary.run(["plan", "show", folder.url.path])
        #expect(unreadable.stderr.contains("is a folder"), "\(unreadable.stderr)")
    }
}

/// The same, against the test cluster.
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct LiveHardeningTests {
    /// A password with unencoded `/`, `@` and `:` in the URL (a common mistake): connects as SQLAlchemy would read it,
    /// and no piece of it is ever printed when it is wrong.
    @Test func aPasswordWithSlashesAtsAndColonsConnectsAndNeverLeaks() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let role = "slash_\(UUID().uuidString.prefix(8).lowercased())"
        let password = "alpha/bravo@charlie:delta"
        try database.psql(
            "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)")
        defer { _ = try? database.psql("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = { (secret: String) in
            "postgresql+psycopg://\(role):\(secret)@\(TestPostgres.tcpHost):\(TestPostgres.port)/\(database.name)"
        }

        let good = try PlannerBinary.run([
            "snapshot", "create", "--db", url(password), "--out", folder.file("s.sqlite").path,
        ])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(!good.stdout.contains("alpha") && !good.stdout.contains("bravo") && !good.stdout.contains("charlie"))

        let wrong = "alpha/bravo@charlie:echo"
        for arguments in [
            ["snapshot", "create", "--db", url(wrong), "--out", folder.file("t.sqlite").path],
            ["snapshot", "check", folder.file("s.sqlite").path, "--db", url(wrong)],
        ] {
            let result = try PlannerBinary.run(arguments)
            #expect(result.status != 0)
            for piece in ["alpha", "bravo", "charlie", "echo"] {
                #expect(
                    !result.stderr.contains(piece) && !result.stdout.contains(piece),
                    "\(arguments[0...1]): \(result.stderr)")
            }
        }
        let viaEnvironment = try PlannerBinary.run(
            ["snapshot", "create", "--out", folder.file("u.sqlite").path], environment: ["DATABASE_URI": url(wrong)])
        #expect(viaEnvironment.status == 12, "\(viaEnvironment.stderr)")
        #expect(!viaEnvironment.stderr.contains("bravo") && !viaEnvironment.stderr.contains("charlie"))
    }

    /// Both spellings of a name in one catalogue: a valid snapshot (PostgreSQL allows it), which planning refuses
    /// to treat as one name.
    @Test func bothSpellingsOfANameSnapshotFineAndPlanningRefuses() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        try database.psql(
            """
            INSERT INTO products (name, description, product_type, tag, status) VALUES
              (U&'Caf\\00E9', 'composed', 'User', 'CAFE', 'active'),
              (U&'Cafe\\0301', 'decomposed', 'User', 'CAFE', 'active')
            """)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("s.sqlite").path
        #expect(try PlannerBinary.run(["snapshot", "create", "--db", database.socketURL, "--out", file]).status == 0)
        let verified = try PlannerBinary.run(["snapshot", "verify", file])
        #expect(verified.status == 0, "\(verified.stderr)")
        let check = try PlannerBinary.run([
            "plan", "--check", "--snapshot", file, "--models", Repository.fixture("models/example-v2").path,
        ])
        #expect(check.status == 53, "\(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains("U+00E9") && check.stderr.contains("U+0065 U+0301"))
    }
}
