import Foundation

/// orchestrator-core's branch conventions (docs/orchestrator-core.md §2.10, 4): its own migrations are the `schema`
/// branch; a project's data migrations are the `data` branch, whose first revision has no down revision, carries the
/// label `data` and depends on the schema head; later data revisions revise the data head.
public enum DataBranch {
    /// Where a new data revision goes.
    public struct Placement: Sendable, Equatable {
        public var down: [String]
        public var labels: [String]?
        public var dependsOn: String?
    }

    /// The schema head a new data branch depends on: `explicit` (`--depends-on`), else the head of the `schema`
    /// branch in the files (orchestrator-core's migrations), else what the database's `alembic_version` holds
    /// (from a snapshot or the live database). The one place this fallback is decided.
    public static func schemaHead(
        explicit: String?, graph: RevisionGraph, alembicVersions: [String]
    ) throws(AlembicError) -> String? {
        if let explicit { return explicit }
        if let head = try graph.head(ofBranch: "schema") { return head.id }
        // Outside the data branch: the database's schema revision.
        let dataRevisions = Set(graph.order.filter { graph.branches(of: $0).contains("data") })
        return alembicVersions.sorted().first { !dataRevisions.contains($0) }
    }

    /// A new revision on the data branch: revising the data head, or starting the branch on `schemaHead`.
    public static func placement(in graph: RevisionGraph, schemaHead: String?) throws(AlembicError) -> Placement {
        if let head = try graph.head(ofBranch: "data") {
            return Placement(down: [head.id], labels: nil, dependsOn: nil)
        }
        guard let schemaHead else {
            throw AlembicError(
                .invalidProject,
                "this is the first data revision, and the schema head it depends on is unknown: pass --depends-on REVISION, --core-migrations, or a snapshot with alembic_version rows"
            )
        }
        return Placement(down: [], labels: ["data"], dependsOn: schemaHead)
    }

    /// orchestrator-core's `create_data_head_if_not_exists`: the empty revision that starts the data branch, when
    /// there is none yet; nil when there is one.
    public static func dataHeadIfMissing(
        in graph: RevisionGraph, writer: RevisionWriter, schemaHead: String?, date: Date
    ) throws(AlembicError) -> NewRevision? {
        guard try graph.head(ofBranch: "data") == nil else { return nil }
        let placement = try placement(in: graph, schemaHead: schemaHead)
        return try writer.prepare(
            RevisionTemplate.Content(
                id: RevisionWriter.randomID(), message: "Create data head", down: placement.down,
                labels: placement.labels,
                dependsOn: placement.dependsOn, date: date))
    }
}
