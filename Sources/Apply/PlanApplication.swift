import Alembic
import Catalogue
import Foundation
import Planner
import Postgres
import Snapshot

/// `apply`, as one operation: verify the plan against the catalogue, find or write its revision in the project,
/// and with `execute` run it against the database. Also what `db migrate-domain-models` does after planning.
public struct PlanApplication {
    public var plan: Plan
    /// For messages (and the re-plan hint of a stale plan).
    public var planFile: String
    /// The folder holding alembic.ini.
    public var project: URL
    /// orchestrator-core's schema migrations (`--core-migrations`); nil: looked for in the project's virtualenv.
    public var coreMigrations: URL?
    /// The schema head a new data branch depends on (`--depends-on`).
    public var dependsOn: String?
    /// What the plan is checked against: a snapshot, or the live database.
    public var catalogue: CatalogueSource
    /// With a live database: the snapshot the plan was made from, to list what changed when the plan is stale.
    public var baseSnapshot: URL?
    public var execute: Bool
    public var date: Date
    public var environment: [String: String]

    public init(
        plan: Plan, planFile: String, project: URL, coreMigrations: URL? = nil, dependsOn: String? = nil,
        catalogue: CatalogueSource, baseSnapshot: URL? = nil, execute: Bool = false, date: Date,
        environment: [String: String] = [:]
    ) {
        self.plan = plan
        self.planFile = planFile
        self.project = project
        self.coreMigrations = coreMigrations
        self.dependsOn = dependsOn
        self.catalogue = catalogue
        self.baseSnapshot = baseSnapshot
        self.execute = execute
        self.date = date
        self.environment = environment
    }

    /// What happened, step by step, for the command to tell.
    public enum Step: Sendable, Equatable {
        /// `alembic_version` already holds the plan's revision: nothing was (or will be) changed.
        case alreadyApplied(database: String, revision: String)
        /// The plan changes nothing: no revision is written and nothing is executed.
        case nothingToDo
        /// The schema head came from the catalogue's `alembic_version`: orchestrator-core's migrations are not visible.
        case schemaHeadFromCatalogue(String?)
        case revisionPresent(URL, revision: String)
        case revisionWritten(URL, revision: String, downRevision: String?, dependsOn: String?)
        case executed(statements: Int, database: String, previousVersion: String?, revision: String)
    }

    /// Runs the application; `report` is called with each step as it happens.
    public func run(report: (Step) -> Void) throws {
        let revisionID = PlanRevision.id(for: plan)
        let current = try catalogue.load(takenAt: date)
        if catalogue.isLive, current.alembicVersions.contains(revisionID) {
            // A retried deployment job: the revision (ours, or the same one run by Alembic) is applied.
            report(.alreadyApplied(database: current.source.display, revision: revisionID))
            return
        }
        let base = try baseSnapshot.map { url throws(SnapshotError) in try SnapshotFile.read(url) }
        try PlanVerifier.verify(plan, against: current, base: catalogue.isLive ? base : nil, planFile: planFile)
        guard !plan.isEmpty else {
            // orchestrator-core writes no revision for empty SQL either ("Nothing to do").
            report(.nothingToDo)
            return
        }

        let alembic = try AlembicProject(root: project)
        let core = CoreMigrations.find(explicit: coreMigrations, project: project, environment: environment)
        let graph = try RevisionGraph(locations: alembic.versionLocations + (core.map { [$0] } ?? []))
        let downRevision: String?
        if let existing = graph.revisions[revisionID] {
            // Written before (the first step of a two-step deployment): its file says what it revises.
            guard existing.downRevisions.count <= 1 else {
                throw AlembicError(
                    .invalidProject, "\(existing.file.path) revises several revisions; apply it with Alembic")
            }
            downRevision = existing.downRevisions.first
            report(.revisionPresent(existing.file, revision: revisionID))
        } else {
            let dataHead = try graph.head(ofBranch: "data")
            // Only a first data revision depends on the schema head.
            let schemaHead =
                dataHead == nil
                ? try DataBranch.schemaHead(explicit: dependsOn, graph: graph, alembicVersions: current.alembicVersions)
                : nil
            let schemaInFiles = try graph.head(ofBranch: "schema") != nil
            if core == nil && dependsOn == nil && !schemaInFiles && dataHead == nil {
                report(.schemaHeadFromCatalogue(schemaHead))
            }
            let placement = try DataBranch.placement(in: graph, schemaHead: schemaHead)
            let writer = RevisionWriter(project: alembic, graph: graph)
            let revision = try writer.prepare(PlanRevision.content(plan, placement: placement, date: date))
            try writer.write(revision)
            report(
                .revisionWritten(
                    revision.file, revision: revision.id, downRevision: revision.downRevision,
                    dependsOn: revision.dependsOn))
            downRevision = revision.downRevision
        }
        guard execute, case .database(let target) = catalogue else { return }
        let connection = try PostgresConnection.connect(target)
        switch try PlanExecutor(connection: connection).execute(
            plan, revision: revisionID, downRevision: downRevision, planFile: planFile)
        {
        case .executed(let statements, let previous):
            report(
                .executed(
                    statements: statements, database: connection.database, previousVersion: previous,
                    revision: revisionID))
        case .alreadyApplied:
            report(.alreadyApplied(database: connection.database, revision: revisionID))
        }
    }
}
