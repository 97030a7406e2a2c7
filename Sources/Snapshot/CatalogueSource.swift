import Catalogue
import Foundation
import Postgres

/// Where a catalogue comes from: a snapshot file, or a live database read now. Commands that accept
/// `--snapshot FILE` or `--db URL` take one of these.
public enum CatalogueSource: Sendable {
    case file(URL)
    case database(ConnectionString)
    /// A catalogue already read (a command that planned from it goes on to apply).
    case loaded(CatalogueSnapshot)

    /// The catalogue: the file read and verified, or the database read into a snapshot stamped `takenAt`.
    /// Throws a `SnapshotError`, or a `PostgresError` when the database cannot be reached.
    public func load(takenAt: Date) throws -> CatalogueSnapshot {
        switch self {
        case .file(let url): return try SnapshotFile.read(url)
        case .database(let target): return try SnapshotTaker.take(from: target, takenAt: takenAt)
        case .loaded(let snapshot): return snapshot
        }
    }

    public var isLive: Bool {
        if case .database = self { return true }
        return false
    }
}
