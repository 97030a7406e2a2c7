import Alembic
import Catalogue
import Foundation
import Planner
import Postgres
import Snapshot

/// Runs a plan against PostgreSQL in one transaction, under an advisory lock, and moves `alembic_version` to the
/// plan's revision. Any failure rolls everything back.
public struct PlanExecutor {
    /// The advisory lock key every orchestrator-planner execution takes (`MigrationLock`).
    public static let lockKey = MigrationLock.key

    public let connection: any PostgresQuerying
    /// How long to wait for another deployment's lock.
    public var lockTimeout: TimeInterval = 30

    public init(connection: any PostgresQuerying, lockTimeout: TimeInterval = 30) {
        self.connection = connection
        self.lockTimeout = lockTimeout
    }

    public enum Result: Sendable, Equatable {
        /// The statements ran; `alembic_version` moved from `previousVersion` (nil: a new branch's row was added).
        case executed(statements: Int, previousVersion: String?)
        /// `alembic_version` already held the revision (a retried deployment job): nothing was changed.
        case alreadyApplied
    }

    /// Executes `plan` and records `revision` in `alembic_version` as Alembic's upgrade would: the row of its down
    /// revision is updated to it; a revision without one (the first of the data branch) gets a row of its own.
    /// Refuses when the database is not at the down revision, and does nothing when it is already at the revision.
    public func execute(
        _ plan: Plan, revision: String, downRevision: String?, planFile: String
    ) throws(ApplyError) -> Result {
        func run(_ sql: String) throws(ApplyError) -> [[String?]] {
            do throws(PostgresError) {
                return try connection.query(sql)
            } catch {
                throw ApplyError(.executionFailed, "\(error.description)")
            }
        }
        _ = try run("BEGIN")
        do throws(ApplyError) {
            // The quoting of the plan's literals depends on it, whatever the server's configuration says.
            _ = try run(SQLLiteral.requiredSettings)
            // Wait a bounded time for another deployment job's lock, then give up clearly.
            try MigrationLock.take(connection, timeout: lockTimeout)
            // The catalogue may have changed between the check before and the lock: check again, inside.
            let reader = CatalogueReader(connection)
            let current: CatalogueReader.Result
            do throws(SnapshotError) {
                current = try reader.readInOpenTransaction()
            } catch {
                throw ApplyError(.executionFailed, error.description)
            }
            if current.alembicVersions.contains(revision) {
                // Another job (or Alembic) applied this very revision since the check before the lock.
                _ = try run("ROLLBACK")
                return .alreadyApplied
            }
            let fingerprint = CatalogueFingerprint(of: current.catalogue).value
            guard fingerprint == plan.base.fingerprint else {
                throw ApplyError(
                    .stale,
                    "the plan \(planFile) is stale: the catalogue changed to \(fingerprint) before it could run; nothing was changed"
                )
            }
            if let downRevision, !current.alembicVersions.contains(downRevision) {
                let held =
                    current.alembicVersions.isEmpty
                    ? "no revision" : current.alembicVersions.sorted().joined(separator: ", ")
                throw ApplyError(
                    .notAtParent,
                    "revision \(revision) revises \(downRevision), but the database's alembic_version holds \(held); bring the database to \(downRevision) first (`db upgrade`), nothing was changed"
                )
            }
            for (index, statement) in plan.upgrade.enumerated() {
                do throws(PostgresError) {
                    _ = try connection.query(statement)
                } catch {
                    throw ApplyError(
                        .executionFailed,
                        "statement \(index + 1) of \(plan.upgrade.count) failed, everything was rolled back: \(error.cause ?? error.message)\n  \(statement.prefix(300))"
                    )
                }
            }
            func quoted(_ value: String) throws(ApplyError) -> String {
                do throws(SQLLiteral.Failure) { return try SQLLiteral.quote(value) } catch {
                    throw ApplyError(.executionFailed, error.description)
                }
            }
            if let downRevision {
                _ = try run(
                    "UPDATE alembic_version SET version_num = \(try quoted(revision)) WHERE version_num = \(try quoted(downRevision))"
                )
            } else {
                _ = try run("INSERT INTO alembic_version (version_num) VALUES (\(try quoted(revision)))")
            }
            do throws(PostgresError) {
                _ = try connection.query("COMMIT")
            } catch {
                // A deferred constraint fails at COMMIT; PostgreSQL has then rolled the transaction back.
                throw ApplyError(
                    .executionFailed,
                    "COMMIT failed, so the transaction was rolled back and nothing was changed: \(error.cause ?? error.message)"
                )
            }
            return .executed(statements: plan.upgrade.count, previousVersion: downRevision)
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }
}
