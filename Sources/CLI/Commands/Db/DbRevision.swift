import Alembic
import ArgumentParser

/// `db revision -m MSG`: an empty revision on the data branch, creating the data head first if missing.
struct DbRevision: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "Create an empty revision on the data branch (creating the data head first if missing).")
    @OptionGroup var options: ProjectOptions
    @Option(name: .shortAndLong, help: "The revision message.") var message: String
    @Option(help: ArgumentHelp("The head to revise.", valueName: "head")) var head: String = "data@head"
    @Option(
        help: ArgumentHelp("The schema head the data branch depends on, when it is created.", valueName: "revision"))
    var dependsOn: String?

    func run() throws {
        try reportingErrors {
            var (project, graph, _) = try options.load()
            let schemaHead = try DataBranch.schemaHead(explicit: dependsOn, graph: graph, alembicVersions: [])
            if let dataHead = try DataBranch.dataHeadIfMissing(
                in: graph, writer: RevisionWriter(project: project, graph: graph), schemaHead: schemaHead,
                date: Clock.now())
            {
                try RevisionWriter(project: project, graph: graph).write(dataHead)
                Terminal.out("Generating \(dataHead.file.path) ...  done")
                (project, graph, _) = try options.load()
            }
            let parent: String
            if head.hasSuffix("@head") {
                guard let branchHead = try graph.head(ofBranch: String(head.dropLast(5))) else {
                    throw AlembicError(.unknownRevision, "no branch '\(head.dropLast(5))'")
                }
                parent = branchHead.id
            } else {
                guard graph.revisions[head] != nil else {
                    throw AlembicError(.unknownRevision, "no revision '\(head)'")
                }
                parent = head
            }
            let writer = RevisionWriter(project: project, graph: graph)
            let revision = try writer.prepare(
                RevisionTemplate.Content(
                    id: RevisionWriter.randomID(), message: message, down: [parent], labels: nil, dependsOn: nil,
                    date: Clock.now()))
            try writer.write(revision)
            Terminal.out("Generating \(revision.file.path) ...  done")
        }
    }
}
