import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct InterruptAndProgressTests {
    /// A snapshot blocked on a locked table is interrupted: exit 130, and nothing at all is left in the folder.
    @Test func anInterruptedCreateLeavesNoFile() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }

        // Hold an exclusive lock on products so the snapshot's read waits.
        let locker = Process()
        locker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        locker.arguments = [
            "psql", "-X", "-q", "-h", TestPostgres.socketFolder, "-p", TestPostgres.port, "-U", "postgres", "-d",
            database.name,
            "-c", "BEGIN; LOCK TABLE products IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(8); COMMIT;",
        ]
        locker.standardOutput = FileHandle.nullDevice
        try locker.run()
        defer { locker.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.7)

        let create = Process()
        create.executableURL = PlannerBinary.executable
        create.arguments = ["snapshot", "create", "--db", database.socketURL, "--out", folder.file("c.sqlite").path]
        create.standardOutput = FileHandle.nullDevice
        create.standardError = FileHandle.nullDevice
        try create.run()
        // Long enough for the binary to start and install its signal handlers even on a loaded machine; the lock
        // is held for 8 s, so it is still waiting.
        Thread.sleep(forTimeInterval: 2.5)
        #expect(create.isRunning, "the snapshot should be waiting for the lock")
        create.interrupt()
        create.waitUntilExit()
        #expect(create.terminationStatus == 130)
        #expect(folder.contents().isEmpty, "left \(folder.contents())")
    }

    /// With a terminal on stderr (script(1) provides one), the steps are shown; without one, nothing (other tests).
    @Test func progressIsShownOnATerminal() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let command =
            "\(PlannerBinary.executable.path) snapshot create --db '\(database.socketURL)' --out \(folder.file("c.sqlite").path)"
        let result = try Command.run("script", arguments: ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("[2/16] products"))
        #expect(result.stdout.contains("Wrote "))
    }
}
