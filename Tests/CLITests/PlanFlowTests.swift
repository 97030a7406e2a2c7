import Foundation
import TestSupport
import Testing

/// The user's path through `plan`: answers checked when given, the changes shown and confirmed before the first
/// value is asked for, answers saved when the user stops, edited plans and answer templates passed back.
@Suite struct PlanFlowTests {
    static let snapshot = Repository.fixture("example/catalogue.sqlite").path
    static let models = Repository.fixture("example/models").path
    static let inputs = "@" + Repository.fixture("example/inputs.json").path

    /// Runs `plan` with `stdin` as its standard input (a file, as a user's piped answers).
    func plan(
        stdin lines: [String], _ extra: [String] = [], in folder: TemporaryFolder, models: String = Self.models
    ) throws -> Command.Result {
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: folder.file("stdin.txt"))
        let arguments =
            [
                "plan", "add partner users", "--snapshot", Self.snapshot, "--models", models, "--out",
                folder.file("plan.yaml").path,
            ] + extra
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Command.run(
            "sh", arguments: ["-c", "\(PlannerBinary.executable.path) \(quoted) < \(folder.file("stdin.txt").path)"])
    }

    /// The example's answers, in prompt order, after the confirmation.
    static let answers = [
        "User partner product", "USER", "partner", "User preferences", "UP", "E-mail", "Language", "Theme",
        "x@example.org", "en", "dark",
    ]

    @Test func theChangesAreShownAndConfirmedBeforeTheFirstValueIsAskedFor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try plan(stdin: ["y"] + Self.answers, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let summary = try #require(out.range(of: "Plan: 5 to add, 1 to change, 0 to remove."))
        let change = try #require(out.range(of: "~ product block \"UserBlock\" (210 instances)"))
        let confirm = try #require(out.range(of: "Confirm the above actions [y/n]: "))
        let firstValue = try #require(out.range(of: "Supply the product description: "))
        #expect(summary.lowerBound < change.lowerBound)
        #expect(change.lowerBound < confirm.lowerBound)
        #expect(confirm.lowerBound < firstValue.lowerBound)
        #expect(out.contains("+ fixed input affiliation = (not answered yet)"), "values are asked after the review")
        #expect(FileManager.default.fileExists(atPath: folder.file("plan.yaml").path))
    }

    @Test func decliningWritesNoPlan() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try plan(stdin: ["n"], in: folder)
        #expect(result.status == 5)
        #expect(result.stderr.contains("error: stopped: no plan written"))
        #expect(!folder.contents().contains("plan.yaml"))
    }

    @Test func aRefusedAnswerIsAskedAgainAtThePrompt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let answers =
            [
                "y", "User partner product", "A TAG OF 21 CHARACTERS", "<tag>", "USER", "bogus", "partner",
            ] + Self.answers.dropFirst(3)
        let result = try plan(stdin: answers, in: folder)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Not accepted: it is 22 characters; the database allows 20. Try again."))
        #expect(result.stdout.contains("Not accepted: \"<tag>\" is the template's placeholder, not an answer."))
        #expect(
            result.stdout.contains(
                "Not accepted: \"bogus\" is not one of the enum's values (\"external\", \"internal\", \"partner\")"))
        let text = try String(contentsOf: folder.file("plan.yaml"), encoding: .utf8)
        #expect(text.contains("tag: \"USER\"") || text.contains("tag: USER"), "the accepted answer is planned")
    }

    @Test func givenAnswersAreCheckedNamingTheirKey() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (inputs, message) in [
            (
                #"{"User partner": {"description": "<description>", "tag": "USER", "affiliation": "partner"}}"#,
                #"the answer inputs["User partner"]["description"]: "<description>" is the template's placeholder"#
            ),
            (
                #"{"User partner": {"description": "d", "tag": "USER", "affiliation": "gold"}}"#,
                #"the answer inputs["User partner"]["affiliation"]: "gold" is not one of the enum's values"#
            ),
            (
                #"{"User partner": {"description": "d", "tag": "A TAG OF 21 CHARACTERS", "affiliation": "partner"}}"#,
                #"the answer inputs["User partner"]["tag"]: it is 22 characters; the database allows 20"#
            ),
        ] {
            let result = try PlannerBinary.run([
                "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--inputs", inputs, "--no-input",
                "--out", folder.file("plan.yaml").path,
            ])
            #expect(result.status == 51, "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(folder.contents().isEmpty)
    }

    @Test func theAnswersGivenBeforeTheInputEndedAreSavedAndResumeThePlan() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let stopped = try plan(stdin: ["y"] + Self.answers.prefix(4), in: folder)
        #expect(stopped.status == 3)
        #expect(
            stopped.stderr.contains(
                "error: the input ended (end of file on stdin) before every question was answered; 7 questions unanswered:"
            ))
        let saved = folder.file("plan.answers.json").path
        #expect(stopped.stderr.contains("Saved the answers given so far to \(saved); resume with --answers \(saved)"))
        let savedText = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(savedText.contains(#""description": "User preferences""#), "\(savedText)")

        let resumed = try plan(stdin: ["y"] + Self.answers.dropFirst(4), ["--answers", saved], in: folder)
        #expect(resumed.status == 0, "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(!resumed.stdout.contains("Supply the product description: "), "answered questions are not asked again")
        let plan = try String(contentsOf: folder.file("plan.yaml"), encoding: .utf8)
        #expect(plan.contains("User preferences") && plan.contains("x@example.org"))
    }

    /// Ctrl-C at a question saves what was typed before it (exit 130, as any interrupt) and resumes as above.
    @Test func theAnswersGivenBeforeCtrlCAreSaved() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.file("out.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let input = Pipe()
        let process = Process()
        process.executableURL = PlannerBinary.executable
        process.arguments = [
            "plan", "add partner users", "--snapshot", Self.snapshot, "--models", Self.models, "--out",
            folder.file("plan.yaml").path,
        ]
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // The pipe stays open: the plan waits at the fifth question, as a person at the terminal would.
        input.fileHandleForWriting.write(Data((["y"] + Self.answers.prefix(4)).map { $0 + "\n" }.joined().utf8))
        let deadline = Date().addingTimeInterval(30)
        func waiting() -> Bool {
            let shown = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return shown.hasSuffix("Supply the product block tag: ")
        }
        while !waiting() && process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(waiting(), "the plan did not reach the fifth question")
        process.interrupt()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        let saved = folder.file("plan.answers.json").path
        #expect(stderr.contains("Saved the answers given so far to \(saved); resume with --answers \(saved)"))
        let savedText = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(savedText.contains(#""description": "User preferences""#), "\(savedText)")
        #expect(savedText.contains(#""tag": "USER""#), "\(savedText)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan.yaml").path))
    }

    @Test func anEditedPlansAnswersArePlannedAgainAndPrintedAsInputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try PlannerBinary.run([
            "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--inputs", Self.inputs, "--no-input",
            "--out", folder.file("plan.yaml").path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let edited = try String(contentsOf: folder.file("plan.yaml"), encoding: .utf8).replacingOccurrences(
            of: "User partner product", with: "Partners of ours")
        try Data(edited.utf8).write(to: folder.file("edited.yaml"))
        #expect(try PlannerBinary.run(["plan", "show", folder.file("edited.yaml").path]).status == 52)

        let replanned = try PlannerBinary.run([
            "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--answers",
            folder.file("edited.yaml").path, "--no-input", "--out", folder.file("again.yaml").path,
        ])
        #expect(replanned.status == 0, "\(replanned.stderr)")
        let again = try String(contentsOf: folder.file("again.yaml"), encoding: .utf8)
        #expect(again.contains("'User partner', 'Partners of ours', 'User'"), "the edited answer is in the SQL")

        let inputs = try PlannerBinary.run(["plan", "answers", folder.file("edited.yaml").path])
        #expect(inputs.status == 0)
        #expect(inputs.stdout.hasPrefix("--inputs '{"))
        #expect(inputs.stdout.contains(#""User partner":{"affiliation":"partner","description":"Partners of ours""#))
        let json = try PlannerBinary.run(["plan", "answers", folder.file("edited.yaml").path, "--format", "json"])
        try Data(json.stdout.utf8).write(to: folder.file("answers.json"))
        let fromJSON = try PlannerBinary.run([
            "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--answers",
            folder.file("answers.json").path, "--no-input", "--out", folder.file("third.yaml").path,
        ])
        #expect(fromJSON.status == 0, "\(fromJSON.stderr)")
        let third = try String(contentsOf: folder.file("third.yaml"), encoding: .utf8)
        #expect(
            third.components(separatedBy: "\nupgrade:").last?.components(separatedBy: "\nsection_digests").first
                == again.components(separatedBy: "\nupgrade:").last?.components(separatedBy: "\nsection_digests").first)
    }

    @Test func theTemplateNamesEachQuestionsSubjectSuggestsRenamesAndListsEnumValues() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // example-v2 with the UserBlock resource type `username` renamed to `login`.
        let models = folder.file("models")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("models/example-v2").path, models.path])
        let block = models.appendingPathComponent("products/product_blocks/user.py")
        let text = try String(contentsOf: block, encoding: .utf8).replacingOccurrences(
            of: "    username:", with: "    login:")
        try Data(text.utf8).write(to: block)
        let template = folder.file("template.json").path
        let result = try PlannerBinary.run([
            "plan", "rename", "--snapshot", Self.snapshot, "--models", models.path, "--no-input", "--out",
            folder.file("plan.yaml").path, "--answer-template", template,
        ])
        #expect(result.status == 3)
        #expect(
            result.stderr.contains(
                "resource types renamed? (each removed one, in any block): Which resource type would you want to rename? (options: username) (likely: username → login"
            ), "\(result.stderr)")
        #expect(
            result.stderr.contains(#"--updates '{"block_resource_types":{},"resource_types":{"username":"login"}}'"#))
        let document = try String(contentsOfFile: template, encoding: .utf8)
        #expect(document.contains(#""about": "resource type \"login\", description""#), "\(document)")
        #expect(document.contains(#""answer": "inputs[\"login\"][\"description\"]""#))

        // Filled in and passed back: the rename is planned.
        try Data(
            document.replacingOccurrences(of: "<value>", with: "someone").replacingOccurrences(
                of: "<description>", with: "Login name"
            ).utf8
        ).write(to: URL(fileURLWithPath: template))
        let planned = try PlannerBinary.run([
            "plan", "rename", "--snapshot", Self.snapshot, "--models", models.path, "--no-input", "--out",
            folder.file("plan.yaml").path, "--answers", template,
        ])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("~ resource type \"username\" → \"login\" (210 values)"))

        let enumValues = try PlannerBinary.run([
            "plan", "p", "--snapshot", Self.snapshot, "--models", Self.models, "--no-input", "--out",
            folder.file("p.yaml").path,
        ])
        #expect(enumValues.stderr.contains(#""affiliation":"<value: one of external, internal, partner>""#))
        #expect(enumValues.stderr.contains("fixed input affiliation: Supply fixed input value"))
    }

    @Test func stdinAtEndOfFileSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try plan(stdin: [], in: folder)
        #expect(result.status == 3)
        #expect(
            result.stderr.contains("the input ended (end of file on stdin) before the changes were confirmed"),
            "\(result.stderr)")
    }
}
