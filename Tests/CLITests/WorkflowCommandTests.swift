import Foundation
import TestSupport
import Testing

/// `db migrate-workflows|migrate-tasks` menus driven through stdin, and `plan workflows|tasks` with `--choices`,
/// `--no-input` and `--check`, against the example snapshot (no database).
@Suite struct WorkflowCommandTests {
    static let snapshot = Repository.fixture("example/catalogue.sqlite").path
    static let code = Repository.fixture("workflows/example").path

    func run(_ arguments: [String], stdin: URL) throws -> Command.Result {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Command.run(
            "sh", arguments: ["-c", "\(PlannerBinary.executable.path) \(quoted) < '\(stdin.path)'"],
            environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
    }

    @Test(arguments: ["workflows", "tasks"])
    func everyMenuPrintsOrchestratorCoresTexts(_ kind: String) throws {
        let result = try run(
            ["db", "migrate-\(kind)", "m", "--test", "--snapshot", Self.snapshot, "--code", Self.code],
            stdin: Repository.fixture("workflows/menus-\(kind).stdin"))
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(contentsOf: Repository.fixture("workflows/menus-\(kind).stdout"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func quitAndEndOfInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Cancel the product type menu, decline the dangling deletion, cancel the delete prompt, quit.
        try Data("a\nq\nc\nn\nx\nq\nq\n".utf8).write(to: folder.file("quit"))
        let quit = try run(
            [
                "db", "migrate-workflows", "m", "--snapshot", Self.snapshot, "--code", Self.code, "--project",
                folder.url.path,
            ],
            stdin: folder.file("quit"))
        #expect(quit.status == 0, "\(quit.stderr)")
        #expect(quit.stdout.hasSuffix("? Nothing to do\n"), "\(quit.stdout)")
        #expect(quit.stdout.contains("[y/n]: Cancelling\n"))
        #expect(quit.stdout.contains("Which workflow do you want to delete? (q to cancel) \nWhat do you want to do?"))
        #expect(quit.stdout.contains("2) UserGroup\nq) cancel\n? \nWhat do you want to do?"))
        try Data("a\n".utf8).write(to: folder.file("short"))
        let ended = try run(
            [
                "plan", "workflows", "m", "--snapshot", Self.snapshot, "--code", Self.code, "--out",
                folder.file("p.yaml").path,
            ],
            stdin: folder.file("short"))
        #expect(ended.status == 3)
        #expect(
            ended.stderr.contains("the input ended (end of file on stdin) before y (finish) or q (quit) was chosen"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("p.yaml").path))
    }

    @Test func choicesMakeAPlanThatShowsAndVerifiesItsDigest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plan = folder.file("plan.yaml").path
        let result = try PlannerBinary.run([
            "plan", "workflows", "add partners", "--snapshot", Self.snapshot, "--code", Self.code, "--out", plan,
            "--choices",
            #"{"add": [{"name": "create_user_partner", "product_type": "User", "description": "Create partner"}, {"name": "create_user", "product_type": "UserGroup"}], "delete_dangling": true}"#,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Plan: 1 to add, 1 to change, 1 to remove."))
        #expect(result.stdout.contains("+ workflow \"create_user_partner\""))
        #expect(result.stdout.contains("~ workflow \"create_user\"\n    + linked to the UserGroup products"))
        #expect(result.stdout.contains("- workflow \"terminate_user_group\""))
        for format in ["text", "markdown", "json"] {
            let shown = try PlannerBinary.run(["plan", "show", plan, "--format", format])
            #expect(shown.status == 0, "\(format): \(shown.stderr)")
            #expect(shown.stdout.contains("create_user_partner"), "\(format)")
        }
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Create partner", with: "Edited").utf8).write(
            to: URL(fileURLWithPath: plan))
        #expect(try PlannerBinary.run(["plan", "show", plan]).status == 52, "an edited workflow plan is refused")
    }

    @Test func noInputListsWhatCanBeChosenAndCheckGatesCI() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let listed = try PlannerBinary.run([
            "plan", "tasks", "m", "--snapshot", Self.snapshot, "--code", Self.code, "--no-input", "--out",
            folder.file("p.yaml").path,
        ])
        #expect(listed.status == 3)
        #expect(listed.stderr.contains(#""name": "task_nightly_sync""#))
        #expect(listed.stderr.contains(#""name": "validate_user""#))
        let check = try PlannerBinary.run([
            "plan", "workflows", "--check", "--snapshot", Self.snapshot, "--code", Self.code,
        ])
        #expect(check.status == 1)
        #expect(check.stdout.contains("  + create_user_partner (registered, not in the catalogue)"))
        #expect(check.stdout.contains("  - terminate_user_group (in the catalogue, not registered)"))
        let nothing = try PlannerBinary.run([
            "plan", "workflows", "m", "--snapshot", Self.snapshot, "--code", Self.code, "--choices", "{}", "--out",
            folder.file("p.yaml").path,
        ])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("Nothing to do"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("p.yaml").path))
        let unknown = try PlannerBinary.run([
            "plan", "workflows", "m", "--snapshot", Self.snapshot, "--code", Self.code, "--choices",
            #"{"add": [{"name": "create_user_partner", "product_type": "Nope", "description": "d"}]}"#,
        ])
        #expect(unknown.status == 55)
        #expect(
            unknown.stderr.contains("product type \"Nope\" is not in the snapshot (product types: User, UserGroup)"))
        // Any other word after `plan` is still plan create's message.
        let plainMessage = try PlannerBinary.run([
            "plan", "workflow", "--snapshot", Self.snapshot, "--models", Repository.fixture("example/models").path,
            "--check",
        ])
        #expect(plainMessage.status == 1, "\(plainMessage.stderr)")
        #expect(plainMessage.stdout.contains("The catalogue needs a migration."))
    }
}
