import Apply
import ArgumentParser
import Foundation
import Planner
import Snapshot

/// `apply plan.yaml`: verify the plan, write its Alembic revision, and with `--execute` run it.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Verify a plan and write it as an Alembic revision (or run it with --execute).",
        discussion: """
            The plan's digest must match (no hand edits) and its base fingerprint must equal the catalogue it is \
            applied to: the --snapshot file's, or with --db (default $DATABASE_URI) the live one. A stale plan is \
            refused with what changed (when --snapshot is the snapshot the plan was made from and --db the live \
            database). Run again after it was applied, it says "Already applied" and changes nothing.
            """)

    @Argument(help: ArgumentHelp("The plan file.", valueName: "plan"))
    var plan: String

    @Option(
        help: ArgumentHelp(
            "A snapshot to check the plan against (with --db: the snapshot the plan was made from).", valueName: "file")
    )
    var snapshot: String?

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Run the plan against --db in one transaction and record the revision in alembic_version.")
    var execute = false

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?

    func validate() throws {
        if execute && !database.isGiven {
            throw ValidationError("--execute needs --db (or DATABASE_URI)")
        }
        if !execute && snapshot == nil && !database.isGiven {
            throw ValidationError(
                "give --snapshot or --db (or DATABASE_URI): the plan is checked against the catalogue before anything is written"
            )
        }
    }

    func run() throws {
        try reportingErrors {
            let planValue = try PlanFile.read(path: plan)
            // A live database is the catalogue whenever one is given (--db or DATABASE_URI); then --snapshot is the
            // plan's own snapshot, for listing what changed.
            let live = database.isGiven
            let catalogue: CatalogueSource =
                live ? .database(try database.connectionString()) : .file(URL(fileURLWithPath: snapshot ?? ""))
            let application = PlanApplication(
                plan: planValue, planFile: plan, project: project.root, coreMigrations: project.coreMigrationsURL,
                dependsOn: dependsOn, catalogue: catalogue,
                baseSnapshot: live ? snapshot.map { URL(fileURLWithPath: $0) } : nil,
                execute: execute, date: Clock.now(), environment: ProcessInfo.processInfo.environment)
            try application.run { step in Terminal.out(Self.describe(step)) }
        }
    }

    static func describe(_ step: PlanApplication.Step) -> String {
        switch step {
        case .alreadyApplied(let database, let revision):
            return
                "Already applied: alembic_version of \(database) holds the plan's revision \(revision); nothing was changed."
        case .nothingToDo:
            return "Nothing to do: the plan has no changes, so no revision was written and nothing was executed."
        case .schemaHeadFromCatalogue(let head):
            return
                "note: orchestrator-core's migrations (the schema branch) are not visible; the schema head \(head ?? "?") comes from the catalogue's alembic_version"
        case .revisionPresent(let file, let revision):
            return "Revision \(revision) is already present: \(file.path)"
        case .revisionWritten(let file, let revision, let down, let dependsOn):
            let revises = down.map { "revises \($0)" } ?? "starts the data branch, depends on \(dependsOn ?? "?")"
            return "Wrote \(file.path) (revision \(revision), \(revises))"
        case .executed(let statements, let database, let previous, let revision):
            return
                "Executed \(statements) statements in one transaction on \(database); alembic_version: \(previous ?? "(new row)") → \(revision)"
        }
    }
}
