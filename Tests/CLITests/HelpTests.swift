import TestSupport
import Testing

@Suite struct HelpTests {
    @Test func helpListsTheSnapshotCommands() throws {
        let result = try PlannerBinary.run(["snapshot", "--help"])
        #expect(result.status == 0)
        for command in ["create", "show", "verify", "check"] { #expect(result.stdout.contains(command)) }
    }

    @Test func versionIsPrinted() throws {
        let result = try PlannerBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try PlannerBinary.run(["snapshot", "show", "x.sqlite", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("xml"))
    }

    @Test func showWithoutADatabaseWorksOnTheBundledFixture() throws {
        let result = try PlannerBinary.run(["snapshot", "show", Repository.fixture("example/catalogue.sqlite").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("User external"))
        #expect(result.stdout.contains("alembic:      e05bb1967eff"))
    }
}
