import Apply
import ArgumentParser
import Catalogue
import Foundation
import Postgres
import Planner
import Snapshot

/// `apply plan.yaml`: verify the plan, write its Alembic revision, and with `--execute` run it.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Verify a plan and write it as an Alembic revision (or run it with --execute).",
        discussion: """
            The plan's digest must match (no hand edits) and its base fingerprint must equal the catalogue it is \
            applied to: the --snapshot file's, or with --db the live one. A stale plan is refused with what changed \
            (when --snapshot is the snapshot the plan was made from and --db the live database).
            """)

    @Argument(help: ArgumentHelp("The plan file.", valueName: "plan"))
    var plan: String

    @Option(help: ArgumentHelp("A snapshot to check the plan against (with --db: the snapshot the plan was made from).", valueName: "file"))
    var snapshot: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Run the plan against --db in one transaction and record the revision in alembic_version.")
    var execute = false

    @Option(help: ArgumentHelp("The folder holding alembic.ini (default: the current folder).", valueName: "dir"))
    var project: String = "."

    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?

    @Option(help: ArgumentHelp("orchestrator-core's migrations/versions/schema folder.", valueName: "dir"))
    var coreMigrations: String?

    func validate() throws {
        if execute && database.db == nil && ProcessInfo.processInfo.environment["DATABASE_URI"] == nil {
            throw ValidationError("--execute needs --db (or DATABASE_URI)")
        }
        if !execute && snapshot == nil && database.db == nil {
            throw ValidationError("give --snapshot or --db: the plan is checked against the catalogue before anything is written")
        }
    }

    func run() throws {
        try reportingErrors {
            let planValue = try PlanFiles.read(plan)
            let revisionID = RevisionWriter.revisionID(for: planValue)
            let baseSnapshot = try snapshot.map { path throws(SnapshotError) in try SnapshotFile.read(URL(fileURLWithPath: path)) }
            var live: CatalogueSnapshot?
            if execute || database.db != nil {
                live = try SnapshotTaker.take(from: try database.connectionString(), takenAt: Clock.now())
            }
            if let live, live.alembicVersions.contains(revisionID) {
                // A retried deployment job: the revision (ours, or the same one run by Alembic) is applied.
                Terminal.out("Already applied: alembic_version of \(live.source.display) holds the plan's revision \(revisionID); nothing was changed.")
                return
            }
            guard let current = live ?? baseSnapshot else { throw ApplyError(.stale, "nothing to check the plan against") }
            try PlanVerifier.verify(planValue, against: current, base: live == nil ? nil : baseSnapshot, planFile: plan)

            let projectURL = URL(fileURLWithPath: project)
            let alembic = try AlembicProject(root: projectURL)
            let core = CoreMigrations.find(
                explicit: coreMigrations.map { URL(fileURLWithPath: $0) }, project: projectURL,
                environment: ProcessInfo.processInfo.environment)
            let graph = try RevisionGraph(locations: alembic.versionLocations + (core.map { [$0] } ?? []))
            let downRevision: String?
            if let existing = graph.revisions[revisionID] {
                // Written before (the first step of a two-step deployment): its file says what it revises.
                guard existing.downRevisions.count <= 1 else {
                    throw ApplyError(.invalidProject, "\(existing.file.path) revises several revisions; apply it with Alembic")
                }
                downRevision = existing.downRevisions.first
                Terminal.out("Revision \(revisionID) is already present: \(existing.file.path)")
            } else {
                let schemaHead = try dependsOn ?? graph.head(ofBranch: "schema")?.id ?? current.alembicVersions.first
                let writer = RevisionWriter(project: alembic, graph: graph)
                let revision = try writer.revision(for: planValue, schemaHead: schemaHead, createdAt: Clock.now())
                if core == nil && dependsOn == nil && graph.revisions.isEmpty {
                    Terminal.note("note: orchestrator-core's migrations (the schema branch) are not visible; the schema head \(schemaHead ?? "?") comes from the catalogue's alembic_version")
                }
                try writer.write(revision)
                let revises = revision.downRevision.map { "revises \($0)" } ?? "starts the data branch, depends on \(revision.dependsOn ?? "?")"
                Terminal.out("Wrote \(revision.file.path) (revision \(revision.id), \(revises))")
                downRevision = revision.downRevision
            }
            guard execute else { return }
            let connection = try PostgresConnection.connect(try database.connectionString())
            switch try PlanExecutor(connection: connection).execute(planValue, revision: revisionID, downRevision: downRevision, planFile: plan) {
            case .executed(let statements, let previous):
                Terminal.out("Executed \(statements) statements in one transaction on \(connection.database); alembic_version: \(previous ?? "(new row)") → \(revisionID)")
            case .alreadyApplied:
                Terminal.out("Already applied: alembic_version of \(connection.database) holds the plan's revision \(revisionID); nothing was changed.")
            }
        }
    }
}
