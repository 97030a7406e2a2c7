import ArgumentParser
import DomainModels
import Foundation
import Generate

/// What the `generate` commands share (orchestrator-core's options and defaults: a dry run unless --no-dryrun).
struct GenerateOptions: ParsableArguments {
    @Option(
        name: [.customLong("config-file"), .customLong("cf", withSingleDash: true)],
        help: ArgumentHelp("The product's YAML config.", valueName: "path"))
    var configFile: String

    @Flag(
        inversion: .prefixedNo, help: "Print the files instead of writing them (the default, as in orchestrator-core).")
    var dryrun = true

    @Flag(name: [.customLong("force"), .customShort("f")], help: "Overwrite (or append to) existing files.")
    var force = false

    @Option(
        name: [.customLong("python-version"), .customShort("p")],
        help: ArgumentHelp(
            "Accepted for orchestrator-core's command line; the code is for Python 3.11+.", valueName: "version"))
    var pythonVersion = "3.11"

    var project: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Writes (or prints) the files and tells what happened to each.
    func write(_ files: [GeneratedFile], packages: [String], notes: [String] = []) throws {
        for note in notes { Terminal.note("note: \(note)") }
        let writer = GeneratedFileWriter(project: project, dryRun: dryrun, force: force)
        for outcome in try writer.write(files, packages: packages) {
            switch outcome {
            case .printed(let text): Terminal.out(text)
            case .written(let path): Terminal.out("write file successful: \(path)")
            case .appended(let path): Terminal.out("append file successful: \(path)")
            case .kept(let path): Terminal.note("warning: \(path): file already exists, rerun with --force")
            }
        }
    }

    /// The file's text, or nil when it does not exist.
    func existing(_ path: String) -> String? {
        FileManager.default.contents(atPath: project.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}

/// `--folder-prefix/-fp`.
struct FolderPrefixOption: ParsableArguments {
    @Option(
        name: [.customLong("folder-prefix"), .customLong("fp", withSingleDash: true)],
        help: ArgumentHelp(
            "The folder that holds products/ and workflows/ (and prefixes their modules).", valueName: "dir"))
    var folderPrefix = ""
}
