import Catalogue
import Foundation
import Planner
import Snapshot

/// Runs a plan against PostgreSQL in one transaction, under an advisory lock, and moves `alembic_version` to the
/// plan's revision. Any failure rolls everything back.
public struct PlanExecutor {
    /// The advisory lock key every orchestrator-planner execution takes ("orchestrator-planner apply").
    public static let lockKey: Int64 = 0x4F50_4C4E_4150_504C

    public let connection: PostgresConnection
    /// How long to wait for another deployment's lock.
    public var lockTimeout: TimeInterval = 30

    public init(connection: PostgresConnection, lockTimeout: TimeInterval = 30) {
        self.connection = connection
        self.lockTimeout = lockTimeout
    }

    public struct Result: Sendable {
        public var statements: Int
        public var previousVersion: String?
    }

    /// Executes `plan` and records `revision` (replacing `downRevision`, the data head, in `alembic_version`).
    public func execute(_ plan: Plan, revision: String, downRevision: String?, planFile: String) throws(ApplyError) -> Result {
        func run(_ sql: String) throws(ApplyError) -> [[String?]] {
            do throws(SnapshotError) {
                return try connection.query(sql)
            } catch {
                throw ApplyError(.executionFailed, "\(error.description)")
            }
        }
        _ = try run("BEGIN")
        do throws(ApplyError) {
            // Wait a bounded time for another deployment job's lock, then give up clearly.
            let deadline = Date().addingTimeInterval(lockTimeout)
            while try run("SELECT pg_try_advisory_xact_lock(\(Self.lockKey))").first?.first != "t" {
                if Date() > deadline {
                    throw ApplyError(.locked, "another orchestrator-planner apply holds the lock on \(connection.database); waited \(Int(lockTimeout)) s, nothing was changed")
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
            // The catalogue may have changed between the check before and the lock: check again, inside.
            let reader = CatalogueReader(connection, databaseName: connection.database)
            let current: CatalogueReader.Result
            do throws(SnapshotError) {
                current = try reader.readInOpenTransaction()
            } catch {
                throw ApplyError(.executionFailed, error.description)
            }
            let fingerprint = CatalogueFingerprint(of: current.catalogue).value
            guard fingerprint == plan.base.fingerprint else {
                throw ApplyError(.stale, "the plan \(planFile) is stale: the catalogue changed to \(fingerprint) before it could run; nothing was changed")
            }
            if current.alembicVersions.contains(revision) {
                throw ApplyError(.executionFailed, "revision \(revision) is already recorded in alembic_version: the plan was applied before")
            }
            for (index, statement) in plan.upgrade.enumerated() {
                do throws(SnapshotError) {
                    _ = try connection.query(statement)
                } catch {
                    throw ApplyError(.executionFailed, "statement \(index + 1) of \(plan.upgrade.count) failed, everything was rolled back: \(error.cause ?? error.message)\n  \(statement.prefix(300))")
                }
            }
            let previous = downRevision.flatMap { current.alembicVersions.contains($0) ? $0 : nil }
            func quoted(_ value: String) throws(ApplyError) -> String {
                do throws(SQLLiteral.Failure) { return try SQLLiteral.quote(value) } catch {
                    throw ApplyError(.executionFailed, error.description)
                }
            }
            if let previous {
                _ = try run("UPDATE alembic_version SET version_num = \(try quoted(revision)) WHERE version_num = \(try quoted(previous))")
            } else {
                _ = try run("INSERT INTO alembic_version (version_num) VALUES (\(try quoted(revision)))")
            }
            _ = try run("COMMIT")
            return Result(statements: plan.upgrade.count, previousVersion: previous)
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }
}
