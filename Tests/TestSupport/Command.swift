import Foundation

/// Runs programs: the built `orchestrator-planner` binary, psql, sqlite3.
public enum Command {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `program` (a path, or a name looked up on PATH) and waits for it.
    public static func run(
        _ program: String, arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil
    ) throws -> Result {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Files, not pipes: a chatty child cannot fill a pipe buffer and deadlock the wait.
        let outURL = folder.url.appendingPathComponent("stdout")
        let errURL = folder.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// The built `orchestrator-planner` executable, next to the test bundle in the build folder.
public enum PlannerBinary {
    public static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("orchestrator-planner")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("orchestrator-planner")
    }

    /// Runs the binary with `arguments`; the environment is this process's minus `DATABASE_URI` and the
    /// libpq variables, plus `extraEnvironment`.
    public static func run(
        _ arguments: [String], environment extraEnvironment: [String: String] = [:], in folder: URL? = nil
    ) throws -> Command.Result {
        var environment = ProcessInfo.processInfo.environment
        for key in ["DATABASE_URI", "PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSFILE"] {
            environment.removeValue(forKey: key)
        }
        environment.merge(extraEnvironment) { _, new in new }
        return try Command.run(
            executable.path, arguments: arguments, environment: environment, currentDirectory: folder)
    }
}

/// A temporary folder, removed by `remove()`.
public struct TemporaryFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("planner-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The names of the files in the folder (hidden ones too).
    public func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's root folder (for fixtures).
public enum Repository {
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    public static func fixture(_ path: String) -> URL {
        root.appendingPathComponent("fixtures").appendingPathComponent(path)
    }
}
