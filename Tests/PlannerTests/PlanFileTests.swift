import Catalogue
import Foundation
import Planner
import TestSupport
import Testing

@Suite struct PlanFileTests {
    static func newCataloguePlan() throws -> Plan {
        let inputs = """
            {"User group": {"description": "It's a \\"group\\" — ünïcode \\\\ :name %s", "tag": "GROUP"},
             "User internal": {"description": "line one\\nline two", "tag": "USER", "affiliation": "internal"},
             "User external": {"description": "External", "tag": "USER", "affiliation": "external"},
             "UserGroupBlock": {"description": "User group settings", "tag": "UGS"},
             "UserBlock": {"description": "User settings", "tag": "US"},
             "group_name": {"description": "Name"}, "group_id": {"description": "Id"}, "username": {"description": "User name"},
             "age": {"description": "Age"}, "user_id": {"description": "User id"}}
            """
        return try PlannerFixtures.requirePlan(
            PlannerFixtures.plan(PlannerFixtures.emptySnapshot(), try PlannerFixtures.exampleModels(), inputs: inputs))
    }

    @Test func roundTripKeepsEveryField() throws {
        let plan = try Self.newCataloguePlan()
        let text = PlanFile.encode(plan)
        let read = try PlanFile.decode(text, file: "plan.yaml")
        #expect(read == plan)
        #expect(PlanFile.encode(read) == text, "byte-identical when written again")
    }

    @Test func samePlanSameBytes() throws {
        #expect(PlanFile.encode(try Self.newCataloguePlan()) == PlanFile.encode(try Self.newCataloguePlan()))
    }

    @Test func commentsAndWhitespaceMayChange() throws {
        let text = PlanFile.encode(try Self.newCataloguePlan())
        let commented = text.replacingOccurrences(of: "upgrade:\n", with: "# the SQL\nupgrade:   \n")
        #expect(commented != text)
        _ = try PlanFile.decode(commented, file: "plan.yaml")
    }

    @Test func anEditIsRefusedNamingTheSection() throws {
        let text = PlanFile.encode(try Self.newCataloguePlan())
        let edited = text.replacingOccurrences(of: "'User settings'", with: "'User settings!'")
        #expect(edited != text)
        do {
            _ = try PlanFile.decode(edited, file: "plan.yaml")
            Issue.record("an edited plan was accepted")
        } catch {
            #expect(error.code == .invalidPlan)
            #expect(error.message.contains("(changed: upgrade)"), "\(error.message)")
        }
        let droppedWarning = text.replacingOccurrences(
            of: "tool_version: \"\(ToolVersion.current)\"", with: "tool_version: \"9\"")
        #expect(throws: PlannerError.self) { try PlanFile.decode(droppedWarning, file: "plan.yaml") }
    }

    @Test func malformedFilesNameWhere() {
        #expect(throws: PlannerError.self) { try PlanFile.decode("format_version: [1\n", file: "p.yaml") }
        do {
            _ = try PlanFile.decode("format_version: 2\nmessage: \"x\"\n", file: "p.yaml")
        } catch {
            #expect(error.message.hasPrefix("p.yaml:1: missing key"), "\(error.message)")
        }
        do {
            _ = try PlanFile.decode("\"format_version\": 3\n", file: "p.yaml")
        } catch {
            #expect(
                error.message.contains("plan format 3; this orchestrator-planner reads formats 1 and 2"),
                "\(error.message)")
        }
    }
}

@Suite struct PlanFormatOneTests {
    /// A plan written by the previous release (format 1, no impact section) still reads and verifies.
    @Test func aFormatOnePlanStillReads() throws {
        let plan = try PlanFile.read(path: Repository.fixture("plans/format-1.yaml").path)
        #expect(plan.formatVersion == 1)
        #expect(plan.impact == Plan.Impact())
        #expect(plan.changes.createProducts == ["User partner"])
        #expect(
            PlanFile.encode(plan)
                == (try String(contentsOf: Repository.fixture("plans/format-1.yaml"), encoding: .utf8)))
    }
}
