import Catalogue
import Foundation
import Postgres

/// Takes a snapshot of a live database: connect, read, describe where and when.
public enum SnapshotTaker {
    /// Connects to `target` and reads the catalogue into a snapshot stamped with `takenAt`. Throws a
    /// `PostgresError` when the database cannot be reached, a `SnapshotError` when it cannot be read.
    public static func take(
        from target: ConnectionString, takenAt: Date, progress: CatalogueReader.Progress? = nil
    ) throws -> CatalogueSnapshot {
        let connection = try PostgresConnection.connect(target)
        let result = try CatalogueReader(connection).read(progress: progress)
        return CatalogueSnapshot(
            catalogue: result.catalogue, counts: result.counts.sorted(), alembicVersions: result.alembicVersions,
            source: SnapshotSource(
                host: connection.host, port: connection.port, database: connection.database,
                serverVersion: result.serverVersion),
            takenAt: Self.iso8601(takenAt), toolVersion: ToolVersion.current, schedule: result.schedule.sorted())
    }

    /// `2026-11-30T07:42:18Z`: UTC, whole seconds.
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
