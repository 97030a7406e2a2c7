import Catalogue
import Foundation
import Postgres
import Snapshot
import TestSupport
import Testing

/// Snapshots of a real PostgreSQL with orchestrator-core's real schema (run through scripts/with-postgres).
@Suite(.enabled(if: TestPostgres.isConfigured, "needs the test cluster: run through scripts/with-postgres"))
struct LiveSnapshotTests {
    static let takenAt = Date(timeIntervalSince1970: 1_780_000_000)

    func take(_ database: TestDatabase) throws -> CatalogueSnapshot {
        try SnapshotTaker.take(from: ConnectionString(database.socketURL), takenAt: Self.takenAt)
    }

    /// Every row of every catalogue table, every column, as psql prints it.
    @Test func snapshotOfTheFixtureEqualsTheRowsInPostgres() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try SnapshotFile.write(try take(database), to: folder.file("c.sqlite"))
        let snapshot = try SnapshotFile.read(folder.file("c.sqlite"))
        let c = snapshot.catalogue

        func same(_ table: String, _ columns: String, _ key: String, _ rows: [[String?]]) throws {
            let expected = try database.rows("SELECT \(columns) FROM \(table) ORDER BY \(key)")
            #expect(!expected.isEmpty || table == "products_workflows", "\(table) is empty in the fixture")
            let sorted = rows.sorted {
                ($0[0] ?? "", $0.count > 1 ? $0[1] ?? "" : "") < ($1[0] ?? "", $1.count > 1 ? $1[1] ?? "" : "")
            }
            #expect(sorted == expected, "\(table) differs")
        }
        try same(
            "products", "product_id, name, description, product_type, tag, status, created_at, end_date", "product_id",
            c.products.map {
                [$0.productID, $0.name, $0.description, $0.productType, $0.tag, $0.status, $0.createdAt, $0.endDate]
            })
        try same(
            "fixed_inputs", "fixed_input_id, name, value, created_at, product_id", "fixed_input_id",
            c.fixedInputs.map { [$0.fixedInputID, $0.name, $0.value, $0.createdAt, $0.productID] })
        try same(
            "product_blocks", "product_block_id, name, description, tag, status, created_at, end_date",
            "product_block_id",
            c.productBlocks.map {
                [$0.productBlockID, $0.name, $0.description, $0.tag, $0.status, $0.createdAt, $0.endDate]
            })
        try same(
            "resource_types", "resource_type_id, resource_type, description", "resource_type_id",
            c.resourceTypes.map { [$0.resourceTypeID, $0.name, $0.description] })
        try same(
            "product_product_blocks", "product_id, product_block_id", "product_id, product_block_id",
            c.productProductBlocks.map { [$0.productID, $0.productBlockID] })
        try same(
            "product_block_relations", "in_use_by_id, depends_on_id, min, max", "in_use_by_id, depends_on_id",
            c.productBlockRelations.map {
                [$0.inUseByID, $0.dependsOnID, $0.min.map(String.init), $0.max.map(String.init)]
            })
        try same(
            "product_block_resource_types", "product_block_id, resource_type_id", "product_block_id, resource_type_id",
            c.productBlockResourceTypes.map { [$0.productBlockID, $0.resourceTypeID] })
        try same(
            "workflows", "workflow_id, name, target, description, created_at, deleted_at, is_task", "workflow_id",
            c.workflows.map {
                [$0.workflowID, $0.name, $0.target, $0.description, $0.createdAt, $0.deletedAt, $0.isTask ? "t" : "f"]
            })
        try same(
            "products_workflows", "product_id, workflow_id", "product_id, workflow_id",
            c.productsWorkflows.map { [$0.productID, $0.workflowID] })
        try same("alembic_version", "version_num", "version_num", snapshot.alembicVersions.map { [$0] })

        let subscriptions = try database.rows(
            "SELECT product_id, status, count(*) FROM subscriptions GROUP BY 1, 2 ORDER BY 1, 2")
        #expect(snapshot.counts.subscriptions.map { [$0.productID, $0.status, String($0.count)] } == subscriptions)
        let instances = try database.rows(
            "SELECT product_block_id, count(*) FROM subscription_instances GROUP BY 1 ORDER BY 1")
        #expect(snapshot.counts.instances.map { [$0.productBlockID, String($0.count)] } == instances)
        let values = try database.rows(
            "SELECT si.product_block_id, v.resource_type_id, count(*) FROM subscription_instance_values v JOIN subscription_instances si USING (subscription_instance_id) GROUP BY 1, 2 ORDER BY 1, 2"
        )
        #expect(snapshot.counts.values.map { [$0.productBlockID, $0.resourceTypeID, String($0.count)] } == values)
        #expect(snapshot.counts.totalSubscriptions > 100, "the fixture has a few hundred subscriptions")
        #expect(snapshot.source.database == database.name)
        #expect(snapshot.source.serverVersion.hasPrefix("15"))
        #expect(snapshot.takenAt == "2026-05-28T20:26:40Z")
    }

    /// The same catalogue inserted again, in reverse order, with new UUIDs and new timestamps.
    @Test func fingerprintIsStableAcrossReinsertionWithNewIdsAndTimestamps() throws {
        let example = try TestPostgres.copy()
        defer { example.drop() }
        let original = try take(example)

        let empty = try TestPostgres.copy(of: "orchestrator_empty")
        defer { empty.drop() }
        try empty.psql(try ReinsertionSQL.make(original.catalogue))
        let reloaded = try take(empty)
        #expect(
            Set(reloaded.catalogue.products.map(\.productID)).isDisjoint(
                with: original.catalogue.products.map(\.productID)))
        #expect(reloaded.catalogue.products.map(\.createdAt) != original.catalogue.products.map(\.createdAt))
        #expect(reloaded.fingerprint == original.fingerprint)
        #expect(original.catalogue.changes(to: reloaded.catalogue).isEmpty)
    }

    @Test func newSubscriptionsDoNotChangeTheFingerprintButChangeTheCounts() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let before = try take(database)
        try database.psql(
            """
            INSERT INTO subscriptions (description, status, product_id, customer_id, insync)
            SELECT 'new ' || g, 'active', product_id, 'customer-x', true
            FROM products, generate_series(1, 5) g WHERE name = 'User internal'
            """)
        let after = try take(database)
        #expect(after.fingerprint == before.fingerprint)
        #expect(after.counts.totalSubscriptions == before.counts.totalSubscriptions + 5)
    }

    @Test(arguments: [
        "UPDATE products SET description = 'Internal users' WHERE name = 'User internal'",
        "UPDATE fixed_inputs SET value = 'partner' WHERE value = 'external'",
        "UPDATE resource_types SET description = 'Age in years' WHERE resource_type = 'age'",
        "UPDATE product_block_relations SET max = 3",
        "DELETE FROM product_block_resource_types WHERE resource_type_id = (SELECT resource_type_id FROM resource_types WHERE resource_type = 'age')",
        "UPDATE workflows SET deleted_at = now() WHERE name = 'modify_user'",
        "INSERT INTO resource_types (resource_type, description) VALUES ('email', 'E-mail address')",
    ])
    func anyCatalogueEditChangesTheFingerprint(sql: String) throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let before = try take(database)
        try database.psql(sql)
        let after = try take(database)
        #expect(after.fingerprint != before.fingerprint, "\(sql) kept the fingerprint")
        #expect(!before.catalogue.changes(to: after.catalogue).isEmpty)
    }

    @Test func theReadIsReadOnlyAndLeavesNoTransactionOpen() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        let connection = try PostgresConnection.connect(ConnectionString(database.socketURL))
        _ = try CatalogueReader(connection).read()
        #expect(try connection.query("SELECT current_setting('transaction_read_only')") == [["off"]])
        #expect(try connection.query("SELECT current_setting('TimeZone')") == [["UTC"]])
    }

    @Test func aDatabaseWithoutTheCatalogueIsNotAnOrchestratorDatabase() throws {
        do {
            _ = try SnapshotTaker.take(
                from: ConnectionString(TestDatabase(name: "not_orchestrator").socketURL), takenAt: Self.takenAt)
            Issue.record("expected an error")
        } catch let error as SnapshotError {
            #expect(error.code == .notOrchestratorDatabase)
            #expect(error.message.contains("not an orchestrator-core database"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func connectionErrorsAreClassifiedAndNeverShowThePassword() throws {
        let database = try TestPostgres.copy()
        defer { database.drop() }
        // The right password works over TCP.
        #expect(
            try SnapshotTaker.take(from: ConnectionString(database.passwordURL), takenAt: Self.takenAt).catalogue
                .products.count == 3)

        do {
            _ = try SnapshotTaker.take(from: ConnectionString(database.wrongPasswordURL), takenAt: Self.takenAt)
            Issue.record("a wrong password connected")
        } catch let error as PostgresError {
            #expect(error.code == .authenticationFailed)
            #expect(!error.description.contains("not-the-password"))
        }
        do {
            // Port 1 on loopback: nothing listens, the connection is refused at once.
            let url =
                "postgresql://\(TestPostgres.passwordRole):\(TestPostgres.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")@127.0.0.1:1/x"
            _ = try SnapshotTaker.take(from: ConnectionString(url), takenAt: Self.takenAt)
            Issue.record("connected to port 1")
        } catch let error as PostgresError {
            #expect(error.code == .connectionFailed)
            #expect(!error.description.contains(TestPostgres.password))
            #expect(!error.description.contains("s3cr"))
        }
    }
}

/// SQL that loads a catalogue into an empty orchestrator-core database with fresh UUIDs, fresh timestamps and every
/// table's rows in reverse order.
enum ReinsertionSQL {
    static func make(_ c: DatabaseCatalogue) throws -> String {
        var ids: [RowID: String] = [:]
        func id(_ old: RowID) -> String {
            if let new = ids[old] { return new }
            let new = UUID().uuidString.lowercased()
            ids[old] = new
            return new
        }
        func q(_ value: String?) throws -> String { try SQLLiteral.quote(value) }
        var sql = ["DELETE FROM workflows"]
        for p in c.products.reversed() {
            sql.append(
                "INSERT INTO products VALUES ('\(id(p.productID))', \(try q(p.name)), \(try q(p.description)), \(try q(p.productType)), \(try q(p.tag)), \(try q(p.status)), now(), \(try q(p.endDate)))"
            )
        }
        for f in c.fixedInputs.reversed() {
            sql.append(
                "INSERT INTO fixed_inputs VALUES ('\(id(f.fixedInputID))', \(try q(f.name)), \(try q(f.value)), now(), '\(id(f.productID))')"
            )
        }
        for b in c.productBlocks.reversed() {
            sql.append(
                "INSERT INTO product_blocks VALUES ('\(id(b.productBlockID))', \(try q(b.name)), \(try q(b.description)), \(try q(b.tag)), \(try q(b.status)), now(), \(try q(b.endDate)))"
            )
        }
        for r in c.resourceTypes.reversed() {
            sql.append(
                "INSERT INTO resource_types VALUES ('\(id(r.resourceTypeID))', \(try q(r.name)), \(try q(r.description)))"
            )
        }
        for r in c.productProductBlocks.reversed() {
            sql.append("INSERT INTO product_product_blocks VALUES ('\(id(r.productID))', '\(id(r.productBlockID))')")
        }
        for r in c.productBlockRelations.reversed() {
            sql.append(
                "INSERT INTO product_block_relations VALUES ('\(id(r.inUseByID))', '\(id(r.dependsOnID))', \(SQLLiteral.number(r.min)), \(SQLLiteral.number(r.max)))"
            )
        }
        for r in c.productBlockResourceTypes.reversed() {
            sql.append(
                "INSERT INTO product_block_resource_types VALUES ('\(id(r.productBlockID))', '\(id(r.resourceTypeID))')"
            )
        }
        for w in c.workflows.reversed() {
            sql.append(
                "INSERT INTO workflows (workflow_id, name, target, description, created_at, deleted_at, is_task) VALUES ('\(id(w.workflowID))', \(try q(w.name)), \(try q(w.target)), \(try q(w.description)), now(), \(w.deletedAt == nil ? "NULL" : "now()"), \(w.isTask))"
            )
        }
        for r in c.productsWorkflows.reversed() {
            sql.append("INSERT INTO products_workflows VALUES ('\(id(r.productID))', '\(id(r.workflowID))')")
        }
        return sql.joined(separator: ";\n")
    }
}
