import Foundation
import TestSupport
import Testing

/// What a reviewer and a CI job see: the summary, Markdown (golden file), JSON, the GitHub job summary,
/// `plan verify` and `snapshot diff`.
@Suite struct PlanReviewTests {
    static let snapshot = "fixtures/example/catalogue.sqlite"
    static let models = "fixtures/example/models"

    /// The example plan, made from the repository root with relative paths at a fixed time (as the golden file was).
    func examplePlan(
        in folder: TemporaryFolder, extra: [String] = [], environment: [String: String] = [:]
    ) throws
        -> Command.Result
    {
        try PlannerBinary.run(
            [
                "plan", "add partner users, e-mail and preferences", "--snapshot", Self.snapshot, "--models",
                Self.models, "--inputs", "@fixtures/example/inputs.json", "--no-input", "--out",
                folder.file("plan.yaml").path,
            ] + extra, environment: ["SOURCE_DATE_EPOCH": "1780000000"].merging(environment) { $1 },
            in: Repository.root)
    }

    /// The golden file was read by a person: the summary table, the change list with counts and values, the Mermaid
    /// graph and the collapsed SQL of the example plan.
    @Test func theMarkdownOfTheExamplePlanIsTheReviewedGoldenFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try examplePlan(in: folder).status == 0)
        let shown = try PlannerBinary.run(["plan", "show", folder.file("plan.yaml").path, "--format", "markdown"])
        #expect(shown.status == 0)
        let golden = try String(contentsOf: Repository.fixture("plans/example-plan.md"), encoding: .utf8)
        #expect(shown.stdout == golden)
    }

    @Test func theSummaryComesFirstWithReadableLabels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try examplePlan(in: folder)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let summary = try #require(lines.firstIndex(of: "Plan: 5 to add, 1 to change, 0 to remove."))
        #expect(lines[summary + 2] == "  products           1       0       0")
        #expect(lines[summary + 3] == "  product blocks     1       1       0")
        #expect(lines.contains("+ product \"User partner\""))
        #expect(lines.contains("    + fixed input affiliation = \"partner\""))
        #expect(lines.contains("~ product block \"UserBlock\" (210 instances)"))
        #expect(!result.stdout.contains("create_products"), "no snake_case category names")
        #expect(!result.stdout.contains("\u{1B}["), "no colour in a pipe")
    }

    @Test func jsonHasStructuredChangesAndWarnings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try examplePlan(in: folder).status == 0)
        let shown = try PlannerBinary.run(["plan", "show", folder.file("plan.yaml").path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let summary = document["summary"] as? [String: [String: Int]]
        #expect(summary?["product"]?["add"] == 1)
        #expect(summary?["product block"]?["change"] == 1)
        let changes = try #require(document["changes"] as? [[String: Any]])
        let block = try #require(changes.first { $0["name"] as? String == "UserBlock" })
        #expect(block["action"] as? String == "change")
        #expect(block["subject"] as? String == "product block")
        #expect((block["counts"] as? [String: Int])?["instances"] == 210)
        #expect(block["destructive"] as? Bool == false)
        let product = try #require(changes.first { $0["name"] as? String == "User partner" })
        #expect((product["values"] as? [String: String])?["tag"] == "USER")
        #expect((document["upgrade"] as? [String])?.count == 15)
    }

    @Test func aDestructivePlanHasWarningsWithCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let models = folder.file("models")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("models/example-v2").path, models.path])
        let registry = models.appendingPathComponent("products/__init__.py")
        let text = try String(contentsOf: registry, encoding: .utf8).replacingOccurrences(
            of: "\"User external\": User,", with: "")
        try Data(text.utf8).write(to: registry)
        let planned = try PlannerBinary.run([
            "plan", "drop external", "--snapshot", Repository.fixture("example/catalogue.sqlite").path, "--models",
            models.path, "--no-input", "--allow-destructive", "--out", folder.file("p.yaml").path,
        ])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("- product \"User external\" (60 subscriptions)"))
        let shown = try PlannerBinary.run(["plan", "show", folder.file("p.yaml").path, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let warnings = try #require(document["warnings"] as? [[String: Any]])
        let destructive = try #require(warnings.first { $0["kind"] as? String == "destructive" })
        #expect(destructive["subject"] as? String == "product")
        #expect(destructive["name"] as? String == "User external")
        #expect((destructive["counts"] as? [String: Int])?["subscriptions"] == 60)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.first { $0["name"] as? String == "User external" }?["destructive"] as? Bool == true)
    }

    @Test func githubSummaryAppendsTheMarkdown() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let summaryFile = folder.file("summary.md")
        try Data("earlier step\n".utf8).write(to: summaryFile)
        let result = try examplePlan(
            in: folder, extra: ["--github-summary"], environment: ["GITHUB_STEP_SUMMARY": summaryFile.path])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try String(contentsOf: Repository.fixture("plans/example-plan.md"), encoding: .utf8)
        #expect(try String(contentsOf: summaryFile, encoding: .utf8) == "earlier step\n" + golden)
        let unset = try examplePlan(in: folder, extra: ["--github-summary"])
        #expect(unset.status == 0)
        #expect(unset.stderr.contains("GITHUB_STEP_SUMMARY is not set"))
    }

    @Test func verifyAcceptsTheSamePlanWhateverTheModelsPathSpelling() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try examplePlan(in: folder).status == 0)
        let absolute = try PlannerBinary.run([
            "plan", "verify", folder.file("plan.yaml").path, "--snapshot",
            Repository.fixture("example/catalogue.sqlite").path, "--models", Repository.fixture("example/models").path,
        ])
        #expect(absolute.status == 0, "\(absolute.stdout) \(absolute.stderr)")
        #expect(
            absolute.stdout.contains("matches: re-planning with its answers gives the same changes and the same SQL"))

        let otherModels = try PlannerBinary.run([
            "plan", "verify", folder.file("plan.yaml").path, "--snapshot",
            Repository.fixture("example/catalogue.sqlite").path, "--models",
            Repository.fixture("models/example-v2").path,
        ])
        #expect(otherModels.status == 1)
        #expect(otherModels.stdout.contains("only in the plan: + product \"User partner\""), "\(otherModels.stdout)")

        let otherSnapshot = try PlannerBinary.run([
            "plan", "verify", folder.file("plan.yaml").path, "--snapshot",
            Repository.fixture("empty/catalogue.sqlite").path,
            "--models", Repository.fixture("example/models").path,
        ])
        #expect(otherSnapshot.status == 1)
        #expect(otherSnapshot.stdout.contains("the snapshot is not the plan's base"))

        let missing = try PlannerBinary.run([
            "plan", "verify", folder.file("none.yaml").path, "--snapshot", Self.snapshot, "--models", Self.models,
        ])
        #expect(missing.status == 2)
    }

    @Test func snapshotDiffListsWhatDiffersWithThePlansLabels() throws {
        let example = Repository.fixture("example/catalogue.sqlite").path
        let same = try PlannerBinary.run(["snapshot", "diff", example, example])
        #expect(same.status == 0)
        #expect(same.stdout.contains("hold the same catalogue"))
        let differs = try PlannerBinary.run([
            "snapshot", "diff", example, Repository.fixture("empty/catalogue.sqlite").path,
        ])
        #expect(differs.status == 1)
        #expect(differs.stdout.contains("  - product \"User internal\""), "\(differs.stdout)")
        #expect(differs.stdout.contains("  - product block \"UserBlock\""))
        let json = try PlannerBinary.run([
            "snapshot", "diff", example, Repository.fixture("empty/catalogue.sqlite").path, "--format", "json",
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["same"] as? Bool == false)
        #expect((document["changes"] as? [[String: Any]])?.contains { $0["change"] as? String == "removed" } == true)
        let broken = try PlannerBinary.run(["snapshot", "diff", example, "/nonexistent.sqlite"])
        #expect(broken.status == 2)
    }
}
