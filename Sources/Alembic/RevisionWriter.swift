import Catalogue
import Foundation

/// A revision about to be written: its place in the graph, its file and its text.
public struct NewRevision: Sendable {
    public var id: String
    public var downRevisions: [String]
    public var branchLabels: [String]?
    public var dependsOn: String?
    public var file: URL
    public var text: String

    public var downRevision: String? { downRevisions.first }
}

/// Prepares and writes revision files into a project's first version location, named by its `file_template` and
/// rendered from its `script.py.mako`. A revision is written atomically and never replaces an existing file.
public struct RevisionWriter {
    public let project: AlembicProject
    public let graph: RevisionGraph

    public init(project: AlembicProject, graph: RevisionGraph) {
        self.project = project
        self.graph = graph
    }

    /// Alembic's `rev_id()`: 12 random hex digits.
    public static func randomID() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").suffix(12))
    }

    /// The revision for `content` (its place in the graph is in the content: down revisions, labels, depends_on).
    public func prepare(_ content: RevisionTemplate.Content) throws(AlembicError) -> NewRevision {
        guard let location = project.versionLocations.first else {
            throw AlembicError(.invalidProject, "alembic.ini names no version location")
        }
        let name = try FileTemplate.fileName(project, id: content.id, message: content.message, date: content.date)
        return NewRevision(
            id: content.id, downRevisions: content.down, branchLabels: content.labels, dependsOn: content.dependsOn,
            file: location.appendingPathComponent(name), text: try RevisionTemplate.render(content, project: project))
    }

    /// Writes atomically; never replaces an existing file.
    public func write(_ revision: NewRevision) throws(AlembicError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile(revision.file).write(Data(revision.text.utf8), overwrite: false)
        } catch {
            switch error {
            case .exists(let path):
                throw AlembicError(.cannotWrite, "\(path) already exists; a revision is never overwritten")
            case .folderMissing(let path):
                throw AlembicError(.cannotWrite, "the version location \(path) does not exist")
            default: throw AlembicError(.cannotWrite, "\(error)")
            }
        }
    }
}
