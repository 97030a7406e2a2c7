import ArgumentParser
import Foundation
import Planner

/// `--github-summary`: the plan as Markdown appended to the job summary file GitHub Actions names in
/// `$GITHUB_STEP_SUMMARY` (appended, as every step of a job adds to the same file).
enum GitHubSummary {
    static func append(_ plan: Plan, file: String) throws {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else {
            Terminal.note(
                "note: --github-summary: GITHUB_STEP_SUMMARY is not set (not a GitHub Actions job); nothing appended")
            return
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Terminal.error("--github-summary: cannot open \(path) (GITHUB_STEP_SUMMARY) for appending")
            throw ExitCode(ExitCodes.summaryNotWritten)
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((PlanMarkdown.render(plan, file: file) + "\n").utf8))
        } catch {
            Terminal.error(
                "--github-summary: cannot append to \(path) (GITHUB_STEP_SUMMARY): \(error.localizedDescription)")
            throw ExitCode(ExitCodes.summaryNotWritten)
        }
    }
}
