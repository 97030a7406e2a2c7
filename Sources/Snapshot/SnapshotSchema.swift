/// The SQLite schema of a snapshot file, format version 1 (docs/snapshot-format.md describes it for people).
///
/// Catalogue tables keep PostgreSQL's table and column names, so a reader who knows orchestrator-core can query
/// the file with `sqlite3` directly. UUIDs and timestamps are TEXT as PostgreSQL prints them.
enum SnapshotSchema {
    /// `PRAGMA user_version`: bumped whenever a reader of the old format would misread the new one.
    static let formatVersion = 1
    /// `PRAGMA application_id` ("OPLN"): tells a snapshot from any other SQLite file.
    static let applicationID: Int32 = 0x4F50_4C4E

    static let statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE products (product_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
          product_type TEXT NOT NULL, tag TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, end_date TEXT)
        """,
        """
        CREATE TABLE fixed_inputs (fixed_input_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
          created_at TEXT NOT NULL, product_id TEXT NOT NULL)
        """,
        """
        CREATE TABLE product_blocks (product_block_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL,
          description TEXT NOT NULL, tag TEXT, status TEXT, created_at TEXT NOT NULL, end_date TEXT)
        """,
        "CREATE TABLE resource_types (resource_type_id TEXT PRIMARY KEY NOT NULL, resource_type TEXT NOT NULL, description TEXT)",
        """
        CREATE TABLE product_product_blocks (product_id TEXT NOT NULL, product_block_id TEXT NOT NULL,
          PRIMARY KEY (product_id, product_block_id))
        """,
        """
        CREATE TABLE product_block_relations (in_use_by_id TEXT NOT NULL, depends_on_id TEXT NOT NULL, min INTEGER,
          max INTEGER, PRIMARY KEY (in_use_by_id, depends_on_id))
        """,
        """
        CREATE TABLE product_block_resource_types (product_block_id TEXT NOT NULL, resource_type_id TEXT NOT NULL,
          PRIMARY KEY (product_block_id, resource_type_id))
        """,
        """
        CREATE TABLE workflows (workflow_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, target TEXT NOT NULL,
          description TEXT NOT NULL, created_at TEXT NOT NULL, deleted_at TEXT, is_task INTEGER NOT NULL)
        """,
        """
        CREATE TABLE products_workflows (product_id TEXT NOT NULL, workflow_id TEXT NOT NULL,
          PRIMARY KEY (product_id, workflow_id))
        """,
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
    ]

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
