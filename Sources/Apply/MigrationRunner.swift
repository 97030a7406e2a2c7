import Alembic
import Catalogue
import Foundation
import Postgres

/// `db upgrade`, `db downgrade` and `db stamp` against a database: the path from `alembic_version` to the target
/// is computed from the revision files under the advisory lock; revisions orchestrator-planner wrote run natively
/// in one transaction, each step changing `alembic_version` as Alembic would; a path with any other revision runs
/// through the project's own Alembic instead (or is refused, before anything is changed, when there is none).
public struct MigrationRunner {
    public enum Command: Sendable {
        case upgrade(RevisionArgument)
        case downgrade(RevisionArgument)
        case stamp(RevisionArgument, purge: Bool)

        /// The Alembic command line for the same thing.
        var alembicArguments: [String] {
            switch self {
            case .upgrade(let target): return ["upgrade", target.description]
            case .downgrade(let target): return ["downgrade", target.description]
            case .stamp(let target, let purge): return ["stamp"] + (purge ? ["--purge"] : []) + [target.description]
            }
        }
    }

    /// What happened, for the command to tell.
    public enum Event: Sendable {
        case nothingToDo(heads: [String])
        case step(MigrationPath.Step, statements: Int)
        case delegating(alembic: URL, arguments: [String], revisions: [String])
        case finished(heads: [String])
        case stamped([VersionChange], heads: [String])
    }

    public let graph: RevisionGraph
    public let project: URL
    public let environment: [String: String]
    public var lockTimeout: TimeInterval = 30

    public init(graph: RevisionGraph, project: URL, environment: [String: String], lockTimeout: TimeInterval = 30) {
        self.graph = graph
        self.project = project
        self.environment = environment
        self.lockTimeout = lockTimeout
    }

    public func run(_ command: Command, database: ConnectionString, report: (Event) -> Void) throws {
        let connection = try PostgresConnection.connect(database)
        _ = try connection.query("BEGIN")
        do {
            try MigrationLock.take(connection, timeout: lockTimeout)
            let current = try Self.versions(connection)
            let path: MigrationPath
            switch command {
            case .stamp(let target, let purge):
                var table = VersionTable(heads: current, graph: graph)
                let targets = try MigrationPath.stampTargets(target, in: graph)
                let changes = table.stamp(to: targets, purge: purge)
                try Self.ensureVersionTable(connection)
                for change in changes { _ = try connection.query(OfflineScript.sql(change)) }
                _ = try connection.query("COMMIT")
                report(.stamped(changes, heads: table.heads.sorted()))
                return
            case .upgrade(let target): path = try MigrationPath.upgrade(target, from: current, in: graph)
            case .downgrade(let target): path = try MigrationPath.downgrade(target, from: current, in: graph)
            }
            guard !path.steps.isEmpty else {
                _ = try connection.query("ROLLBACK")
                report(.nothingToDo(heads: current.sorted()))
                return
            }
            var natives: [NativeRevision] = []
            var foreign: [RevisionFile] = []
            for step in path.steps {
                switch NativeRevision.read(step.revision) {
                case .success(let native): natives.append(native)
                case .failure: foreign.append(step.revision)
                }
            }
            guard foreign.isEmpty else {
                _ = try connection.query("ROLLBACK")
                try delegate(command, foreign: foreign, database: database, report: report)
                return
            }
            try Self.ensureVersionTable(connection)
            _ = try connection.query(SQLLiteral.requiredSettings)
            for (step, native) in zip(path.steps, natives) {
                let statements = step.isUpgrade ? native.upgrade : native.downgrade
                try Self.execute(statements, of: step, on: connection)
                for change in step.versionChanges { _ = try connection.query(OfflineScript.sql(change)) }
                report(.step(step, statements: statements.count))
            }
            try Self.commit(connection)
            report(.finished(heads: path.endHeads.sorted()))
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }

    /// `--sql`: the script of `path` from the files alone, returned. A path with revisions only Python can run is
    /// handed to the project's Alembic instead (`alembicArguments`, its script on our stdout; nil returned), or
    /// refused listing them when there is none.
    public func script(_ path: MigrationPath, alembicArguments: [String], report: (Event) -> Void) throws -> String? {
        let foreign = path.steps.map(\.revision).filter {
            if case .failure = NativeRevision.read($0) { return true }
            return false
        }
        guard !foreign.isEmpty else { return try OfflineScript.render(path) }
        let listed = foreign.map { "\($0.id) (\($0.file.lastPathComponent))" }
        guard let alembic = ProjectAlembic.find(project: project, environment: environment) else {
            throw AlembicError(
                .needsAlembic,
                "--sql scripts the revisions orchestrator-planner wrote; these are Python, for Alembic's own --sql, and no Alembic was found ($VIRTUAL_ENV, .venv or venv in \(project.path)): \(listed.joined(separator: ", "))"
            )
        }
        report(.delegating(alembic: alembic.executable, arguments: alembicArguments, revisions: listed))
        try alembic.run(alembicArguments, databaseURI: nil, environment: environment)
        return nil
    }

    /// Hands the whole command to the project's Alembic, or refuses listing the revisions it would need.
    private func delegate(
        _ command: Command, foreign: [RevisionFile], database: ConnectionString, report: (Event) -> Void
    ) throws {
        let listed = foreign.map { "\($0.id) (\($0.file.lastPathComponent))" }
        guard let alembic = ProjectAlembic.find(project: project, environment: environment) else {
            throw AlembicError(
                .needsAlembic,
                "the path runs revisions only Python can run, and no Alembic was found ($VIRTUAL_ENV, .venv or venv in \(project.path)); nothing was changed. Run them with the project's own `db upgrade`, or activate its virtualenv: \(listed.joined(separator: ", "))"
            )
        }
        report(.delegating(alembic: alembic.executable, arguments: command.alembicArguments, revisions: listed))
        try alembic.run(command.alembicArguments, databaseURI: database.asGiven, environment: environment)
    }

    /// The rows of `alembic_version` of `database`, sorted (`db current`).
    public static func currentVersions(_ database: ConnectionString) throws -> [String] {
        try versions(try PostgresConnection.connect(database)).sorted()
    }

    /// The rows of `alembic_version` (none when the table does not exist yet).
    static func versions(_ connection: any PostgresQuerying) throws(PostgresError) -> Set<String> {
        let exists = try connection.query("SELECT to_regclass('alembic_version') IS NOT NULL")
        guard exists.first?.first == "t" else { return [] }
        return Set(try connection.query("SELECT version_num FROM alembic_version").compactMap { $0.first ?? nil })
    }

    static func ensureVersionTable(_ connection: any PostgresQuerying) throws(PostgresError) {
        _ = try connection.query(
            "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
    }

    static func execute(
        _ statements: [String], of step: MigrationPath.Step, on connection: any PostgresQuerying
    ) throws(ApplyError) {
        for (index, statement) in statements.enumerated() {
            do throws(PostgresError) {
                _ = try connection.query(statement)
            } catch {
                throw ApplyError(
                    .executionFailed,
                    "\(step.isUpgrade ? "upgrade" : "downgrade") of revision \(step.revision.id) (\(step.revision.file.lastPathComponent)): statement \(index + 1) of \(statements.count) failed, everything was rolled back: \(error.cause ?? error.message)\n  \(statement.prefix(300))"
                )
            }
        }
    }

    static func commit(_ connection: any PostgresQuerying) throws(ApplyError) {
        do throws(PostgresError) {
            _ = try connection.query("COMMIT")
        } catch {
            throw ApplyError(
                .executionFailed,
                "COMMIT failed, so the transaction was rolled back and nothing was changed: \(error.cause ?? error.message)"
            )
        }
    }
}
