import Catalogue
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `on-failure:` a shell command run when a job finds a problem or fails, with a JSON summary on its stdin.
///
/// It runs through `/bin/sh -c` in the schedule file's folder, with this process's environment (the shell expands
/// `${VAR}` itself); its output goes to stderr, so stdout stays the run log. A command still running after the
/// timeout is terminated.
public struct FailureHook {
    public var command: String
    public var folder: URL
    public var timeout: TimeInterval

    public init(command: String, folder: URL, timeout: TimeInterval = 300) {
        self.command = command
        self.folder = folder
        self.timeout = timeout
    }

    /// The summary the command gets: what ran, when, what it found. No setting of the job (so no secret).
    public static func summary(job: ScheduledJob, run: JobRun, outcome: JobOutcome, scheduleFile: String) -> JSONValue {
        .object([
            ("job", .string(job.name)),
            ("id", .string(job.id)),
            ("action", .string(job.action.kind)),
            ("trigger", .string(job.trigger.written)),
            ("result", .string(run.result.rawValue)),
            ("message", .string(run.message)),
            ("details", .array(outcome.details.map(JSONValue.string))),
            ("started_at", .string(RunLog.timestamp(run.startedAt))),
            ("finished_at", .string(RunLog.timestamp(run.finishedAt))),
            ("forced", .bool(run.forced)),
            ("schedule_file", .string(scheduleFile)),
        ])
    }

    /// Runs the command with `input` on stdin; its exit status, or nil when it could not start or timed out.
    public func run(input: String) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.standardError
        process.standardError = FileHandle.standardError
        // A command that exits without reading its stdin must not kill this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return nil }
        // Written from another thread: a command that never reads cannot block the scheduler past the timeout.
        let writer = stdin.fileHandleForWriting
        let data = Data(input.utf8)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard !process.isRunning else {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
