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
    ///
    /// A data revision is refused as the schema head, given or found: a data branch that depends on itself makes
    /// orchestrator-core's `db heads` fail. So are several candidates in `alembic_version` (a database with a data
    /// head the files do not know): which one is the schema head cannot be told from the ids.
    public static func schemaHead(
        explicit: String?, graph: RevisionGraph, alembicVersions: [String]
    ) throws(AlembicError) -> String? {
        let dataRevisions = Set(graph.order.filter { graph.branches(of: $0).contains("data") })
        if let explicit {
            if dataRevisions.contains(explicit) {
                let file = graph.revisions[explicit].map { " (\($0.file.lastPathComponent))" } ?? ""
                throw AlembicError(
                    .invalidProject,
                    "--depends-on \(explicit)\(file) is a revision of the data branch; the first data revision depends on the schema head (orchestrator-core's migrations), pass that one"
                )
            }
            if try graph.head(ofBranch: "schema") != nil, !graph.branches(of: explicit).contains("schema") {
                // The schema branch is in the files: the dependency must be one of its revisions.
                throw AlembicError(
                    graph.revisions[explicit] == nil ? .unknownRevision : .invalidProject,
                    "--depends-on \(explicit) is not a revision of the schema branch in the migration files: pass one of orchestrator-core's schema revisions"
                )
            }
            return explicit
        }
        if let head = try graph.head(ofBranch: "schema") { return head.id }
        // Outside the data branch: the database's schema revision.
        let candidates = alembicVersions.filter { !dataRevisions.contains($0) }.sorted()
        guard candidates.count <= 1 else {
            throw AlembicError(
                .ambiguousRevision,
                "the database's alembic_version holds several revisions the migration files do not place (\(candidates.joined(separator: ", "))), so the schema head is unclear: pass --depends-on with orchestrator-core's schema head, or --core-migrations"
            )
        }
        return candidates.first
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
