/// Where a snapshot came from. Never holds a password or any other secret.
public struct SnapshotSource: Hashable, Sendable, Codable {
    /// Host name, IP address or unix-socket folder of the server.
    public var host: String
    public var port: String
    public var database: String
    /// `server_version` as the server reports it (for example `15.18 (Debian 15.18-0+deb12u1)`).
    public var serverVersion: String

    public init(host: String, port: String, database: String, serverVersion: String) {
        self.host = host
        self.port = port
        self.database = database
        self.serverVersion = serverVersion
    }

    /// `host:port/database`, for people.
    public var display: String { "\(host):\(port)/\(database)" }
}

/// Everything a snapshot holds: the catalogue, the counts, the Alembic state, and where and when it was taken.
///
/// This is what the planner works from; the Snapshot module reads and writes it as a SQLite file.
public struct CatalogueSnapshot: Hashable, Sendable {
    /// The catalogue; changing it recomputes `fingerprint`.
    public var catalogue: DatabaseCatalogue {
        didSet { fingerprint = CatalogueFingerprint(of: catalogue) }
    }
    /// The fingerprint of the catalogue's meaning, computed once (readers, planners and verifiers all need it).
    public private(set) var fingerprint: CatalogueFingerprint
    public var counts: CatalogueCounts
    /// The rows of `alembic_version`: one per applied head.
    public var alembicVersions: [String]
    public var source: SnapshotSource
    /// UTC, ISO 8601 (`2026-11-30T07:42:18Z`).
    public var takenAt: String
    /// The orchestrator-planner version that took it.
    public var toolVersion: String
    /// orchestrator-core's APScheduler jobs; nil in a snapshot of format 1 or 2, which did not keep them.
    public var schedule: OrchestratorSchedule?

    public init(
        catalogue: DatabaseCatalogue, counts: CatalogueCounts, alembicVersions: [String], source: SnapshotSource,
        takenAt: String, toolVersion: String, schedule: OrchestratorSchedule? = nil
    ) {
        self.catalogue = catalogue
        fingerprint = CatalogueFingerprint(of: catalogue)
        self.counts = counts
        self.alembicVersions = alembicVersions
        self.source = source
        self.takenAt = takenAt
        self.toolVersion = toolVersion
        self.schedule = schedule
    }
}
