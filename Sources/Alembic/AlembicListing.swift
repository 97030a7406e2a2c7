/// `db heads` and `db history` in Alembic's own output formats (`Script.cmd_format`, `Script.log_entry`), computed
/// from the revision files alone, in time linear in the graph (branch labels and normalized dependencies are
/// worked out once).
public struct AlembicListing {
    public let graph: RevisionGraph
    /// Id → its branch labels as Alembic spreads them (sorted: Alembic keeps them in a Python set, whose order
    /// changes from run to run).
    private let labels: [String: [String]]
    /// Id → its dependencies not already reached through its down revisions (Alembic's normalized dependencies).
    private let normalizedDependencies: [String: [String]]

    public init(graph: RevisionGraph) {
        self.graph = graph
        var labels: [String: Set<String>] = [:]
        for labelled in graph.order {
            guard let revision = graph.revisions[labelled], !revision.branchLabels.isEmpty else { continue }
            // A label applies to the revision, every descendant, and the ancestors up to a branch or merge point.
            var reached = graph.descendants(of: labelled)
            var current = revision.downRevisions.count == 1 ? revision.downRevisions.first : nil
            while let parent = current, graph.childrenOf(parent).count <= 1,
                (graph.revisions[parent]?.downRevisions.count ?? 0) <= 1, reached.insert(parent).inserted
            {
                current = graph.revisions[parent]?.downRevisions.first
            }
            for id in reached { labels[id, default: []].formUnion(revision.branchLabels) }
        }
        self.labels = labels.mapValues { $0.sorted() }
        var normalized: [String: [String]] = [:]
        for id in graph.order {
            guard let revision = graph.revisions[id], !revision.dependsOn.isEmpty else { continue }
            let reached = revision.downRevisions.reduce(into: Set<String>()) { $0.formUnion(graph.ancestors(of: $1)) }
            normalized[id] = revision.dependsOn.filter { !reached.contains($0) }
        }
        normalizedDependencies = normalized
    }

    private var revisions: [String: RevisionFile] { graph.revisions }

    func isHead(_ id: String) -> Bool { graph.childrenOf(id).isEmpty }
    func isRealHead(_ id: String) -> Bool { isHead(id) && (graph.dependents[id] ?? []).isEmpty }
    func isBranchPoint(_ id: String) -> Bool { graph.childrenOf(id).count > 1 }
    func isMergePoint(_ id: String) -> Bool { (revisions[id]?.downRevisions.count ?? 0) > 1 }
    func branchLabels(_ id: String) -> [String] { labels[id] ?? [] }

    private func down(_ id: String) -> String {
        let downs = revisions[id]?.downRevisions ?? []
        return downs.isEmpty ? "<base>" : downs.joined(separator: ", ")
    }

    /// `alembic heads` (not verbose): `rev (labels) (head)`, or `(effective head)` for a head others depend on.
    public func heads() -> [String] {
        graph.order.filter(isHead).map { id in
            var text = id
            let labels = branchLabels(id)
            if !labels.isEmpty { text += " (\(labels.joined(separator: ", ")))" }
            text += isRealHead(id) ? " (head)" : " (effective head)"
            return text
        }
    }

    /// Alembic's topological order from the heads down (`RevisionMap._topological_sort`), with its shortcut: moving
    /// down a plain line (one down revision, no dependencies) only drops the emitted revision from the ancestors.
    func walk() -> [String] {
        var todo = Set(graph.order)
        var heads = graph.order.filter(isHead)
        var ancestorsByIndex = heads.map { graph.ancestors(of: $0) }
        var output: [String] = []
        var index = 0
        while !heads.isEmpty {
            let candidate = heads[index]
            if let other = ancestorsByIndex.indices.first(where: {
                $0 != index && ancestorsByIndex[$0].contains(candidate)
            }) {
                index = other
                continue
            }
            if todo.remove(candidate) != nil { output.append(candidate) }
            let revision = revisions[candidate]
            var normalizedDown: [String] = []
            for parent in (revision?.downRevisions ?? []) + (normalizedDependencies[candidate] ?? [])
            where !normalizedDown.contains(parent) {
                normalizedDown.append(parent)
            }
            let toAdd = normalizedDown.filter { todo.contains($0) && !heads.contains($0) }
            if toAdd.isEmpty {
                heads.remove(at: index)
                ancestorsByIndex.remove(at: index)
                index = max(index - 1, 0)
            } else if (normalizedDependencies[candidate] ?? []).isEmpty && revision?.downRevisions.count == 1 {
                heads[index] = toAdd[0]
                ancestorsByIndex[index].remove(candidate)
            } else {
                heads[index] = toAdd[0]
                ancestorsByIndex[index] = graph.ancestors(of: toAdd[0])
                heads += toAdd.dropFirst()
                ancestorsByIndex += toAdd.dropFirst().map { graph.ancestors(of: $0) }
            }
        }
        return output
    }

    /// `alembic current` (not verbose) for the rows of `alembic_version`: the revisions they stand for that no other
    /// of them revises, as `rev (head)`, `(effective head)`, `(branchpoint)`, `(mergepoint)`; a row no file has
    /// is shown as such (Alembic would stop there).
    public func current(_ rows: [String]) -> [String] {
        var reached = Set<String>()
        for row in rows where revisions[row] != nil { reached.formUnion(graph.ancestors(of: row)) }
        let known = graph.order.filter { id in
            reached.contains(id) && graph.descendants(of: id).intersection(reached) == [id]
        }
        let unknown = rows.filter { revisions[$0] == nil }.sorted().map { "\($0) (not in the migration files)" }
        return known.map { id in
            var text = id + (isRealHead(id) ? " (head)" : (isHead(id) ? " (effective head)" : ""))
            text += (isBranchPoint(id) ? " (branchpoint)" : "") + (isMergePoint(id) ? " (mergepoint)" : "")
            return text
        } + unknown
    }

    /// `alembic history` (`-v` for the long form); the revisions in `current` (alembic_version's rows) are marked
    /// `(current)`, as `--indicate-current` does.
    public func history(verbose: Bool, current: Set<String> = []) -> [String] {
        walk().compactMap { id -> String? in
            guard let revision = revisions[id] else { return nil }
            let marker = current.contains(id) ? " (current)" : ""
            if verbose { return logEntry(revision, current: marker) }
            var text = id
            let dependencies = revision.dependsOn
            text =
                dependencies.isEmpty
                ? "\(down(id)) -> \(text)" : "\(down(id)) (\(dependencies.joined(separator: ", "))) -> \(text)"
            let labels = branchLabels(id)
            if !labels.isEmpty { text += " (\(labels.joined(separator: ", ")))" }
            text += (isRealHead(id) ? " (head)" : (isHead(id) ? " (effective head)" : "")) + marker
            text += (isBranchPoint(id) ? " (branchpoint)" : "") + (isMergePoint(id) ? " (mergepoint)" : "")
            return text + ", " + revision.message
        }
    }

    func logEntry(_ revision: RevisionFile, current marker: String) -> String {
        let id = revision.id
        var entry =
            "Rev: \(id)\(isHead(id) ? " (head)" : "")\(isBranchPoint(id) ? " (branchpoint)" : "")\(isMergePoint(id) ? " (mergepoint)" : "")\(marker)\n"
        entry += isMergePoint(id) ? "Merges: \(down(id))\n" : "Parent: \(down(id))\n"
        if !revision.dependsOn.isEmpty { entry += "Also depends on: \(revision.dependsOn.joined(separator: ", "))\n" }
        if isBranchPoint(id) { entry += "Branches into: \(graph.childrenOf(id).joined(separator: ", "))\n" }
        let labels = branchLabels(id)
        if !labels.isEmpty { entry += "Branch names: \(labels.joined(separator: ", "))\n" }
        entry += "Path: \(revision.file.path)\n"
        entry +=
            "\n" + revision.longDoc.components(separatedBy: "\n").map { "    \($0)" }.joined(separator: "\n") + "\n"
        return entry
    }
}
