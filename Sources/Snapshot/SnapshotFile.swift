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
        let header = FileManager.default.contents(atPath: path)?.prefix(16) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw SnapshotError(
                .notASnapshot, header.isEmpty ? "\(path) is empty, not a snapshot" : "\(path) is not a snapshot file (not SQLite)")
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
                    throw SnapshotError(.notASnapshot, "\(path) is a SQLite file but not an orchestrator-planner snapshot")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard version == SnapshotSchema.formatVersion else {
                    if version > SnapshotSchema.formatVersion {
                        throw SnapshotError(
                            .unsupportedFormat,
                            "\(path) has snapshot format \(version), this orchestrator-planner (\(ToolVersion.current)) reads format \(SnapshotSchema.formatVersion); upgrade orchestrator-planner")
                    }
                    throw SnapshotError(.corrupt, "\(path) has an unknown snapshot format version \(version)")
                }
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw SnapshotError(
                        .corrupt, "\(path) is damaged (truncated or overwritten); take the snapshot again",
                        cause: check.prefix(3).joined(separator: "; "))
                }
                return try load(db, path: path)
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
                "\(path) was changed after orchestrator-planner wrote it (its rows no longer match the content digest); take the snapshot again")
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

    private static func insert(_ snapshot: CatalogueSnapshot, fingerprint: CatalogueFingerprint, into db: Database) throws {
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
        let c = snapshot.catalogue
        try rows(db, "INSERT INTO products VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.products.sorted { $0.productID < $1.productID }) {
            [$0.productID, $0.name, $0.description, $0.productType, $0.tag, $0.status, $0.createdAt, $0.endDate]
        }
        try rows(db, "INSERT INTO fixed_inputs VALUES (?, ?, ?, ?, ?)", c.fixedInputs.sorted { $0.fixedInputID < $1.fixedInputID }) {
            [$0.fixedInputID, $0.name, $0.value, $0.createdAt, $0.productID]
        }
        try rows(db, "INSERT INTO product_blocks VALUES (?, ?, ?, ?, ?, ?, ?)", c.productBlocks.sorted { $0.productBlockID < $1.productBlockID }) {
            [$0.productBlockID, $0.name, $0.description, $0.tag, $0.status, $0.createdAt, $0.endDate]
        }
        try rows(db, "INSERT INTO resource_types VALUES (?, ?, ?)", c.resourceTypes.sorted { $0.resourceTypeID < $1.resourceTypeID }) {
            [$0.resourceTypeID, $0.name, $0.description]
        }
        try rows(db, "INSERT INTO product_product_blocks VALUES (?, ?)", c.productProductBlocks.sorted { ($0.productID, $0.productBlockID) < ($1.productID, $1.productBlockID) }) {
            [$0.productID, $0.productBlockID]
        }
        try rows(db, "INSERT INTO product_block_relations VALUES (?, ?, ?, ?)", c.productBlockRelations.sorted { ($0.inUseByID, $0.dependsOnID) < ($1.inUseByID, $1.dependsOnID) }) {
            [$0.inUseByID, $0.dependsOnID, $0.min, $0.max]
        }
        try rows(db, "INSERT INTO product_block_resource_types VALUES (?, ?)", c.productBlockResourceTypes.sorted { ($0.productBlockID, $0.resourceTypeID) < ($1.productBlockID, $1.resourceTypeID) }) {
            [$0.productBlockID, $0.resourceTypeID]
        }
        try rows(db, "INSERT INTO workflows VALUES (?, ?, ?, ?, ?, ?, ?)", c.workflows.sorted { $0.workflowID < $1.workflowID }) {
            [$0.workflowID, $0.name, $0.target, $0.description, $0.createdAt, $0.deletedAt, $0.isTask ? 1 : 0]
        }
        try rows(db, "INSERT INTO products_workflows VALUES (?, ?)", c.productsWorkflows.sorted { ($0.productID, $0.workflowID) < ($1.productID, $1.workflowID) }) {
            [$0.productID, $0.workflowID]
        }
        try rows(db, "INSERT INTO alembic_version VALUES (?)", snapshot.alembicVersions.sorted()) { [$0] }
        let counts = snapshot.counts.sorted()
        try rows(db, "INSERT INTO subscription_counts VALUES (?, ?, ?)", counts.subscriptions) { [$0.productID, $0.status, $0.count] }
        try rows(db, "INSERT INTO instance_counts VALUES (?, ?)", counts.instances) { [$0.productBlockID, $0.count] }
        try rows(db, "INSERT INTO value_counts VALUES (?, ?, ?)", counts.values) { [$0.productBlockID, $0.resourceTypeID, $0.count] }
    }

    private static func rows<T>(
        _ db: Database, _ sql: String, _ items: [T], _ values: (T) -> [(any DatabaseValueConvertible)?]
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        for item in items { try statement.execute(arguments: StatementArguments(values(item))) }
    }

    // MARK: - Reading

    private static func load(_ db: Database, path: String) throws -> (CatalogueSnapshot, String, String) {
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
        catalogue.products = try fetch(db, "products", path) { r in
            Product(
                productID: try r.text("product_id"), name: try r.text("name"), description: try r.text("description"),
                productType: try r.text("product_type"), tag: try r.text("tag"), status: try r.text("status"),
                createdAt: try r.text("created_at"), endDate: try r.optionalText("end_date"))
        }
        catalogue.fixedInputs = try fetch(db, "fixed_inputs", path) { r in
            FixedInput(
                fixedInputID: try r.text("fixed_input_id"), name: try r.text("name"), value: try r.text("value"),
                createdAt: try r.text("created_at"), productID: try r.text("product_id"))
        }
        catalogue.productBlocks = try fetch(db, "product_blocks", path) { r in
            ProductBlock(
                productBlockID: try r.text("product_block_id"), name: try r.text("name"),
                description: try r.text("description"), tag: try r.optionalText("tag"),
                status: try r.optionalText("status"), createdAt: try r.text("created_at"),
                endDate: try r.optionalText("end_date"))
        }
        catalogue.resourceTypes = try fetch(db, "resource_types", path) { r in
            ResourceType(
                resourceTypeID: try r.text("resource_type_id"), name: try r.text("resource_type"),
                description: try r.optionalText("description"))
        }
        catalogue.productProductBlocks = try fetch(db, "product_product_blocks", path) { r in
            ProductProductBlock(productID: try r.text("product_id"), productBlockID: try r.text("product_block_id"))
        }
        catalogue.productBlockRelations = try fetch(db, "product_block_relations", path) { r in
            ProductBlockRelation(
                inUseByID: try r.text("in_use_by_id"), dependsOnID: try r.text("depends_on_id"),
                min: try r.optionalInt("min"), max: try r.optionalInt("max"))
        }
        catalogue.productBlockResourceTypes = try fetch(db, "product_block_resource_types", path) { r in
            ProductBlockResourceType(productBlockID: try r.text("product_block_id"), resourceTypeID: try r.text("resource_type_id"))
        }
        catalogue.workflows = try fetch(db, "workflows", path) { r in
            Workflow(
                workflowID: try r.text("workflow_id"), name: try r.text("name"), target: try r.text("target"),
                description: try r.text("description"), createdAt: try r.text("created_at"),
                deletedAt: try r.optionalText("deleted_at"), isTask: try r.int("is_task") != 0)
        }
        catalogue.productsWorkflows = try fetch(db, "products_workflows", path) { r in
            ProductWorkflow(productID: try r.text("product_id"), workflowID: try r.text("workflow_id"))
        }
        var counts = CatalogueCounts()
        counts.subscriptions = try fetch(db, "subscription_counts", path) { r in
            SubscriptionCount(productID: try r.text("product_id"), status: try r.text("status"), count: try r.int("count"))
        }
        counts.instances = try fetch(db, "instance_counts", path) { r in
            InstanceCount(productBlockID: try r.text("product_block_id"), count: try r.int("count"))
        }
        counts.values = try fetch(db, "value_counts", path) { r in
            ValueCount(productBlockID: try r.text("product_block_id"), resourceTypeID: try r.text("resource_type_id"), count: try r.int("count"))
        }
        let alembicVersions = try fetch(db, "alembic_version", path) { r in try r.text("version_num") }

        let snapshot = CatalogueSnapshot(
            catalogue: catalogue, counts: counts, alembicVersions: alembicVersions,
            source: SnapshotSource(
                host: try value(.sourceHost), port: try value(.sourcePort), database: try value(.sourceDatabase),
                serverVersion: try value(.serverVersion)),
            takenAt: try value(.takenAt), toolVersion: try value(.toolVersion))
        return (snapshot, try value(.fingerprint), try value(.contentDigest))
    }

    private static func fetch<T>(_ db: Database, _ table: String, _ path: String, _ make: (Cells) throws -> T) throws -> [T] {
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
                throw SnapshotError(.corrupt, "\(path) was edited: \(table) has no column \(column); take the snapshot again")
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
