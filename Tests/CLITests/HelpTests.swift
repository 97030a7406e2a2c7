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

    @Test func planHelpShowsTheOptionsOfPlanCreate() throws {
        for arguments in [["plan", "--help"], ["plan", "-h"], ["help", "plan"]] {
            let result = try PlannerBinary.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: orchestrator-planner plan create"), "\(arguments)")
            #expect(result.stdout.contains("--snapshot <file>"))
            #expect(result.stdout.contains("--answer-template <file>"))
            #expect(result.stdout.contains("OTHER PLAN SUBCOMMANDS:\n  show "))
            #expect(result.stdout.contains("  verify "))
        }
    }

    @Test func aMistypedCommandGetsASuggestionInTheOneErrorStyle() throws {
        let result = try PlannerBinary.run(["snapshto", "show"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
        #expect(result.stderr.contains("'snapshto' is not a command of orchestrator-planner. Did you mean 'snapshot'?"))
        let database = try PlannerBinary.run(["db", "hed"])
        #expect(database.stderr.contains("Did you mean 'heads'?"))
        let plan = try PlannerBinary.run(["plan", "shwo", "x.yaml"])
        #expect(plan.stderr.contains("Did you mean 'orchestrator-planner plan show'?"), "\(plan.stderr)")
        let nothingClose = try PlannerBinary.run(["xyzzy"])
        #expect(
            nothingClose.stderr.contains("'xyzzy' is not a command of orchestrator-planner (snapshot, models, plan"))
    }

    /// Every command's help, checked for a default said twice ("(default: …). (default: .)").
    @Test func noDefaultIsSaidTwice() throws {
        let commands = [
            ["snapshot", "create"], ["snapshot", "show"], ["snapshot", "verify"], ["snapshot", "check"],
            ["snapshot", "diff"], ["models", "show"], ["plan", "create"], ["plan", "show"], ["plan", "answers"],
            ["plan", "verify"], ["apply"], ["db", "init"], ["db", "revision"], ["db", "heads"], ["db", "history"],
            ["db", "merge"], ["db", "migrate-domain-models"],
        ]
        for command in commands {
            let help = try PlannerBinary.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            // An option's help may wrap: join the lines of each option before looking.
            let joined = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            for option in joined.components(separatedBy: " --") {
                #expect(option.components(separatedBy: "(default").count <= 2, "\(command): \(option)")
            }
        }
    }
}
