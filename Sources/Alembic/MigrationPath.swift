/// The revisions between what `alembic_version` holds and a target, in the order Alembic runs them, each with the
/// `alembic_version` changes Alembic makes for it (`VersionTable`).
public struct MigrationPath: Sendable {
    public struct Step: Sendable {
        public var revision: RevisionFile
        public var isUpgrade: Bool
        public var versionChanges: [VersionChange]
    }

    public var steps: [Step]
    public var startHeads: Set<String>
    public var endHeads: Set<String>

    /// `db upgrade TARGET` from `current` (the rows of `alembic_version`).
    public static func upgrade(
        _ target: RevisionArgument, from current: Set<String>, in graph: RevisionGraph
    ) throws(AlembicError) -> MigrationPath {
        try graph.checkKnown(current)
        let targets: [String]
        switch target {
        case .heads: targets = graph.heads.map(\.id)
        case .head: targets = [try graph.singleHead().id]
        case .base: targets = []
        case .branchHead(let label):
            guard let head = try graph.head(ofBranch: label) else {
                throw AlembicError(.unknownRevision, "no branch '\(label)' in the migration files")
            }
            targets = [head.id]
        case .branchBase:
            throw AlembicError(.unknownRevision, "\(target) is a downgrade target, not an upgrade target")
        case .relative(let anchor, let steps):
            guard steps >= 0 else {
                throw AlembicError(.unknownRevision, "\(target) goes down: use db downgrade \(target)")
            }
            var branch: String?
            if case .branch(let label)? = anchor { branch = label }
            targets = [try graph.walkUp(from: graph.anchor(anchor, current: current), steps: steps, branch: branch)]
        case .revision(let name): targets = [try graph.resolve(name).id]
        }
        let applied = graph.applied(current)
        var wanted = Set<String>()
        for id in targets { wanted.formUnion(graph.ancestors(of: id)) }
        let missing = wanted.subtracting(applied).filter { graph.revisions[$0] == nil }
        guard missing.isEmpty else {
            throw AlembicError(
                .invalidProject,
                "the path to \(target) needs \(missing.sorted().joined(separator: ", ")), which no migration file has (orchestrator-core's schema migrations: install orchestrator-core in the project's virtualenv or pass --core-migrations)"
            )
        }
        let toApply = graph.topologicalOrder(wanted.subtracting(applied))
        return try run(toApply, upgrade: true, from: current, in: graph)
    }

    /// `db downgrade TARGET` from `current`.
    public static func downgrade(
        _ target: RevisionArgument, from current: Set<String>, in graph: RevisionGraph
    ) throws(AlembicError) -> MigrationPath {
        try graph.checkKnown(current)
        let applied = graph.applied(current).filter { graph.revisions[$0] != nil }
        let remove: Set<String>
        switch target {
        case .base: remove = applied
        case .branchBase(let label):
            let onBranch = applied.filter { graph.branches(of: $0).contains(label) }
            guard !onBranch.isEmpty || graph.order.contains(where: { graph.branches(of: $0).contains(label) }) else {
                throw AlembicError(.unknownRevision, "no branch '\(label)' in the migration files")
            }
            remove = applied.intersection(graph.dependentsClosure(of: onBranch))
        case .relative(let anchor, let steps):
            guard steps <= 0 else {
                throw AlembicError(.unknownRevision, "\(target) goes up: use db upgrade \(target)")
            }
            let start = try graph.anchor(anchor, current: current)
            switch try graph.walkDown(from: start, steps: -steps) {
            case .revision(let id):
                remove = applied.intersection(graph.dependentsClosure(of: Set(graph.childrenOf(id))))
            case .belowBase(let base):
                // Below a base: that branch's base (with a branch named) or, as Alembic does, every base.
                let bases =
                    anchor == nil
                    ? Set(graph.order.filter { graph.revisions[$0]?.downRevisions.isEmpty == true }) : [base]
                remove = applied.intersection(graph.dependentsClosure(of: bases))
            }
        case .heads, .head, .branchHead:
            throw AlembicError(.unknownRevision, "\(target) is an upgrade target, not a downgrade target")
        case .revision(let name):
            let id = try graph.resolve(name).id
            guard applied.contains(id) else {
                throw AlembicError(
                    .unknownRevision,
                    "\(id) is not applied (alembic_version: \(current.sorted().joined(separator: ", "))), so it is not a downgrade target"
                )
            }
            // Alembic drops what revises the target (its children through down_revision) and everything that
            // revises or depends on those; a revision that only depends on the target stays.
            remove = applied.intersection(graph.dependentsClosure(of: Set(graph.childrenOf(id))))
        }
        let order = graph.topologicalOrder(remove).reversed()
        return try run(Array(order), upgrade: false, from: current, in: graph)
    }

    /// The heads `db stamp TARGET` (and the START of `--sql START:END`) stands for: the named revisions (`base`:
    /// none). Relative steps (`-1`, `data@+1`) are refused, as Alembic refuses them there: they count from the
    /// database's revisions, and a repair (or a script) names the revision it means.
    public static func stampTargets(
        _ target: RevisionArgument, in graph: RevisionGraph
    ) throws(AlembicError) -> Set<String> {
        // No check of `current`: stamping is how a table holding an unknown revision is repaired.
        switch target {
        case .base: return []
        case .heads: return Set(graph.heads.map(\.id))
        case .head: return [try graph.singleHead().id]
        case .branchHead(let label):
            guard let head = try graph.head(ofBranch: label) else {
                throw AlembicError(.unknownRevision, "no branch '\(label)' in the migration files")
            }
            return [head.id]
        case .branchBase(let label):
            throw AlembicError(.unknownRevision, "stamp \(label)@base: stamp the revision below the branch instead")
        case .relative:
            throw AlembicError(
                .unknownRevision,
                "a relative step cannot be stamped or start a script (nor can it in Alembic): name the revision (db history lists them)"
            )
        case .revision(let name): return [try graph.resolve(name).id]
        }
    }

    /// The steps with their `alembic_version` changes, simulated from `current`.
    static func run(
        _ ids: [String], upgrade: Bool, from current: Set<String>, in graph: RevisionGraph
    ) throws(AlembicError) -> MigrationPath {
        var table = VersionTable(heads: current, graph: graph)
        var steps: [Step] = []
        for id in ids {
            guard let revision = graph.revisions[id] else { continue }
            let changes = try table.step(revision, upgrade: upgrade)
            steps.append(Step(revision: revision, isUpgrade: upgrade, versionChanges: changes))
        }
        return MigrationPath(steps: steps, startHeads: current, endHeads: table.heads)
    }
}

extension RevisionGraph {
    /// Everything `alembic_version`'s rows stand for: their ancestors, dependencies included.
    func applied(_ current: Set<String>) -> Set<String> {
        current.reduce(into: Set<String>()) { found, id in found.formUnion(ancestors(of: id)) }
    }

    /// Refuses rows no file has, unless a revision depends on them (orchestrator-core's schema head, whose files
    /// may not be visible).
    func checkKnown(_ current: Set<String>) throws(AlembicError) {
        let dependencies = Set(revisions.values.flatMap(\.dependsOn))
        let unknown = current.filter { revisions[$0] == nil && !dependencies.contains($0) }
        guard unknown.isEmpty else {
            throw AlembicError(
                .unknownRevision,
                "the database's alembic_version holds \(unknown.sorted().joined(separator: ", ")), which no migration file has: the database is ahead of these files (or from another project); nothing was changed"
            )
        }
    }

    /// The revisions that revise or depend on any of `ids`, transitively, with `ids`.
    func dependentsClosure(of ids: Set<String>) -> Set<String> {
        var found = ids
        var stack = Array(ids)
        while let next = stack.popLast() {
            var followers = children[next] ?? []
            followers += dependents[next] ?? []
            for label in revisions[next]?.branchLabels ?? [] { followers += dependents[label] ?? [] }
            for follower in followers where found.insert(follower).inserted { stack.append(follower) }
        }
        return found
    }

    /// `ids` ordered so that every revision comes after its down revisions and dependencies; ties in load order.
    /// (`ids` is closed under ancestry within what is not applied, so direct edges suffice.)
    func topologicalOrder(_ ids: Set<String>) -> [String] {
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var waiting: [String: Int] = [:]
        var followers: [String: [String]] = [:]
        for id in ids {
            let parents = Set(
                (revisions[id]?.downRevisions ?? []) + (revisions[id]?.dependsOn.flatMap(resolveDependencyIDs) ?? []))
            let inside = parents.filter { ids.contains($0) && $0 != id }
            waiting[id] = inside.count
            for parent in inside { followers[parent, default: []].append(id) }
        }
        var ready = ids.filter { waiting[$0] == 0 }.sorted { (position[$0] ?? 0) > (position[$1] ?? 0) }
        var result: [String] = []
        while let next = ready.popLast() {
            result.append(next)
            for follower in followers[next] ?? [] {
                waiting[follower, default: 0] -= 1
                if waiting[follower] == 0 {
                    // Kept sorted by load order, latest first, so popLast takes the earliest.
                    let rank = position[follower] ?? 0
                    let index = ready.firstIndex { (position[$0] ?? 0) < rank } ?? ready.endIndex
                    ready.insert(follower, at: index)
                }
            }
        }
        return result
    }

    /// The revision a relative argument counts from.
    func anchor(_ anchor: RevisionArgument.Anchor?, current: Set<String>) throws(AlembicError) -> String? {
        switch anchor {
        case .revision(let name)?: return try resolve(name).id
        case .branch(let label)?:
            let onBranch = current.filter { revisions[$0] != nil && branches(of: $0).contains(label) }
            if onBranch.isEmpty, order.contains(where: { branches(of: $0).contains(label) }) { return nil }
            guard onBranch.count == 1, let head = onBranch.first else {
                throw AlembicError(
                    onBranch.isEmpty ? .unknownRevision : .ambiguousRevision,
                    onBranch.isEmpty
                        ? "no branch '\(label)' in the migration files"
                        : "branch '\(label)' has several heads in alembic_version: \(onBranch.sorted().joined(separator: ", "))"
                )
            }
            return head
        case nil:
            let known = current.filter { revisions[$0] != nil }
            guard known.count <= 1 else {
                throw AlembicError(
                    .ambiguousRevision,
                    "alembic_version holds several heads (\(known.sorted().joined(separator: ", "))): count from one of them (\(known.sorted().first ?? "")-1) or a branch (data@-1)"
                )
            }
            return known.first
        }
    }

    /// `steps` revisions up from `start` (nil: from base), through the only child each time.
    func walkUp(from start: String?, steps: Int, branch: String? = nil) throws(AlembicError) -> String {
        var current = start
        for _ in 0..<steps {
            let next =
                current.map { childrenOf($0) }
                ?? order.filter { id in
                    revisions[id]?.downRevisions.isEmpty == true
                        && (branch.map { label in branches(of: id).contains(label) } ?? true)
                }
            guard next.count == 1, let only = next.first else {
                throw AlembicError(
                    next.isEmpty ? .unknownRevision : .ambiguousRevision,
                    next.isEmpty
                        ? "there is no revision \(steps) step(s) above \(start ?? "base")"
                        : "the path up from \(current ?? "base") branches (\(next.joined(separator: ", "))): name the target"
                )
            }
            current = only
        }
        guard let current else { throw AlembicError(.unknownRevision, "+0 names no revision") }
        return current
    }

    enum Below: Equatable {
        case revision(String)
        /// The walk went below this branch base: remove it and what follows.
        case belowBase(String)
    }

    /// `steps` revisions down from `start` through its (single) down revision.
    func walkDown(from start: String?, steps: Int) throws(AlembicError) -> Below {
        guard var current = start else {
            throw AlembicError(.unknownRevision, "the database is at base: there is nothing to downgrade")
        }
        for step in 0..<steps {
            let downs = revisions[current]?.downRevisions ?? []
            if downs.isEmpty {
                guard step == steps - 1 else {
                    throw AlembicError(.unknownRevision, "there are fewer than \(steps) revisions below \(start ?? "")")
                }
                return .belowBase(current)
            }
            guard downs.count == 1 else {
                throw AlembicError(
                    .ambiguousRevision,
                    "\(current) merges \(downs.joined(separator: ", ")): name the revision to downgrade to")
            }
            current = downs[0]
        }
        return .revision(current)
    }
}
