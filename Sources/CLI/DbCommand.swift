import Apply
import ArgumentParser
import Foundation

/// `orchestrator-planner db ...`: orchestrator-core's Alembic wrappers, working on the files alone.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Alembic revision commands on the project's migration files (no database needed).",
        subcommands: [DbInit.self, DbRevision.self, DbHeads.self, DbHistory.self, DbMerge.self, DbMigrateDomainModels.self]
    )
}

/// `--project` and `--core-migrations`, shared by the db commands.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder holding alembic.ini (default: the current folder).", valueName: "dir"))
    var project: String = "."

    @Option(help: ArgumentHelp("orchestrator-core's migrations/versions/schema folder (default: found in the project's virtualenv).", valueName: "dir"))
    var coreMigrations: String?

    var root: URL { URL(fileURLWithPath: project) }

    /// The project and the revisions of its version locations plus orchestrator-core's schema branch.
    func load() throws(ApplyError) -> (AlembicProject, RevisionGraph, coreVisible: Bool) {
        let project = try AlembicProject(root: root)
        let core = CoreMigrations.find(
            explicit: coreMigrations.map { URL(fileURLWithPath: $0) }, project: root,
            environment: ProcessInfo.processInfo.environment)
        let graph = try RevisionGraph(locations: project.versionLocations + (core.map { [$0] } ?? []))
        let visible = core != nil || graph.revisions.values.contains { $0.branchLabels.contains("schema") }
        return (project, graph, visible)
    }
}

struct DbInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create alembic.ini and the migrations folder.")
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try reportingErrors {
            for line in try ProjectLayout.create(in: options.root) { Terminal.note(line) }
        }
    }
}

struct DbHeads: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "heads", abstract: "Show the heads (Alembic's format).")
    @OptionGroup var options: ProjectOptions

    func run() throws {
        try reportingErrors {
            let (_, graph, coreVisible) = try options.load()
            for line in AlembicListing(graph: graph).heads() { Terminal.out(line) }
            if !coreVisible {
                Terminal.note("note: orchestrator-core's migrations (the schema branch) are not visible; install orchestrator-core in the project's virtualenv or pass --core-migrations")
            }
        }
    }
}

struct DbHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the revisions, newest first (Alembic's format).")
    @OptionGroup var options: ProjectOptions
    @Flag(name: .shortAndLong, help: "Verbose output.") var verbose = false

    func run() throws {
        try reportingErrors {
            let (_, graph, coreVisible) = try options.load()
            for line in AlembicListing(graph: graph).history(verbose: verbose) { Terminal.out(line) }
            if !coreVisible {
                Terminal.note("note: orchestrator-core's migrations (the schema branch) are not visible; install orchestrator-core in the project's virtualenv or pass --core-migrations")
            }
        }
    }
}

struct DbRevision: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Create an empty revision on the data branch (creating the data head first if missing).")
    @OptionGroup var options: ProjectOptions
    @Option(name: .shortAndLong, help: "The revision message.") var message: String
    @Option(help: ArgumentHelp("The head to revise.", valueName: "head")) var head: String = "data@head"
    @Option(help: ArgumentHelp("The schema head the data branch depends on, when it is created.", valueName: "revision")) var dependsOn: String?

    func run() throws {
        try reportingErrors {
            var (project, graph, _) = try options.load()
            let writer = RevisionWriter(project: project, graph: graph)
            if try graph.head(ofBranch: "data") == nil {
                // orchestrator-core's create_data_head_if_not_exists.
                guard let schemaHead = try dependsOn ?? graph.head(ofBranch: "schema")?.id else {
                    throw ApplyError(.invalidProject, "there is no data branch yet and the schema head is unknown: pass --depends-on REVISION or --core-migrations")
                }
                let dataHead = try writer.emptyRevision(id: RevisionWriter.randomID(), message: "Create data head", down: [], labels: ["data"], dependsOn: schemaHead, createdAt: Clock.now())
                try writer.write(dataHead)
                Terminal.out("Generating \(dataHead.file.path) ...  done")
                (project, graph, _) = try options.load()
            }
            let parent: String
            if head.hasSuffix("@head") {
                guard let branchHead = try graph.head(ofBranch: String(head.dropLast(5))) else {
                    throw ApplyError(.invalidProject, "no branch '\(head.dropLast(5))'")
                }
                parent = branchHead.id
            } else {
                guard graph.revisions[head] != nil else { throw ApplyError(.invalidProject, "no revision '\(head)'") }
                parent = head
            }
            let revision = try RevisionWriter(project: project, graph: graph).emptyRevision(
                id: RevisionWriter.randomID(), message: message, down: [parent], labels: nil, dependsOn: nil, createdAt: Clock.now())
            try writer.write(revision)
            Terminal.out("Generating \(revision.file.path) ...  done")
        }
    }
}

struct DbMerge: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge revisions into one new revision.")
    @OptionGroup var options: ProjectOptions
    @Argument(help: "The revisions to merge.") var revisions: [String]
    @Option(name: .shortAndLong, help: "The revision message.") var message: String?

    func validate() throws {
        if revisions.count < 2 { throw ValidationError("give at least two revisions to merge") }
    }

    func run() throws {
        try reportingErrors {
            let (project, graph, _) = try options.load()
            for revision in revisions where graph.revisions[revision] == nil {
                throw ApplyError(.invalidProject, "no revision '\(revision)'")
            }
            let writer = RevisionWriter(project: project, graph: graph)
            let merge = try writer.emptyRevision(
                id: RevisionWriter.randomID(), message: message ?? "merge", down: revisions, labels: nil, dependsOn: nil, createdAt: Clock.now())
            try writer.write(merge)
            Terminal.out("Generating \(merge.file.path) ...  done")
        }
    }
}
