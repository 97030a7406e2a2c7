import Catalogue
import Postgres

/// Reads the product catalogue, the counts and the Alembic state from an orchestrator-core database.
///
/// Everything is read in one `REPEATABLE READ, READ ONLY` transaction, so the rows and counts are one consistent
/// picture even while the orchestrator keeps working. Counts are computed by PostgreSQL (`GROUP BY`); no
/// subscription row ever leaves the server.
public struct CatalogueReader {
    /// The tables without which a database is not an orchestrator-core database.
    public static let requiredTables = [
        "products", "fixed_inputs", "product_blocks", "resource_types", "product_product_blocks",
        "product_block_relations", "product_block_resource_types", "workflows", "products_workflows",
        "subscriptions", "subscription_instances", "subscription_instance_values",
    ]

    /// The result of a read: everything for a snapshot except when and by what it was taken.
    public struct Result: Sendable {
        public var catalogue: DatabaseCatalogue
        public var counts: CatalogueCounts
        public var alembicVersions: [String]
        public var serverVersion: String
        public var schedule: OrchestratorSchedule
    }

    /// Called before each step with the step's name, its number (from 1) and the number of steps.
    public typealias Progress = (_ step: String, _ number: Int, _ total: Int) -> Void

    private let database: any PostgresQuerying
    /// For messages: which database this is.
    private let databaseName: String

    public init(_ database: any PostgresQuerying) {
        self.database = database
        self.databaseName = database.database
    }

    /// A statement, its failure as this module's error (the server's message as the cause).
    private func query(_ sql: String) throws(SnapshotError) -> [[String?]] {
        do throws(PostgresError) {
            return try database.query(sql)
        } catch {
            throw SnapshotError(
                .queryFailed, "reading the catalogue of \(databaseName) failed", cause: error.cause ?? error.message)
        }
    }

    public func read(progress: Progress? = nil) throws(SnapshotError) -> Result {
        // Timestamps as ISO text in UTC, whatever the server's or role's settings.
        _ = try query("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'")
        _ = try query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        do {
            let result = try readInTransaction(progress: progress)
            _ = try query("COMMIT")
            return result
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Reads within a transaction the caller opened (apply re-checks the catalogue under its lock).
    public func readInOpenTransaction() throws(SnapshotError) -> Result {
        _ = try query("SET LOCAL TIME ZONE 'UTC'")
        return try readInTransaction(progress: nil)
    }

    private func readInTransaction(progress: Progress?) throws(SnapshotError) -> Result {
        let steps = 16
        var step = 0
        func next(_ name: String) {
            step += 1
            progress?(name, step, steps)
        }

        next("checking the schema")
        try checkTables()
        let serverVersion = try query("SHOW server_version").first?.first.flatMap { $0 } ?? "unknown"

        var catalogue = DatabaseCatalogue()
        func readRows<Row: CatalogueRow>(_ type: Row.Type) throws(SnapshotError) {
            let schema = Row.schema
            next(schema.name.replacingOccurrences(of: "_", with: " "))
            var rows: [Row] = []
            for (index, columns) in try query(schema.postgresSelect).enumerated() {
                var values: [CatalogueValue] = []
                for (column, text) in zip(schema.columns, columns) {
                    guard let value = CatalogueValue.fromPostgres(text, column) else {
                        throw SnapshotError(
                            .queryFailed,
                            "unexpected value '\(text ?? "")' in \(schema.name) row \(index + 1), column \(column.name)"
                        )
                    }
                    values.append(value)
                }
                do throws(CatalogueError) {
                    rows.append(try Row.decode(values))
                } catch {
                    throw SnapshotError(.queryFailed, "unexpected \(schema.name) row \(index + 1): \(error.message)")
                }
            }
            catalogue[keyPath: Row.rows] = rows
        }
        for type in CatalogueSchema.rowTypes { try readRows(type) }

        var counts = CatalogueCounts()
        next("counting subscriptions")
        counts.subscriptions = try rows(
            "SELECT product_id::text, status, count(*) FROM subscriptions GROUP BY product_id, status",
            table: "subscriptions"
        ) { r throws(SnapshotError) in
            SubscriptionCount(productID: try r.text(0), status: try r.text(1), count: try r.int(2))
        }
        next("counting subscription instances")
        counts.instances = try rows(
            "SELECT product_block_id::text, count(*) FROM subscription_instances GROUP BY product_block_id",
            table: "subscription_instances"
        ) { r throws(SnapshotError) in
            InstanceCount(productBlockID: try r.text(0), count: try r.int(1))
        }
        next("counting instance values")
        counts.values = try rows(
            """
            SELECT si.product_block_id::text, v.resource_type_id::text, count(*) \
            FROM subscription_instance_values v \
            JOIN subscription_instances si ON si.subscription_instance_id = v.subscription_instance_id \
            GROUP BY si.product_block_id, v.resource_type_id
            """,
            table: "subscription_instance_values"
        ) { r throws(SnapshotError) in
            ValueCount(productBlockID: try r.text(0), resourceTypeID: try r.text(1), count: try r.int(2))
        }

        next("counting processes")
        counts.processes = try rows(
            "SELECT workflow_id::text, count(*) FROM processes GROUP BY workflow_id", table: "processes"
        ) { r throws(SnapshotError) in
            ProcessCount(workflowID: try r.text(0), count: try r.int(1))
        }

        next("alembic revisions")
        // Alembic creates its table on the first upgrade; a database that never ran one simply has no revisions.
        let hasAlembic = try query("SELECT to_regclass('alembic_version') IS NOT NULL").first?.first == "t"
        let alembicVersions =
            hasAlembic
            ? try rows("SELECT version_num FROM alembic_version", table: "alembic_version") { r throws(SnapshotError) in
                try r.text(0)
            }
            .sorted()
            : []

        next("orchestrator schedule")
        let schedule = try OrchestratorScheduleReader(database).read()

        return Result(
            catalogue: catalogue, counts: counts, alembicVersions: alembicVersions, serverVersion: serverVersion,
            schedule: schedule)
    }

    private func checkTables() throws(SnapshotError) {
        let list = Self.requiredTables.map { "('\($0)')" }.joined(separator: ", ")
        let missing = try query(
            "SELECT t FROM (VALUES \(list)) AS required(t) WHERE to_regclass(t) IS NULL ORDER BY t"
        ).compactMap { $0.first ?? nil }
        guard missing.isEmpty else {
            let shown =
                missing.count == Self.requiredTables.count
                ? "none of the catalogue tables exist" : "tables missing: \(missing.joined(separator: ", "))"
            throw SnapshotError(
                .notOrchestratorDatabase,
                "database '\(databaseName)' is not an orchestrator-core database (\(shown)); point --db at the orchestrator's database, after `db upgrade heads`"
            )
        }
    }

    private func rows<T>(
        _ sql: String, table: String, _ make: (Row) throws(SnapshotError) -> T
    ) throws(SnapshotError) -> [T] {
        var result: [T] = []
        for (index, columns) in try query(sql).enumerated() {
            result.append(try make(Row(columns: columns, table: table, index: index)))
        }
        return result
    }

    /// One result row, with typed access that fails clearly instead of trapping.
    struct Row {
        let columns: [String?]
        let table: String
        let index: Int

        func text(_ column: Int) throws(SnapshotError) -> String {
            guard column < columns.count, let value = columns[column] else {
                throw SnapshotError(.queryFailed, "unexpected NULL in \(table) row \(index + 1), column \(column + 1)")
            }
            return value
        }

        func optional(_ column: Int) -> String? { column < columns.count ? columns[column] : nil }

        func int(_ column: Int) throws(SnapshotError) -> Int {
            let value = try text(column)
            guard let number = Int(value) else {
                throw SnapshotError(.queryFailed, "expected a number in \(table) row \(index + 1), got '\(value)'")
            }
            return number
        }

        func optionalInt(_ column: Int) throws(SnapshotError) -> Int? {
            guard optional(column) != nil else { return nil }
            return try int(column)
        }
    }
}
