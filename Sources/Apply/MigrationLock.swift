import Foundation
import Postgres

/// The transaction-scoped advisory lock every orchestrator-planner change to a database takes (`apply --execute`,
/// `db upgrade`/`downgrade`/`stamp`), so two deployment jobs never migrate at once: the second waits a bounded
/// time, then gives up clearly.
enum MigrationLock {
    /// "orchestrator-planner apply" as a key; the same for every command.
    static let key: Int64 = 0x4F50_4C4E_4150_504C

    /// Takes the lock inside the open transaction, waiting up to `timeout`.
    static func take(_ connection: any PostgresQuerying, timeout: TimeInterval) throws(ApplyError) {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let row: [[String?]]
            do throws(PostgresError) {
                row = try connection.query("SELECT pg_try_advisory_xact_lock(\(key))")
            } catch {
                throw ApplyError(.executionFailed, error.description)
            }
            if row.first?.first == "t" { return }
            if Date() > deadline {
                throw ApplyError(
                    .locked,
                    "another orchestrator-planner migration holds the lock on \(connection.database); waited \(Int(timeout)) s, nothing was changed"
                )
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
}
