/// `db heads` and `db history` in Alembic's own output formats (`Script.cmd_format`, `Script.log_entry`), computed
/// from the revision files alone.
public struct AlembicListing {
    public let graph: RevisionGraph

    public init(graph: RevisionGraph) { self.graph = graph }

    private var revisions: [String: Revision] { graph.revisions }

    /// Revisions whose down_revision names the id.
    private func nextRevisions(_ id: String) -> [String] { graph.order.filter { revisions[$0]?.downRevisions.contains(id) == true } }
    /// ... or whose depends_on names it.
    private func allNextRevisions(_ id: String) -> [String] {
        graph.order.filter { revisions[$0]?.downRevisions.contains(id) == true || revisions[$0]?.dependsOn.contains(id) == true }
    }

    func isHead(_ id: String) -> Bool { nextRevisions(id).isEmpty }
    func isRealHead(_ id: String) -> Bool { allNextRevisions(id).isEmpty }
    func isBranchPoint(_ id: String) -> Bool { nextRevisions(id).count > 1 }
    func isMergePoint(_ id: String) -> Bool { (revisions[id]?.downRevisions.count ?? 0) > 1 }

    /// Branch labels as Alembic spreads them: to every descendant, and up the ancestors until a branch point.
    /// Sorted: Alembic keeps them in a Python set, whose order changes from run to run.
    func branchLabels(_ id: String) -> [String] {
        var labels: [String] = []
        func add(_ new: [String]) { for label in new where !labels.contains(label) { labels.append(label) } }
        for labelled in graph.order {
            guard let revision = revisions[labelled], !revision.branchLabels.isEmpty else { continue }
            if labelled == id || descendants(of: labelled).contains(id) || ancestorsUntilBranchPoint(of: labelled).contains(id) {
                add(revision.branchLabels)
            }
        }
        return labels.sorted()
    }

    private func descendants(of id: String) -> Set<String> {
        var found: Set<String> = []
        var stack = [id]
        while let next = stack.popLast() {
            for child in nextRevisions(next) where found.insert(child).inserted { stack.append(child) }
        }
        return found
    }

    private func ancestorsUntilBranchPoint(of id: String) -> Set<String> {
        var found: Set<String> = []
        var current = revisions[id]?.downRevisions.count == 1 ? revisions[id]?.downRevisions.first : nil
        while let parent = current, !isBranchPoint(parent), !isMergePoint(parent), !found.contains(parent) {
            found.insert(parent)
            current = revisions[parent]?.downRevisions.count == 1 ? revisions[parent]?.downRevisions.first : nil
        }
        return found
    }

    private func ancestors(of id: String) -> Set<String> {
        var found: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            guard let revision = revisions[next] else { continue }
            for parent in revision.downRevisions + revision.dependsOn where found.insert(parent).inserted { stack.append(parent) }
        }
        return found
    }

    private func down(_ id: String) -> String {
        let downs = revisions[id]?.downRevisions ?? []
        return downs.isEmpty ? "<base>" : downs.joined(separator: ", ")
    }

    /// Dependencies not already reached through the down revisions (Alembic's normalized dependencies).
    private func normalizedDependencies(_ id: String) -> [String] {
        guard let revision = revisions[id] else { return [] }
        let reached = revision.downRevisions.reduce(into: Set<String>()) { $0.formUnion(ancestors(of: $1)) }
        return revision.dependsOn.filter { !reached.contains($0) }
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

    /// Alembic's topological order from the heads down (`RevisionMap._topological_sort`).
    func walk() -> [String] {
        var todo = Set(graph.order)
        var heads = graph.order.filter(isHead)
        var ancestorsByIndex = heads.map { ancestors(of: $0) }
        var output: [String] = []
        var index = 0
        while !heads.isEmpty {
            let candidate = heads[index]
            if let other = ancestorsByIndex.indices.first(where: { $0 != index && ancestorsByIndex[$0].contains(candidate) }) {
                index = other
                continue
            }
            if todo.remove(candidate) != nil { output.append(candidate) }
            let revision = revisions[candidate]
            var normalizedDown: [String] = []
            for parent in (revision?.downRevisions ?? []) + normalizedDependencies(candidate) where !normalizedDown.contains(parent) {
                normalizedDown.append(parent)
            }
            let toAdd = normalizedDown.filter { todo.contains($0) && !heads.contains($0) }
            if toAdd.isEmpty {
                heads.remove(at: index)
                ancestorsByIndex.remove(at: index)
                index = max(index - 1, 0)
            } else {
                heads[index] = toAdd[0]
                ancestorsByIndex[index] = ancestors(of: toAdd[0])
                heads += toAdd.dropFirst()
                ancestorsByIndex += toAdd.dropFirst().map { ancestors(of: $0) }
            }
        }
        return output
    }

    /// `alembic history` (`-v` for the long form).
    public func history(verbose: Bool) -> [String] {
        walk().compactMap { id -> String? in
            guard let revision = revisions[id] else { return nil }
            if verbose { return logEntry(revision) }
            var text = id
            let dependencies = revision.dependsOn
            text = dependencies.isEmpty ? "\(down(id)) -> \(text)" : "\(down(id)) (\(dependencies.joined(separator: ", "))) -> \(text)"
            let labels = branchLabels(id)
            if !labels.isEmpty { text += " (\(labels.joined(separator: ", ")))" }
            text += isRealHead(id) ? " (head)" : (isHead(id) ? " (effective head)" : "")
            text += (isBranchPoint(id) ? " (branchpoint)" : "") + (isMergePoint(id) ? " (mergepoint)" : "")
            return text + ", " + revision.message
        }
    }

    func logEntry(_ revision: Revision) -> String {
        let id = revision.id
        var entry = "Rev: \(id)\(isHead(id) ? " (head)" : "")\(isBranchPoint(id) ? " (branchpoint)" : "")\(isMergePoint(id) ? " (mergepoint)" : "")\n"
        entry += isMergePoint(id) ? "Merges: \(down(id))\n" : "Parent: \(down(id))\n"
        if !revision.dependsOn.isEmpty { entry += "Also depends on: \(revision.dependsOn.joined(separator: ", "))\n" }
        if isBranchPoint(id) { entry += "Branches into: \(nextRevisions(id).joined(separator: ", "))\n" }
        let labels = branchLabels(id)
        if !labels.isEmpty { entry += "Branch names: \(labels.joined(separator: ", "))\n" }
        entry += "Path: \(revision.file.path)\n"
        entry += "\n" + revision.longDoc.components(separatedBy: "\n").map { "    \($0)" }.joined(separator: "\n") + "\n"
        return entry
    }
}
