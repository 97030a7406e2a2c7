import Foundation

/// A file `generate` writes: its path relative to the project folder and its content; `append` adds the content to
/// an existing file (orchestrator-core's `append` action: the workflow registrations, the registry).
public struct GeneratedFile: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case write
        case append
    }

    public var path: String
    public var content: String
    public var mode: Mode

    public init(path: String, content: String, mode: Mode = .write) {
        self.path = path
        self.content = content
        self.mode = mode
    }
}

/// Writes generated files under a project folder the way orchestrator-core's generator does: a dry run prints each
/// file as `# <path>` and its content and writes nothing at all (no `__init__.py` either); without `force` an
/// existing file is kept with the warning; parent folders are created, with an `__init__.py` in every package folder.
public struct GeneratedFileWriter {
    public let project: URL
    public let dryRun: Bool
    public let force: Bool

    public init(project: URL, dryRun: Bool, force: Bool) {
        self.project = project
        self.dryRun = dryRun
        self.force = force
    }

    /// What happened to one file, for the command to print.
    public enum Outcome: Sendable, Equatable {
        case printed(String)
        case written(String)
        case appended(String)
        case kept(String)
    }

    /// `packages`: folders (relative) that must be Python packages (get an `__init__.py` when written).
    public func write(_ files: [GeneratedFile], packages: [String]) throws(GenerateError) -> [Outcome] {
        var outcomes: [Outcome] = []
        if dryRun {
            return files.map { .printed("# \($0.path)\n\($0.content)") }
        }
        let targets = Set(files.map(\.path))
        for package in packages where !targets.contains(package + "/__init__.py") {
            let folder = project.appendingPathComponent(package)
            try makeFolder(folder)
            let initFile = folder.appendingPathComponent("__init__.py")
            if !FileManager.default.fileExists(atPath: initFile.path) {
                try store(Data(), at: initFile)
            }
        }
        for file in files {
            let url = project.appendingPathComponent(file.path)
            let exists = FileManager.default.fileExists(atPath: url.path)
            if exists && !force {
                outcomes.append(.kept(file.path))
                continue
            }
            try makeFolder(url.deletingLastPathComponent())
            switch file.mode {
            case .append where exists:
                let current = FileManager.default.contents(atPath: url.path) ?? Data()
                var text = String(decoding: current, as: UTF8.self)
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                try store(Data((text + file.content).utf8), at: url)
                outcomes.append(.appended(file.path))
            default:
                try store(Data(file.content.utf8), at: url)
                outcomes.append(.written(file.path))
            }
        }
        return outcomes
    }

    private func makeFolder(_ folder: URL) throws(GenerateError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GenerateError(.file, "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
    }

    private func store(_ data: Data, at url: URL) throws(GenerateError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw GenerateError(.file, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
