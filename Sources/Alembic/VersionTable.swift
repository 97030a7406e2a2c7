/// One change of `alembic_version`.
public enum VersionChange: Sendable, Equatable, CustomStringConvertible {
    case insert(String)
    case delete(String)
    case update(from: String, to: String)

    public var description: String {
        switch self {
        case .insert(let id): return "insert \(id)"
        case .delete(let id): return "delete \(id)"
        case .update(let from, let to): return "update \(from) → \(to)"
        }
    }
}

/// `alembic_version` as Alembic keeps it while it migrates (its `HeadMaintainer`): every step of a revision
/// either starts a branch (a row inserted), deletes one (a row deleted), merges or unmerges branches (rows deleted
/// or inserted, one updated), or moves a head (a row updated). The rules, in Alembic's order:
///
/// - downgrade of a head whose "down" revisions are all still reachable from the other heads (or that has none):
///   delete its row;
/// - upgrade of a revision none of whose down revisions (dependencies included) is a head, or that has none:
///   insert a row;
/// - upgrade of a merge point with several of its down revisions as heads: delete all but one, update that one;
/// - downgrade of a merge point that is a head: insert rows for the down revisions not reachable otherwise, update
///   the head to the last;
/// - otherwise: update the row of the one down revision that is a head (upgrade), or the revision's row to its
///   down revision (downgrade).
///
/// "Down revisions" are Alembic's normalized ones: `down_revision` plus the dependencies no ancestor already has.
public struct VersionTable: Sendable {
    public private(set) var heads: Set<String>
    let graph: RevisionGraph

    public init(heads: Set<String>, graph: RevisionGraph) {
        self.heads = heads
        self.graph = graph
    }

    /// `down_revision` and the dependencies not already declared by a down-revision ancestor (Alembic's
    /// `_normalized_down_revisions`).
    func normalizedDownRevisions(_ revision: RevisionFile) -> [String] {
        var dependencies = revision.dependsOn.flatMap { graph.resolveDependencyIDs($0) }
        for ancestor in graph.ancestors(of: revision.id, includingDependencies: false) where ancestor != revision.id {
            let declared = Set(graph.revisions[ancestor]?.dependsOn.flatMap { graph.resolveDependencyIDs($0) } ?? [])
            dependencies.removeAll { declared.contains($0) }
        }
        var result: [String] = []
        for id in revision.downRevisions + dependencies where !result.contains(id) { result.append(id) }
        return result
    }

    /// Everything reachable from `ids` through down revisions and dependencies.
    private func ancestors(of ids: Set<String>) -> Set<String> {
        ids.reduce(into: Set<String>()) { found, id in found.formUnion(graph.ancestors(of: id)) }
    }

    /// Records the step of `revision` (upgrade or downgrade) and returns the row changes Alembic makes for it.
    public mutating func step(_ revision: RevisionFile, upgrade: Bool) throws(AlembicError) -> [VersionChange] {
        let down = normalizedDownRevisions(revision)
        let id = revision.id
        var changes: [VersionChange] = []
        if upgrade {
            let present = down.filter { heads.contains($0) }
            if down.isEmpty || present.isEmpty {
                changes = [.insert(id)]
            } else if down.count > 1 && present.count > 1 {
                // A merge: the down revisions that are heads and not reachable from the other heads collapse.
                let others = heads.subtracting(down)
                let reachable = ancestors(of: others)
                let from = down.filter { !reachable.contains($0) }
                guard let last = from.last else { throw inconsistent(revision) }
                changes = from.dropLast().map { VersionChange.delete($0) } + [.update(from: last, to: id)]
            } else {
                guard present.count == 1, let from = present.first else { throw inconsistent(revision) }
                changes = [.update(from: from, to: id)]
            }
        } else {
            guard heads.contains(id) else { throw inconsistent(revision) }
            let others = heads.subtracting([id])
            let reachable = ancestors(of: others)
            let unmergeTo = down.filter { !reachable.contains($0) }
            if down.isEmpty || unmergeTo.isEmpty {
                changes = [.delete(id)]
            } else if down.count > 1 {
                guard let last = unmergeTo.last else { throw inconsistent(revision) }
                changes = unmergeTo.dropLast().map { VersionChange.insert($0) } + [.update(from: id, to: last)]
            } else {
                changes = [.update(from: id, to: down[0])]
            }
        }
        for change in changes { apply(change) }
        return changes
    }

    /// Sets the heads directly (`db stamp`): the rows that change. No target (`base`) removes every row, as
    /// Alembic's `stamp base` does.
    public mutating func stamp(to targets: Set<String>, purge: Bool) -> [VersionChange] {
        var kept = purge || targets.isEmpty ? Set<String>() : heads
        if !purge {
            // A head related to a target (its ancestor or descendant) is replaced by the target.
            for target in targets {
                let up = graph.ancestors(of: target)
                kept = kept.filter { head in !up.contains(head) && !graph.ancestors(of: head).contains(target) }
            }
        }
        // Rows are heads only: a revision below another row (through down_revision or depends_on) is implied by it,
        // so `stamp heads` over a data head that depends on the schema head records the data head alone, as Alembic.
        let union = kept.union(targets)
        let new = union.filter { id in !union.contains { $0 != id && graph.ancestors(of: $0).contains(id) } }
        var changes: [VersionChange] = heads.subtracting(new).sorted().map { .delete($0) }
        changes += new.subtracting(heads).sorted().map { .insert($0) }
        heads = new
        return changes
    }

    private mutating func apply(_ change: VersionChange) {
        switch change {
        case .insert(let id): heads.insert(id)
        case .delete(let id): heads.remove(id)
        case .update(let from, let to):
            heads.remove(from)
            heads.insert(to)
        }
    }

    private func inconsistent(_ revision: RevisionFile) -> AlembicError {
        AlembicError(
            .invalidProject,
            "alembic_version (\(heads.sorted().joined(separator: ", "))) does not fit revision \(revision.id) (\(revision.file.lastPathComponent)): the table was changed by hand? `db stamp` can set it"
        )
    }
}

extension RevisionGraph {
    /// A `depends_on` entry as revision ids: an id as is, a branch label as the revision carrying it.
    func resolveDependencyIDs(_ name: String) -> [String] {
        if revisions[name] != nil { return [name] }
        let labelled = order.filter { revisions[$0]?.branchLabels.contains(name) == true }
        return labelled.isEmpty ? [name] : labelled
    }
}
