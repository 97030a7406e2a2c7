import Alembic
import ArgumentParser

/// `db merge REV... -m MSG`: one revision that revises several.
struct DbMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge revisions into one new revision.")
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
                throw AlembicError(.unknownRevision, "no revision '\(revision)'")
            }
            let writer = RevisionWriter(project: project, graph: graph)
            let merge = try writer.prepare(
                RevisionTemplate.Content(
                    id: RevisionWriter.randomID(), message: message ?? "merge", down: revisions, labels: nil,
                    dependsOn: nil, date: Clock.now()))
            try writer.write(merge)
            Terminal.out("Generating \(merge.file.path) ...  done")
        }
    }
}
