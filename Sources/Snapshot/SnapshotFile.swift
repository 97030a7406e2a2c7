import Catalogue
import Foundation
import GRDB

/// Reads and writes snapshot files: SQLite, schema in `SnapshotSchema`, documented in docs/snapshot-format.md.
public enum SnapshotFile {
    /// The format version this build writes and reads.
    public static var formatVersion: Int { SnapshotSchema.formatVersion }

    /// Writes `snapshot` to `url` atomically: into a temporary file beside it, renamed when complete. A failure or
    /// an interruption leaves whatever was at `url` before untouched, and no temporary file behind.
    /// Returns the fingerprint it computed and stored, so callers need not compute it again.
    @discardableResult
    public static func write(_ snapshot: CatalogueSnapshot, to url: URL) throws(SnapshotError) -> CatalogueFingerprint {
        let fingerprint = snapshot.fingerprint
        let file = AtomicFile(url)
        try checkOutput(url)
        let temporary = file.makeTemporaryPath()
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try queue.inDatabase { db in
                // The journal is pointless for a file nobody sees until it is renamed.
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA application_id = \(SnapshotSchema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(SnapshotSchema.formatVersion)")
                try db.inTransaction {
                    try insert(snapshot, fingerprint: fingerprint, into: db)
                    return .commit
                }
            }
            try queue.close()
        } catch {
            file.discard(temporary)
            throw SnapshotError(.outputNotWritable, "cannot write the snapshot \(url.path)", cause: "\(error)")
        }
        do throws(AtomicFile.Failure) { try file.commit(temporary) } catch { throw SnapshotError.from(error) }
        return fingerprint
    }

    /// Fails unless a snapshot can be written at `url` (not a directory; folder exists and is writable), so a
    /// command can refuse before it spends time reading a database.
    public static func checkOutput(_ url: URL) throws(SnapshotError) {
        do throws(AtomicFile.Failure) { try AtomicFile(url).checkWritable() } catch { throw SnapshotError.from(error) }
    }

    /// Reads and verifies a snapshot: it must be a snapshot file of a known format version, intact (its content
    /// digest and fingerprint match its rows) and consistent (relations point at existing rows).
    public static func read(_ url: URL) throws(SnapshotError) -> CatalogueSnapshot {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SnapshotError(.fileNotFound, "no snapshot at \(path); create one with `snapshot create`")
        }
        guard !isDirectory.boolValue else {
            throw SnapshotError(.notASnapshot, "\(path) is a directory, not a snapshot file")
        }
        // Only the 16-byte header: a large file is not read whole to tell what it is.
        let handle = FileHandle(forReadingAtPath: path)
        let header = (try? handle?.read(upToCount: 16)) ?? Data()
        try? handle?.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw SnapshotError(
                .notASnapshot,
                header.isEmpty ? "\(path) is empty, not a snapshot" : "\(path) is not a snapshot file (not SQLite)")
        }

        var configuration = Configuration()
        configuration.readonly = true
        let snapshot: CatalogueSnapshot
        let storedFingerprint: String
        let storedDigest: String
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            (snapshot, storedFingerprint, storedDigest) = try queue.read { db throws in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == SnapshotSchema.applicationID else {
                    throw SnapshotError(
                        .notASnapshot, "\(path) is a SQLite file but not an orchestrator-planner snapshot")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard SnapshotSchema.readableVersions.contains(version) else {
                    if version > SnapshotSchema.formatVersion {
                        throw SnapshotError(
                            .unsupportedFormat,
                            "\(path) has snapshot format \(version), this orchestrator-planner (\(ToolVersion.current)) reads format \(SnapshotSchema.formatVersion); upgrade orchestrator-planner"
                        )
                    }
                    throw SnapshotError(.corrupt, "\(path) has an unknown snapshot format version \(version)")
                }
                // SQLite reads past the end of a file as zeros, so a cut-off empty last page goes unnoticed by
                // quick_check: the pages the header promises must all be there.
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                let size =
                    ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
                guard size >= pages * pageSize else {
                    throw SnapshotError(
                        .corrupt,
                        "\(path) is damaged (truncated: \(size) of \(pages * pageSize) bytes); take the snapshot again")
                }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw SnapshotError(
                        .corrupt, "\(path) is damaged (truncated or overwritten); take the snapshot again",
                        cause: check.prefix(3).joined(separator: "; "))
                }
                return try load(db, path: path, version: version)
            }
        } catch let error as SnapshotError {
            throw error
        } catch let error as DatabaseError {
            throw SnapshotError(
                .corrupt, "\(path) is damaged (truncated or overwritten); take the snapshot again",
                cause: error.message ?? "\(error.resultCode)")
        } catch {
            throw SnapshotError(.corrupt, "cannot read the snapshot \(path)", cause: "\(error)")
        }

        let digest = SnapshotDigest.compute(snapshot)
        guard digest == storedDigest else {
            throw SnapshotError(
                .corrupt,
                "\(path) was changed after orchestrator-planner wrote it (its rows no longer match the content digest); take the snapshot again"
            )
        }
        guard snapshot.fingerprint.value == storedFingerprint else {
            throw SnapshotError(
                .corrupt, "\(path) records a fingerprint that does not match its catalogue; take the snapshot again")
        }
        do throws(CatalogueError) { try snapshot.catalogue.validate() } catch {
            throw SnapshotError(.corrupt, "\(path) holds an inconsistent catalogue", cause: error.message)
        }
        return snapshot
    }

    // MARK: - Writing

    private static func insert(
        _ snapshot: CatalogueSnapshot, fingerprint: CatalogueFingerprint, into db: Database
    ) throws {
        for statement in SnapshotSchema.statements { try db.execute(sql: statement) }
        let meta: [(SnapshotSchema.Meta, String)] = [
            (.formatVersion, String(SnapshotSchema.formatVersion)),
            (.toolVersion, snapshot.toolVersion),
            (.takenAt, snapshot.takenAt),
            (.sourceHost, snapshot.source.host),
            (.sourcePort, snapshot.source.port),
            (.sourceDatabase, snapshot.source.database),
            (.serverVersion, snapshot.source.serverVersion),
            (.fingerprint, fingerprint.value),
            (.contentDigest, SnapshotDigest.compute(snapshot)),
        ]
        for (key, value) in meta {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
        }
        // Rows in key order, so the same snapshot always gives the same bytes.
        func insertRows<Row: CatalogueRow>(_ type: Row.Type) throws {
            let placeholders = Array(repeating: "?", count: Row.schema.columns.count).joined(separator: ", ")
            // Keys computed once per row, not twice per comparison.
            let sorted = snapshot.catalogue[keyPath: Row.rows].map { (key: $0.keyValues, row: $0) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.row)
            try rows(db, "INSERT INTO \(Row.schema.name) VALUES (\(placeholders))", sorted) { row in
                row.values.map { value -> (any DatabaseValueConvertible)? in
                    switch value {
                    case .text(let text): return text
                    case .integer(let number): return number
                    case .null: return nil
                    }
                }
            }
        }
        for type in CatalogueSchema.rowTypes { try insertRows(type) }
        try rows(db, "INSERT INTO alembic_version VALUES (?)", snapshot.alembicVersions.sorted()) { [$0] }
        let counts = snapshot.counts.sorted()
        try rows(db, "INSERT INTO subscription_counts VALUES (?, ?, ?)", counts.subscriptions) {
            [$0.productID, $0.status, $0.count]
        }
        try rows(db, "INSERT INTO instance_counts VALUES (?, ?)", counts.instances) { [$0.productBlockID, $0.count] }
        try rows(db, "INSERT INTO value_counts VALUES (?, ?, ?)", counts.values) {
            [$0.productBlockID, $0.resourceTypeID, $0.count]
        }
        try rows(db, "INSERT INTO process_counts VALUES (?, ?)", counts.processes ?? []) { [$0.workflowID, $0.count] }
        let schedule = (snapshot.schedule ?? OrchestratorSchedule()).sorted()
        try rows(db, "INSERT INTO apscheduler_jobs VALUES (?, ?, ?)", schedule.jobs) {
            [$0.id, $0.nextRunTime, Data($0.jobState)]
        }
        try rows(db, "INSERT INTO workflows_apscheduler_jobs VALUES (?, ?)", schedule.links) {
            [$0.workflowID, $0.scheduleID]
        }
    }

    private static func rows<T>(
        _ db: Database, _ sql: String, _ items: [T], _ values: (T) -> [(any DatabaseValueConvertible)?]
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        for item in items { try statement.execute(arguments: StatementArguments(values(item))) }
    }

    // MARK: - Reading

    private static func load(_ db: Database, path: String, version: Int) throws -> (CatalogueSnapshot, String, String) {
        var meta: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
            let cells = Cells(row: row, table: "meta", path: path)
            meta[try cells.text("key")] = try cells.text("value")
        }
        func value(_ key: SnapshotSchema.Meta) throws -> String {
            guard let value = meta[key.rawValue] else {
                throw SnapshotError(.corrupt, "\(path) lacks the meta entry '\(key.rawValue)'; take the snapshot again")
            }
            return value
        }

        var catalogue = DatabaseCatalogue()
        func loadRows<Row: CatalogueRow>(_ type: Row.Type) throws {
            catalogue[keyPath: Row.rows] = try fetch(db, Row.schema.name, path) { cells in
                let values = try Row.schema.columns.map { column throws -> CatalogueValue in
                    switch column.kind {
                    case .integer, .flag: return try cells.optionalInt(column.name).map(CatalogueValue.integer) ?? .null
                    case .id, .reference, .text, .timestamp:
                        return try cells.optionalText(column.name).map(CatalogueValue.text) ?? .null
                    }
                }
                do throws(CatalogueError) {
                    return try Row.decode(values)
                } catch {
                    throw SnapshotError(.corrupt, "\(path) was edited: \(error.message); take the snapshot again")
                }
            }
        }
        for type in CatalogueSchema.rowTypes { try loadRows(type) }
        var counts = CatalogueCounts()
        counts.subscriptions = try fetch(db, "subscription_counts", path) { r in
            SubscriptionCount(
                productID: try r.text("product_id"), status: try r.text("status"), count: try r.int("count"))
        }
        counts.instances = try fetch(db, "instance_counts", path) { r in
            InstanceCount(productBlockID: try r.text("product_block_id"), count: try r.int("count"))
        }
        counts.values = try fetch(db, "value_counts", path) { r in
            ValueCount(
                productBlockID: try r.text("product_block_id"), resourceTypeID: try r.text("resource_type_id"),
                count: try r.int("count"))
        }
        counts.processes =
            version >= 2
            ? try fetch(db, "process_counts", path) { r in
                ProcessCount(workflowID: try r.text("workflow_id"), count: try r.int("count"))
            } : nil
        let alembicVersions = try fetch(db, "alembic_version", path) { r in try r.text("version_num") }
        var schedule: OrchestratorSchedule?
        if version >= 3 {
            schedule = OrchestratorSchedule(
                jobs: try fetch(db, "apscheduler_jobs", path) { r in
                    OrchestratorSchedule.Job(
                        id: try r.text("id"), nextRunTime: try r.optionalDouble("next_run_time"),
                        jobState: try r.blob("job_state"))
                },
                links: try fetch(db, "workflows_apscheduler_jobs", path) { r in
                    OrchestratorSchedule.Link(
                        workflowID: try r.text("workflow_id"), scheduleID: try r.text("schedule_id"))
                })
        }

        let snapshot = CatalogueSnapshot(
            catalogue: catalogue, counts: counts, alembicVersions: alembicVersions,
            source: SnapshotSource(
                host: try value(.sourceHost), port: try value(.sourcePort), database: try value(.sourceDatabase),
                serverVersion: try value(.serverVersion)),
            takenAt: try value(.takenAt), toolVersion: try value(.toolVersion), schedule: schedule)
        // The format version is recorded twice (PRAGMA user_version and meta); an edit of either is damage.
        guard try value(.formatVersion) == String(version) else {
            throw SnapshotError(
                .corrupt, "\(path) was edited: its meta format_version is not \(version); take the snapshot again")
        }
        return (snapshot, try value(.fingerprint), try value(.contentDigest))
    }

    private static func fetch<T>(
        _ db: Database, _ table: String, _ path: String, _ make: (Cells) throws -> T
    ) throws -> [T] {
        // rowid order is insertion order: the order the writer sorted the rows in.
        try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { try make(Cells(row: $0, table: table, path: path)) }
    }

    /// Typed access to a row of a file that may have been edited: a wrong type is an error, never a trap.
    private struct Cells {
        let row: Row
        let table: String
        let path: String

        /// The stored value: `Int64`, `Double`, `String`, `Data`, or nil for NULL.
        private func stored(_ column: String) throws -> (any DatabaseValueConvertible)? {
            guard row.hasColumn(column) else {
                throw SnapshotError(
                    .corrupt, "\(path) was edited: \(table) has no column \(column); take the snapshot again")
            }
            let value: (any DatabaseValueConvertible)? = row[column]
            return value
        }

        func optionalText(_ column: String) throws -> String? {
            switch try stored(column) {
            case nil: return nil
            case let text as String: return text
            default: throw wrongType(column, "text")
            }
        }

        func text(_ column: String) throws -> String {
            guard let value = try optionalText(column) else { throw wrongType(column, "text (not NULL)") }
            return value
        }

        func optionalInt(_ column: String) throws -> Int? {
            switch try stored(column) {
            case nil: return nil
            case let number as Int64: return Int(number)
            default: throw wrongType(column, "an integer")
            }
        }

        func optionalDouble(_ column: String) throws -> Double? {
            switch try stored(column) {
            case nil: return nil
            case let number as Double: return number
            case let number as Int64: return Double(number)
            default: throw wrongType(column, "a number")
            }
        }

        func blob(_ column: String) throws -> [UInt8] {
            guard case let data as Data = try stored(column) else { throw wrongType(column, "bytes (a BLOB)") }
            return [UInt8](data)
        }

        func int(_ column: String) throws -> Int {
            guard let value = try optionalInt(column) else { throw wrongType(column, "an integer (not NULL)") }
            return value
        }

        private func wrongType(_ column: String, _ expected: String) -> SnapshotError {
            SnapshotError(
                .corrupt, "\(path) was edited: \(table).\(column) should hold \(expected); take the snapshot again")
        }
    }
}
