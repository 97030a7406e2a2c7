import Catalogue
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Snapshot

/// The SQLite snapshot file on its own: round trip, determinism, and every kind of damage.
@Suite struct SnapshotFileTests {
    static func example() -> CatalogueSnapshot {
        let catalogue = ExampleCatalogue.make()
        return CatalogueSnapshot(
            catalogue: catalogue,
            counts: CatalogueCounts(
                subscriptions: [SubscriptionCount(productID: "a-p-int", status: "active", count: 12)],
                instances: [InstanceCount(productBlockID: "a-b-user", count: 12)],
                values: [ValueCount(productBlockID: "a-b-user", resourceTypeID: "a-rt-age", count: 9)]),
            alembicVersions: ["e05bb1967eff"],
            source: SnapshotSource(host: "db.example", port: "5432", database: "orchestrator", serverVersion: "15.18"),
            takenAt: "2026-11-30T07:00:00Z", toolVersion: ToolVersion.current,
            schedule: OrchestratorSchedule(
                jobs: [
                    .init(id: "b-job", nextRunTime: nil, jobState: [0x80, 0x05, 0x4E, 0x2E]),
                    .init(id: "a-job", nextRunTime: 1_800_000_000.25, jobState: [0x80, 0x05, 0x7D, 0x2E]),
                ],
                links: [.init(workflowID: "a-wf-task", scheduleID: "a-job")]))
    }

    @Test func roundTripKeepsEverything() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let snapshot = Self.example()
        try SnapshotFile.write(snapshot, to: folder.file("c.sqlite"))
        let read = try SnapshotFile.read(folder.file("c.sqlite"))
        #expect(
            read.catalogue.products.sorted { $0.productID < $1.productID }
                == snapshot.catalogue.products.sorted { $0.productID < $1.productID })
        #expect(Set(read.catalogue.productBlockResourceTypes) == Set(snapshot.catalogue.productBlockResourceTypes))
        #expect(Set(read.catalogue.workflows) == Set(snapshot.catalogue.workflows))
        #expect(read.counts == snapshot.counts.sorted())
        #expect(read.alembicVersions == snapshot.alembicVersions)
        #expect(read.source == snapshot.source)
        #expect(read.takenAt == snapshot.takenAt)
        #expect(read.fingerprint == snapshot.fingerprint)
        #expect(read.schedule == snapshot.schedule?.sorted(), "orchestrator-core's schedule, in key order")
        #expect(folder.contents() == ["c.sqlite"], "no temporary file may remain")
    }

    @Test func sameSnapshotSameBytesWhateverTheRowOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var shuffled = Self.example()
        shuffled.catalogue = shuffled.catalogue.reversed()
        try SnapshotFile.write(Self.example(), to: folder.file("a.sqlite"))
        try SnapshotFile.write(shuffled, to: folder.file("b.sqlite"))
        #expect(try Data(contentsOf: folder.file("a.sqlite")) == Data(contentsOf: folder.file("b.sqlite")))
    }

    @Test func rewritingReplacesTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var changed = Self.example()
        try SnapshotFile.write(changed, to: folder.file("c.sqlite"))
        changed.catalogue.products[0].description = "Groups of users"
        try SnapshotFile.write(changed, to: folder.file("c.sqlite"))
        #expect(try SnapshotFile.read(folder.file("c.sqlite")).fingerprint == changed.fingerprint)
        #expect(folder.contents() == ["c.sqlite"])
    }

    /// Edits a written file with plain SQLite, as a person with `sqlite3` would.
    private func edit(_ sql: String) throws -> SnapshotError? {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try SnapshotFile.write(Self.example(), to: folder.file("c.sqlite"))
        let queue = try DatabaseQueue(path: folder.file("c.sqlite").path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
        do {
            _ = try SnapshotFile.read(folder.file("c.sqlite"))
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        "UPDATE products SET description = 'edited' WHERE name = 'User group'",
        "DELETE FROM fixed_inputs WHERE value = 'external'",
        "UPDATE subscription_counts SET count = 13",
        "UPDATE meta SET value = 'elsewhere' WHERE key = 'source_host'",
        "INSERT INTO alembic_version VALUES ('abc123')",
        "UPDATE apscheduler_jobs SET job_state = x'00' WHERE id = 'a-job'",
        "UPDATE apscheduler_jobs SET next_run_time = 0",
        "DELETE FROM workflows_apscheduler_jobs",
        "UPDATE products SET end_date = 42",
        "UPDATE meta SET value = '1' WHERE key = 'format_version'",
        "UPDATE workflows SET is_task = 7",
    ])
    func anEditedFileIsReportedAsSuch(sql: String) throws {
        let error = try edit(sql)
        #expect(error?.code == .corrupt, "\(sql) was not detected")
    }

    @Test func editingRowsAndDigestTogetherIsStillCaughtByTheFingerprint() throws {
        // Someone who edits a row and recomputes the content digest, but not the fingerprint, is still caught.
        var edited = Self.example()
        edited.catalogue.products[0].description = "edited"
        let digest = SnapshotDigest.compute(edited)
        let error = try edit(
            "UPDATE products SET description = 'edited' WHERE name = 'User group'; "
                + "UPDATE meta SET value = '\(digest)' WHERE key = 'content_digest'")
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("fingerprint") == true)
    }

    /// The committed example is format 1: still read, its processes and orchestrator-core schedule unknown (not
    /// empty).
    @Test func anOlderSnapshotHasNoSchedule() throws {
        let snapshot = try SnapshotFile.read(Repository.fixture("example/catalogue.sqlite"))
        #expect(snapshot.schedule == nil)
        #expect(snapshot.counts.processes == nil)
    }

    @Test func aNewerFormatIsRefusedWithAnUpgradeHint() throws {
        let error = try edit("PRAGMA user_version = 4")
        #expect(error?.code == .unsupportedFormat)
        #expect(error?.message.contains("upgrade orchestrator-planner") == true)
    }

    @Test func aTruncatedFileIsReportedAsDamaged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try SnapshotFile.write(Self.example(), to: folder.file("c.sqlite"))
        let bytes = try Data(contentsOf: folder.file("c.sqlite"))
        for length in [bytes.count / 2, bytes.count - 100, 4096 + 17] {
            try bytes.prefix(length).write(to: folder.file("t.sqlite"))
            #expect(throws: SnapshotError.self) { try SnapshotFile.read(folder.file("t.sqlite")) }
            do {
                _ = try SnapshotFile.read(folder.file("t.sqlite"))
            } catch {
                #expect(error.code == .corrupt, "truncated to \(length) bytes: \(error)")
            }
        }
        try bytes.prefix(10).write(to: folder.file("h.sqlite"))
        do { _ = try SnapshotFile.read(folder.file("h.sqlite")) } catch { #expect(error.code == .notASnapshot) }
    }

    @Test func otherFilesAreNotSnapshots() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("products: []\n".utf8).write(to: folder.file("plan.yaml"))
        _ = FileManager.default.createFile(atPath: folder.file("empty").path, contents: Data())
        let other = try DatabaseQueue(path: folder.file("other.sqlite").path)
        try other.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try other.close()
        for name in ["plan.yaml", "empty", "other.sqlite"] {
            do {
                _ = try SnapshotFile.read(folder.file(name))
                Issue.record("\(name) was read as a snapshot")
            } catch {
                #expect(error.code == .notASnapshot, "\(name): \(error)")
            }
        }
        do { _ = try SnapshotFile.read(folder.file("missing.sqlite")) } catch { #expect(error.code == .fileNotFound) }
    }

    @Test func unwritableTargetsFailBeforeWritingAnything() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.file("dir"), withIntermediateDirectories: false)
        do {
            try SnapshotFile.write(Self.example(), to: folder.file("dir"))
            Issue.record("wrote over a directory")
        } catch {
            #expect(error.code == .outputIsDirectory)
        }
        do {
            try SnapshotFile.write(Self.example(), to: folder.file("missing/c.sqlite"))
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.code == .outputNotWritable)
        }
        // sysfs refuses new files even to root, which passes every permission check.
        do {
            try SnapshotFile.write(Self.example(), to: URL(fileURLWithPath: "/sys/c.sqlite"))
            Issue.record("wrote into /sys")
        } catch {
            #expect(error.code == .outputNotWritable)
        }
        #expect(folder.contents() == ["dir"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("dir").path).isEmpty)
    }
}
