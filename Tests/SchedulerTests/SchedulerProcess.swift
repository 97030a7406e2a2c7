import Foundation
import TestSupport
import Testing

/// A `scheduler run` of the built binary in the background, its stdout (the run log) in a file.
final class SchedulerProcess {
    let process = Process()
    let log: URL

    init(_ arguments: [String], in folder: TemporaryFolder, environment extra: [String: String] = [:]) throws {
        log = folder.file("run-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = PlannerBinary.executable
        process.arguments = ["scheduler", "run"] + arguments
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URI")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var lines: [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Waits (up to `timeout` seconds) until the log has a line for which `condition` holds.
    @discardableResult
    func waitFor(_ timeout: TimeInterval = 60, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = lines.first(where: condition) { return line }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestFailure("no such log line within \(timeout) s; the log:\n\(lines.joined(separator: "\n"))")
    }

    /// Sends `signal` and waits for the exit; the exit status.
    func stop(_ signal: Int32) -> Int32 {
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

/// Runs the binary in `folder` with `arguments`.
func planner(
    _ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:]
) throws
    -> Command.Result
{
    try PlannerBinary.run(arguments, environment: environment, in: folder.url)
}

/// A plan of the example models against the example snapshot, written to `path` (as the README makes it).
func makeExamplePlan(_ path: URL) throws {
    let result = try PlannerBinary.run([
        "plan", "add partner users, e-mail and preferences", "--snapshot",
        Repository.fixture("example/catalogue.sqlite").path, "--models", Repository.fixture("example/models").path,
        "--inputs", "@" + Repository.fixture("example/inputs.json").path, "--no-input", "--out", path.path,
    ])
    guard result.status == 0 else { throw TestFailure("plan failed: \(result.stderr)") }
}
