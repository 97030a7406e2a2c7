import Foundation
import TestSupport
import Testing

/// `plan` as users and deployment jobs run it.
@Suite struct PlanCommandTests {
    static let snapshot = Repository.fixture("example/catalogue.sqlite").path
    static let models = Repository.fixture("example/models").path
    static let inputs = "@" + Repository.fixture("example/inputs.json").path

    func plan(
        _ extra: [String], in folder: TemporaryFolder, environment: [String: String] = [:]
    ) throws -> Command.Result {
        try PlannerBinary.run(
            [
                "plan", "add partner users", "--snapshot", Self.snapshot, "--models", Self.models, "--out",
                folder.file("plan.yaml").path,
            ] + extra,
            environment: environment)
    }

    @Test func theMainJobWritesAPlanAndShowsIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try plan(
            ["--inputs", Self.inputs, "--no-input"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1780000000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Plan: 5 to add, 1 to change, 0 to remove.\n"))
        #expect(result.stdout.contains("\n+ product \"User partner\"\n"))
        #expect(
            result.stdout.contains("Wrote \(folder.file("plan.yaml").path): 15 upgrade and 18 downgrade statements."))
        let first = try Data(contentsOf: folder.file("plan.yaml"))
        _ = try plan(
            ["--inputs", Self.inputs, "--no-input"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1780000000"])
        #expect(try Data(contentsOf: folder.file("plan.yaml")) == first, "same inputs, byte-identical plan")

        for format in ["text", "markdown", "json"] {
            let shown = try PlannerBinary.run(["plan", "show", folder.file("plan.yaml").path, "--format", format])
            #expect(shown.status == 0, "\(format): \(shown.stderr)")
            #expect(shown.stdout.contains("User partner"), "\(format)")
        }
        let markdown = try PlannerBinary.run(["plan", "show", folder.file("plan.yaml").path, "--format", "markdown"])
        #expect(markdown.stdout.contains("<details><summary>Upgrade SQL (15 statements)</summary>"))
        #expect(markdown.stdout.contains("**Plan: 5 to add, 1 to change, 0 to remove.**"))
    }

    @Test func noInputListsTheQuestionsWithTheJSONThatAnswersThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try plan(["--no-input"], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("Supply the product description:"))
        #expect(
            result.stderr.contains(
                "\"User partner\":{\"affiliation\":\"<value: one of external, internal, partner>\",\"description\":\"<description>\",\"tag\":\"<tag>\"}"
            ))
        #expect(result.stderr.contains("--inputs '{"))
        #expect(folder.contents().isEmpty, "no plan written")
    }

    @Test func checkExitsOneWhenAMigrationIsNeededAndZeroWhenNot() throws {
        let needed = try PlannerBinary.run(["plan", "--check", "--snapshot", Self.snapshot, "--models", Self.models])
        #expect(needed.status == 1)
        #expect(needed.stdout.contains("The catalogue needs a migration.\nPlan: 5 to add, 1 to change, 0 to remove."))
        #expect(needed.stdout.contains("\n+ product \"User partner\"\n"))
        let inSync = try PlannerBinary.run([
            "plan", "--check", "--snapshot", Self.snapshot, "--models", Repository.fixture("models/example-v2").path,
        ])
        #expect(inSync.status == 0, "\(inSync.stdout) \(inSync.stderr)")
    }

    @Test func answersOfAnOlderPlanApplyAgain() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try plan(["--inputs", Self.inputs, "--no-input"], in: folder).status == 0)
        let again = try PlannerBinary.run([
            "plan", "again", "--snapshot", Self.snapshot, "--models", Self.models, "--answers",
            folder.file("plan.yaml").path,
            "--no-input", "--out", folder.file("second.yaml").path,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let first = try String(contentsOf: folder.file("plan.yaml"), encoding: .utf8)
        let second = try String(contentsOf: folder.file("second.yaml"), encoding: .utf8)
        let sql = { (text: String) in text.components(separatedBy: "\nupgrade:").last ?? "" }
        #expect(
            sql(first).components(separatedBy: "\nsection_digests").first
                == sql(second).components(separatedBy: "\nsection_digests").first)
    }

    @Test func badAnswersAreClearErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let badJSON = try plan(["--inputs", "{\"a\": 1,\n \"b\": }", "--no-input"], in: folder)
        #expect(badJSON.status == 50)
        #expect(badJSON.stderr.contains("--inputs is not valid JSON: line 2"), "\(badJSON.stderr)")
        let unknown = try plan(
            [
                "--inputs", Self.inputs, "--updates", #"{"fixed_inputs": {"No such product": {"a": "b"}}}"#,
                "--no-input",
            ], in: folder)
        #expect(unknown.status == 50)
        #expect(unknown.stderr.contains("'No such product'"))
        let nul = try plan(
            [
                "--inputs",
                #"{"User partner": {"description": "a\u0000b", "tag": "T", "affiliation": "p"}, "email": {"description": "e", "value": "v"}, "UserPreferencesBlock": {"description": "d", "tag": "t"}, "language": {"description": "l", "value": "en"}, "theme": {"description": "t", "value": "x"}}"#,
                "--no-input",
            ], in: folder)
        #expect(nul.status == 51)
        #expect(nul.stderr.contains("NUL"))
        #expect(folder.contents().isEmpty)
    }

    @Test func destructiveChangesNeedAllowDestructiveWithoutInput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The example-v2 models without "User external": copy and edit the registry.
        let models = folder.file("models")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("models/example-v2").path, models.path])
        let registry = models.appendingPathComponent("products/__init__.py")
        let text = try String(contentsOf: registry, encoding: .utf8).replacingOccurrences(
            of: "\"User external\": User,", with: "")
        try Data(text.utf8).write(to: registry)
        let refused = try PlannerBinary.run([
            "plan", "drop external", "--snapshot", Self.snapshot, "--models", models.path, "--no-input", "--out",
            folder.file("p.yaml").path,
        ])
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("deletes product 'User external' and 60 subscriptions of it"))
        let accepted = try PlannerBinary.run([
            "plan", "drop external", "--snapshot", Self.snapshot, "--models", models.path, "--no-input",
            "--allow-destructive", "--out", folder.file("p.yaml").path,
        ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test func theTerminalAsksWithOrchestratorCoresPrompts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let answers = [
            "y", "User partner product", "USER", "partner", "User preferences", "UP", "E-mail", "Language", "Theme",
            "x@example.org", "en", "dark", "",
        ]
        try Data(answers.joined(separator: "\n").utf8).write(to: folder.file("answers.txt"))
        let binary = PlannerBinary.executable.path
        let command =
            "\(binary) plan 'add partner users' --snapshot \(Self.snapshot) --models \(Self.models) --out \(folder.file("plan.yaml").path) < \(folder.file("answers.txt").path)"
        let result = try Command.run("sh", arguments: ["-c", command])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        for prompt in [
            "\nCreate new products\nProduct: User User partner\nSupply the product description: Supply the product tag: ",
            "Supply fixed input value for product User partner and fixed input affiliation: ",
            "Product block: UserPreferencesBlock\nSupply the product block description: ",
            "Supply description for new resource type email: ",
            "Supply default subscription instance value for resource type email and product block UserBlock: ",
        ] {
            #expect(result.stdout.contains(prompt), "missing prompt: \(prompt)")
        }
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        let plan = try String(contentsOf: folder.file("plan.yaml"), encoding: .utf8)
        #expect(plan.contains("\"UserBlock\": \"x@example.org\"") || plan.contains("UserBlock: \"x@example.org\""))
    }

    @Test func logLinesInTheSeedsFormatOrJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = try plan(["--inputs", Self.inputs, "--no-input", "--log-format", "text"], in: folder)
        #expect(text.status == 0)
        #expect(
            text.stderr.contains(
                "[info] create_products                   [orchestrator.cli.migrate_domain_models] create_products={'User partner': <class 'User'>}"
            ))
        #expect(text.stderr.contains("create_blocks={'UserPreferencesBlock': <class 'UserPreferencesBlock'>}"))
        let json = try plan(["--inputs", Self.inputs, "--no-input", "--log-format", "json"], in: folder)
        let lines = json.stderr.split(separator: "\n")
        #expect(lines.count == 19)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["event"] as? String == "create_products")
        #expect(first?["create_products"] as? [String] == ["User partner"])
        let quiet = try plan(["--inputs", Self.inputs, "--no-input"], in: folder)
        #expect(quiet.stderr.isEmpty, "no log lines unless asked: \(quiet.stderr)")
    }
}
