import Catalogue
import Postgres

/// Reads orchestrator-core's own schedule: the APScheduler job store and the linker table of API-made jobs. Either
/// table may be missing (APScheduler creates its table when the scheduler first starts): then it has no rows.
public struct OrchestratorScheduleReader {
    private let database: any PostgresQuerying

    public init(_ database: any PostgresQuerying) { self.database = database }

    private func query(_ sql: String) throws(SnapshotError) -> [[String?]] {
        do throws(PostgresError) {
            return try database.query(sql)
        } catch {
            throw SnapshotError(
                .queryFailed, "reading orchestrator-core's schedule from \(database.database) failed",
                cause: error.cause ?? error.message)
        }
    }

    private func exists(_ table: String) throws(SnapshotError) -> Bool {
        try query("SELECT to_regclass('\(table)') IS NOT NULL").first?.first == "t"
    }

    public func read() throws(SnapshotError) -> OrchestratorSchedule {
        var schedule = OrchestratorSchedule()
        if try exists("apscheduler_jobs") {
            // bytea as hex text: the pickle's bytes exactly, whatever bytea_output says.
            for (index, row) in try query(
                "SELECT id, next_run_time::text, encode(job_state, 'hex') FROM apscheduler_jobs ORDER BY id"
            ).enumerated() {
                guard row.count == 3, let id = row[0], let hex = row[2], let state = Self.bytes(hex: hex) else {
                    throw SnapshotError(.queryFailed, "unexpected apscheduler_jobs row \(index + 1)")
                }
                let next = row[1].flatMap(Double.init)
                if row[1] != nil && next == nil {
                    throw SnapshotError(.queryFailed, "unexpected next_run_time in apscheduler_jobs row \(index + 1)")
                }
                schedule.jobs.append(.init(id: id, nextRunTime: next, jobState: state))
            }
        }
        if try exists("workflows_apscheduler_jobs") {
            for row in try query(
                "SELECT workflow_id::text, schedule_id FROM workflows_apscheduler_jobs ORDER BY schedule_id, workflow_id"
            ) {
                guard row.count == 2, let workflow = row[0], let scheduleID = row[1] else { continue }
                schedule.links.append(.init(workflowID: workflow, scheduleID: scheduleID))
            }
        }
        return schedule
    }

    /// `0a1b...` → bytes; nil for anything that is not hex.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }
}
