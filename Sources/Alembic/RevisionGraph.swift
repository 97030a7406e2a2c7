import Foundation

/// The revisions of every version location, like Alembic's `ScriptDirectory`/`RevisionMap`: heads, branch labels,
/// ancestry, in load order. Built once with its child index, so every query is linear in the graph.
///
/// A graph Alembic would refuse is refused when it is read, naming the files: a revision defined twice, a down
/// revision or dependency that no file has, a revision that revises itself, a cycle, a missing version location.
public struct RevisionGraph: Sendable {
    public let revisions: [String: RevisionFile]
    /// Ids in the order Alembic loads them (version locations in order, files sorted by name).
    public let order: [String]
    /// Id → the revisions whose down_revision names it (load order).
    let children: [String: [String]]
    /// Id → the revisions whose depends_on names it.
    let dependents: [String: [String]]

    /// Reads every `*.py` of the locations (not recursively, as Alembic without `recursive_version_locations`).
    public init(locations: [URL]) throws(AlembicError) {
        var revisions: [String: RevisionFile] = [:]
        var order: [String] = []
        for location in locations {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                throw AlembicError(
                    .invalidProject, "the version location \(location.path) does not exist (alembic.ini names it)")
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: location.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".py") && !name.hasPrefix("__") {
                let revision = try RevisionFile.read(location.appendingPathComponent(name))
                if let existing = revisions[revision.id] {
                    throw AlembicError(
                        .invalidProject,
                        "revision \(revision.id) is defined twice: \(existing.file.path) and \(revision.file.path)")
                }
                revisions[revision.id] = revision
                order.append(revision.id)
            }
        }
        try self.init(revisions: revisions, order: order)
    }

    /// A graph of revisions already read (tests, and the files plus a revision about to be written).
    public init(revisions: [String: RevisionFile], order: [String]) throws(AlembicError) {
        var children: [String: [String]] = [:]
        var dependents: [String: [String]] = [:]
        for id in order {
            guard let revision = revisions[id] else { continue }
            for down in revision.downRevisions {
                guard down != id else {
                    throw AlembicError(.invalidProject, "revision \(id) revises itself (\(revision.file.path))")
                }
                guard revisions[down] != nil else {
                    throw AlembicError(
                        .invalidProject,
                        "revision \(down), the down_revision of \(id) (\(revision.file.path)), is not present in any version location"
                    )
                }
                children[down, default: []].append(id)
            }
            for dependency in revision.dependsOn {
                // Not checked: the first data revision depends on orchestrator-core's schema head, whose files are
                // only visible with orchestrator-core installed (the commands say so when they are not).
                dependents[dependency, default: []].append(id)
            }
        }
        self.revisions = revisions
        self.order = order
        self.children = children
        self.dependents = dependents
        if let cycle = findCycle() {
            let files = cycle.compactMap { revisions[$0]?.file.lastPathComponent }
            throw AlembicError(
                .invalidProject,
                "the revisions form a cycle: \(cycle.joined(separator: " → ")) (\(files.joined(separator: ", ")))")
        }
    }

    /// A cycle through down revisions, as the ids along it, or nil.
    private func findCycle() -> [String]? {
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        var path: [String] = []
        for start in order where state[start] == nil {
            // Iterative depth-first search over down revisions, so a long chain cannot overflow the stack.
            var stack: [(id: String, next: Int)] = [(start, 0)]
            state[start] = 1
            path.append(start)
            while let top = stack.last {
                let downs = revisions[top.id]?.downRevisions ?? []
                if top.next < downs.count {
                    stack[stack.count - 1].next += 1
                    let down = downs[top.next]
                    if state[down] == 1 {
                        let index = path.firstIndex(of: down) ?? 0
                        return Array(path[index...]) + [down]
                    }
                    if state[down] == nil {
                        state[down] = 1
                        path.append(down)
                        stack.append((down, 0))
                    }
                } else {
                    state[top.id] = 2
                    path.removeLast()
                    stack.removeLast()
                }
            }
        }
        return nil
    }

    /// Revisions no other revision revises, in load order.
    public var heads: [RevisionFile] {
        order.filter { children[$0] == nil }.compactMap { revisions[$0] }
    }

    public func childrenOf(_ id: String) -> [String] { children[id] ?? [] }

    /// The revision and everything it revises or depends on, transitively.
    public func ancestors(of id: String, includingDependencies: Bool = true) -> Set<String> {
        var found: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            guard let revision = revisions[next] else { continue }
            let parents =
                revision.downRevisions + (includingDependencies ? revision.dependsOn.flatMap(resolveDependency) : [])
            for parent in parents where found.insert(parent).inserted { stack.append(parent) }
        }
        return found
    }

    /// A `depends_on` entry: a revision id, or a branch label standing for that branch's revisions.
    private func resolveDependency(_ name: String) -> [String] {
        if revisions[name] != nil { return [name] }
        return order.filter { revisions[$0]?.branchLabels.contains(name) == true }
    }

    /// The revision and everything that revises it, transitively.
    public func descendants(of id: String) -> Set<String> {
        var found: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where found.insert(child).inserted { stack.append(child) }
        }
        return found
    }

    /// The branch labels that apply to a revision: its own and those of its down-revision ancestors.
    public func branches(of id: String) -> Set<String> {
        ancestors(of: id, includingDependencies: false).reduce(into: Set<String>()) { labels, ancestor in
            labels.formUnion(revisions[ancestor]?.branchLabels ?? [])
        }
    }

    /// The head of a branch (`data@head`), nil when the branch does not exist; an error when it has several heads.
    public func head(ofBranch label: String) throws(AlembicError) -> RevisionFile? {
        let candidates = heads.filter { branches(of: $0.id).contains(label) }
        if candidates.count > 1 {
            throw AlembicError(
                .ambiguousRevision,
                "branch '\(label)' has several heads (\(candidates.map(\.id).joined(separator: ", "))); merge them first (`db merge`)"
            )
        }
        return candidates.first
    }
}
