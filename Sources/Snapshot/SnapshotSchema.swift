import Catalogue

/// The SQLite schema of a snapshot file, format version 3 (docs/snapshot-format.md describes it for people);
/// versions 1 (no `process_counts`) and 2 (no orchestrator-core schedule) are still read.
///
/// Catalogue tables keep PostgreSQL's table and column names (they are derived from `CatalogueSchema`), so a reader
/// who knows orchestrator-core can query the file with `sqlite3` directly. UUIDs and timestamps are TEXT as
/// PostgreSQL prints them.
enum SnapshotSchema {
    /// `PRAGMA user_version`: bumped whenever a reader of the old format would misread the new one.
    static let formatVersion = 3
    /// Versions this build reads: 1 lacks `process_counts` (its processes are not counted), 1 and 2 lack
    /// orchestrator-core's schedule.
    static let readableVersions: Set<Int> = [1, 2, 3]
    /// `PRAGMA application_id` ("OPLN"): tells a snapshot from any other SQLite file.
    static let applicationID: Int32 = 0x4F50_4C4E

    /// The file's tables: `meta`, the catalogue tables (from `CatalogueSchema`), the Alembic state and the counts.
    static var statements: [String] {
        ["CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID"]
            + CatalogueSchema.tables.map(\.sqliteDefinition)
            + [
                "CREATE TABLE alembic_version (version_num TEXT PRIMARY KEY NOT NULL)",
                """
                CREATE TABLE subscription_counts (product_id TEXT NOT NULL, status TEXT NOT NULL, count INTEGER NOT NULL,
                  PRIMARY KEY (product_id, status))
                """,
                "CREATE TABLE instance_counts (product_block_id TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL)",
                """
                CREATE TABLE value_counts (product_block_id TEXT NOT NULL, resource_type_id TEXT NOT NULL,
                  count INTEGER NOT NULL, PRIMARY KEY (product_block_id, resource_type_id))
                """,
                "CREATE TABLE process_counts (workflow_id TEXT PRIMARY KEY NOT NULL, count INTEGER NOT NULL)",
                "CREATE TABLE apscheduler_jobs (id TEXT PRIMARY KEY NOT NULL, next_run_time REAL, job_state BLOB NOT NULL)",
                """
                CREATE TABLE workflows_apscheduler_jobs (workflow_id TEXT NOT NULL, schedule_id TEXT NOT NULL,
                  PRIMARY KEY (schedule_id, workflow_id))
                """,
            ]
    }

    /// The keys of the `meta` table.
    enum Meta: String, CaseIterable {
        case formatVersion = "format_version"
        case toolVersion = "tool_version"
        case takenAt = "taken_at"
        case sourceHost = "source_host"
        case sourcePort = "source_port"
        case sourceDatabase = "source_database"
        case serverVersion = "server_version"
        case fingerprint
        case contentDigest = "content_digest"
    }
}
