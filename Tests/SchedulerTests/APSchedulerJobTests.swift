import Catalogue
import Foundation
import TestSupport
import Testing

@testable import Scheduler

/// orchestrator-core's APScheduler jobs read from their pickled state without running anything:
/// `fixtures/scheduler/job-states.json` holds states pickled by real APScheduler 3.11 (protocols 0, 2, 4 and 5; zoneinfo,
/// fixed offsets and pytz) with what APScheduler and orchestrator-core print for each (make_job_states.py).
@Suite struct APSchedulerJobTests {
    struct Expected: Decodable {
        let id: String
        let state: String
        let name: String
        let next_run_time: String
        let next_run_timestamp: Double
        let trigger: String
        let kwargs: String
    }

    static let expected: [Expected] = {
        let data = (try? Data(contentsOf: Repository.fixture("scheduler/job-states.json"))) ?? Data()
        return (try? JSONDecoder().decode([Expected].self, from: data)) ?? []
    }()

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    @Test func everyFixtureIsRead() { #expect(Self.expected.count == 14) }

    @Test(arguments: APSchedulerJobTests.expected.map(\.id))
    func aJobReadsAsOrchestratorCorePrintsIt(_ id: String) throws {
        let expected = try #require(Self.expected.first { $0.id == id })
        let job = APSchedulerJob(
            row: .init(id: id, nextRunTime: expected.next_run_timestamp, jobState: Self.bytes(expected.state)),
            apiManaged: false)
        #expect(job.diagnostics.isEmpty, "\(job.diagnostics)")
        #expect(job.name == expected.name)
        #expect(job.nextRunTime == expected.next_run_time)
        #expect(job.trigger == expected.trigger)
        #expect(job.kwargs == expected.kwargs)
        #expect(job.source == "decorator")
        #expect(abs((job.nextRunInstant ?? 0) - expected.next_run_timestamp) < 0.001)
    }

    @Test func theLinkerTableMakesAJobAnAPIJob() throws {
        let first = try #require(Self.expected.first)
        let row = OrchestratorSchedule.Job(id: first.id, nextRunTime: nil, jobState: Self.bytes(first.state))
        #expect(APSchedulerJob(row: row, apiManaged: true).source == "API")
        let schedule = OrchestratorSchedule(
            jobs: [row], links: [.init(workflowID: "00000000-0000-0000-0000-000000000001", scheduleID: first.id)])
        #expect(ScheduleOverview.rows(for: schedule).rows.map(\.source) == ["API"])
    }

    /// `os.system("echo")` as a job state: read as the record of a call, never made.
    @Test func aCallIsReadNeverMade() {
        let pickle: [UInt8] =
            [0x80, 0x02] + Array("cos\nsystem\n".utf8) + [0x58, 4, 0, 0, 0] + Array("echo".utf8)
            + [0x85, 0x52, 0x2E]
        let job = APSchedulerJob(row: .init(id: "evil", nextRunTime: 0, jobState: pickle), apiManaged: false)
        #expect(job.name == "unknown")
        #expect(job.trigger == "unknown")
        #expect(job.diagnostics == ["job evil: the job state is not a dict; shown as unknown"])
        #expect(job.nextRunTime == "1970-01-01 00:00:00+00:00", "from the table's own column")
    }

    /// A dict whose trigger is a class APScheduler 3 does not store, and whose kwargs hold a call.
    @Test func unknownPartsAreShownAsUnknownWithADiagnostic() {
        var pickle: [UInt8] = [0x80, 0x02, 0x7D, 0x28]
        func text(_ value: String) {
            pickle +=
                [0x58] + withUnsafeBytes(of: UInt32(value.utf8.count).littleEndian, Array.init) + Array(value.utf8)
        }
        text("name")
        text("odd")
        text("trigger")
        pickle +=
            Array("capscheduler.triggers.calendarinterval\nCalendarIntervalTrigger\n".utf8) + [0x29, 0x81, 0x7D, 0x62]
        text("kwargs")
        pickle += [0x7D]
        text("when")
        pickle += Array("cos\ngetcwd\n".utf8) + [0x29, 0x52, 0x73]
        pickle += [0x75, 0x2E]
        let job = APSchedulerJob(row: .init(id: "odd", nextRunTime: nil, jobState: pickle), apiManaged: false)
        #expect(job.name == "odd")
        #expect(job.trigger == "unknown")
        #expect(job.kwargs == "unknown")
        #expect(job.nextRunTime == "None")
        #expect(
            job.diagnostics.contains { $0.contains("apscheduler.triggers.calendarinterval.CalendarIntervalTrigger") })
        #expect(job.diagnostics.contains { $0.contains("os.getcwd, which json.dumps cannot write") })
    }

    @Test func aDamagedStateIsReportedNotTrusted() throws {
        let first = try #require(Self.expected.first)
        let whole = Self.bytes(first.state)
        let cut = APSchedulerJob(
            row: .init(id: "cut", nextRunTime: 1_800_000_000.5, jobState: Array(whole.prefix(whole.count / 2))),
            apiManaged: false)
        #expect(cut.trigger == "unknown")
        #expect(cut.diagnostics.count == 1)
        #expect(cut.diagnostics[0].contains("could not be read"))
        #expect(cut.nextRunTime == "2027-01-15 08:00:00+00:00")
        for bad: [UInt8] in [
            [], [0x80, 0x05, 0x50, 0x2E], [0x80, 0x05, 0x82, 0x01, 0x2E], [0x80, 0x05, 0xFF], [0x2E],
            // TUPLE2 reaching below a MARK (found by the fuzzer: it crashed the reader).
            [0x80, 0x02, 0x4E, 0x4E, 0x28, 0x4E, 0x87, 0x74, 0x2E],
        ] {
            let job = APSchedulerJob(row: .init(id: "bad", nextRunTime: nil, jobState: bad), apiManaged: false)
            #expect(job.diagnostics.count == 1, "\(bad)")
            #expect(job.name == "unknown")
        }
    }

    /// A hostile state: 150 000 nested tuples, and kwargs that hold themselves. Read, reported, released: no crash
    /// (freeing never recurses), no endless loop.
    @Test func deepAndCyclicStatesAreHarmless() throws {
        let deep = [0x80, 0x04, 0x4E] + [UInt8](repeating: 0x85, count: 150_000) + [0x2E]
        let document = try PickleReader.read(deep)
        #expect(document.root.items?.count == 1)
        let job = APSchedulerJob(row: .init(id: "deep", nextRunTime: nil, jobState: deep), apiManaged: false)
        #expect(job.diagnostics == ["job deep: the job state is not a dict; shown as unknown"])

        var cyclic: [UInt8] = [0x80, 0x04, 0x7D, 0x94]  // {} memo 0
        cyclic += [0x8C, 6] + Array("kwargs".utf8) + [0x5D, 0x94, 0x68, 0x01, 0x61, 0x73, 0x2E]  // [L] with L in L
        let loop = APSchedulerJob(row: .init(id: "loop", nextRunTime: nil, jobState: cyclic), apiManaged: false)
        #expect(loop.kwargs == "unknown")
        #expect(loop.diagnostics.contains { $0.contains("nest too deep") })
    }

    @Test func theReaderRefusesWhatAJobStateNeverHolds() {
        #expect(throws: PickleReader.Failure.self) {
            try PickleReader.read([0x80, 0x02, 0x58, 1, 0, 0, 0, 0x61, 0x51, 0x2E])
        }
        #expect(throws: PickleReader.Failure.self) { try PickleReader.read([0x80, 0x02, 0x68, 0x07, 0x2E]) }
        #expect(throws: PickleReader.Failure.self) {
            try PickleReader.read([0x80, 0x02, 0x58, 0xFF, 0xFF, 0xFF, 0x7F])
        }
        #expect(throws: PickleReader.Failure.self) {
            try PickleReader.read([UInt8](repeating: 0x4E, count: PickleReader.maximumSize + 1))
        }
    }
}
