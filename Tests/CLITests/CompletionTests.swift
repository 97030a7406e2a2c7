import Foundation
import TestSupport
import Testing

/// `--show-completion` / `--install-completion`, and the installed bash script completing in a real bash.
@Suite struct CompletionTests {
    /// Runs bash with HOME's .bashrc loaded (as an interactive shell would) and asks the function `complete`
    /// registered for the command to complete `words` (the last one being completed), as TAB does.
    func complete(_ words: [String], home: URL, bin: URL) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script = """
            source "$HOME/.bashrc"
            function=$(complete -p orchestrator-planner | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')
            COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            "$function" orchestrator-planner "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Command.run(
            "bash", arguments: ["-c", script],
            environment: ["HOME": home.path, "PATH": bin.path + ":/usr/bin:/bin"])
        guard result.status == 0 else { throw TestFailure(result.stderr) }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theInstalledBashScriptCompletesCommandsAndOptionValues() throws {
        let home = try TemporaryFolder()
        defer { home.remove() }
        let bin = home.file("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: bin.appendingPathComponent("orchestrator-planner"), withDestinationURL: PlannerBinary.executable)
        let installed = try PlannerBinary.run(["--install-completion", "bash"], environment: ["HOME": home.url.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains(home.file(".bash_completions/orchestrator-planner.sh").path + ": written"))
        #expect(installed.stdout.contains(home.file(".bashrc").path + ": added"))
        let again = try PlannerBinary.run(["--install-completion", "bash"], environment: ["HOME": home.url.path])
        #expect(again.stdout.contains(".bashrc: unchanged"), "idempotent")
        let rc = try String(contentsOf: home.file(".bashrc"), encoding: .utf8)
        #expect(rc.components(separatedBy: "orchestrator-planner.sh").count == 2, "one source line: \(rc)")

        #expect(
            try complete(["orchestrator-planner", "db", "mi"], home: home.url, bin: bin)
                == ["migrate-domain-models", "migrate-workflows", "migrate-tasks"])
        #expect(
            try complete(["orchestrator-planner", "plan", "show", "--format", ""], home: home.url, bin: bin)
                == ["text", "markdown", "json"])
    }

    @Test func showCompletionFollowsShellAndRefusesPowerShell() throws {
        let zsh = try PlannerBinary.run(["--show-completion"], environment: ["SHELL": "/usr/bin/zsh"])
        #expect(zsh.status == 0)
        #expect(zsh.stdout.hasPrefix("#compdef orchestrator-planner"))
        let fish = try PlannerBinary.run(["--show-completion", "fish"])
        #expect(
            fish.stdout.contains("complete -c 'orchestrator-planner'")
                || fish.stdout.contains("complete -c orchestrator-planner"))
        let powershell = try PlannerBinary.run(["--show-completion", "powershell"])
        #expect(powershell.status == 64)
        #expect(powershell.stderr.contains("PowerShell completion is not generated"))
    }
}
