import PythonSource
import DomainModels
import Foundation

/// One Alembic revision, read from its file without running Python.
public struct Revision: Hashable, Sendable {
    public var id: String
    public var downRevisions: [String]
    public var branchLabels: [String]
    public var dependsOn: [String]
    /// The docstring, stripped (Alembic's `longdoc`); its first paragraph is the message (`doc`).
    public var longDoc: String
    public var file: URL

    public var message: String { longDoc.components(separatedBy: "\n\n").first ?? "" }
}

/// The revisions of every version location, like Alembic's `ScriptDirectory`: heads, branch labels, order.
public struct RevisionGraph: Sendable {
    public let revisions: [String: Revision]
    /// Ids in the order Alembic loads them (version locations in order, files sorted by name).
    public let order: [String]

    /// Reads every `*.py` of the locations (not recursively, as Alembic without `recursive_version_locations`).
    public init(locations: [URL]) throws(ApplyError) {
        var revisions: [String: Revision] = [:]
        var order: [String] = []
        for location in locations {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: location.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".py") && !name.hasPrefix("__") {
                let file = location.appendingPathComponent(name)
                let revision = try Self.read(file)
                if let existing = revisions[revision.id] {
                    throw ApplyError(.invalidProject, "revision \(revision.id) is defined twice: \(existing.file.path) and \(file.path)")
                }
                revisions[revision.id] = revision
                order.append(revision.id)
            }
        }
        self.revisions = revisions
        self.order = order
    }

    static func read(_ file: URL) throws(ApplyError) -> Revision {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ApplyError(.invalidProject, "cannot read the revision file \(file.path)")
        }
        let module: PythonModuleLiterals
        do throws(PythonSyntaxError) {
            module = try PythonModuleLiterals(data: data)
        } catch {
            throw ApplyError(.invalidProject, "\(file.path):\(error.line): cannot read the revision file: \(error.message)")
        }
        func list(_ key: String) throws(ApplyError) -> [String] {
            switch module.assignments[key]?.value {
            case .string(let value)?: return [value]
            case .strings(let values)?: return values
            case .none?, nil: return []
            case .other(let text)?:
                throw ApplyError(.invalidProject, "\(file.path):\(module.assignments[key]?.line ?? 0): \(key) = \(text) is not a literal")
            }
        }
        guard case .string(let id)? = module.assignments["revision"]?.value else {
            throw ApplyError(.invalidProject, "\(file.path): no `revision = '...'` assignment; is it an Alembic revision?")
        }
        return Revision(
            id: id, downRevisions: try list("down_revision"), branchLabels: try list("branch_labels"),
            dependsOn: try list("depends_on"), longDoc: (module.docstring ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            file: file)
    }

    /// Revisions no other revision revises.
    public var heads: [Revision] {
        let revised = Set(revisions.values.flatMap(\.downRevisions))
        return revisions.values.filter { !revised.contains($0.id) }.sorted { $0.id < $1.id }
    }

    /// The branch labels that apply to a revision: its own and those of its ancestors (down revisions).
    public func branches(of id: String) -> Set<String> {
        var labels: Set<String> = []
        var stack = [id]
        var seen: Set<String> = []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let revision = revisions[next] else { continue }
            labels.formUnion(revision.branchLabels)
            stack += revision.downRevisions
        }
        return labels
    }

    /// The head of a branch (`data@head`), nil when the branch does not exist; an error when it has several heads.
    public func head(ofBranch label: String) throws(ApplyError) -> Revision? {
        let candidates = heads.filter { branches(of: $0.id).contains(label) }
        if candidates.count > 1 {
            throw ApplyError(.invalidProject, "branch '\(label)' has several heads (\(candidates.map(\.id).joined(separator: ", "))); merge them first (`db merge`)")
        }
        return candidates.first
    }
}
