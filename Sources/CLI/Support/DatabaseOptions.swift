import ArgumentParser
import Foundation
import Postgres
import Snapshot

/// `--db`, shared by every command that talks to PostgreSQL.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "PostgreSQL connection string (default: $DATABASE_URI).",
            discussion:
                "postgresql://user@host:port/db, host=... dbname=..., or SQLAlchemy's postgresql+psycopg://. Passwords may also come from PGPASSWORD or ~/.pgpass.",
            valueName: "url"))
    var db: String?

    /// Whether a database was named: `--db`, or `DATABASE_URI` in the environment (orchestrator-core's setting).
    var isGiven: Bool { db != nil || ProcessInfo.processInfo.environment[ConnectionString.environmentVariable] != nil }

    /// The connection string from `--db` or `DATABASE_URI`.
    func connectionString() throws(PostgresError) -> ConnectionString {
        try ConnectionString.resolve(option: db, environment: ProcessInfo.processInfo.environment)
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
