import Catalogue

/// One row of `scheduler show-schedule`: a job of the schedule file, or one of orchestrator-core's APScheduler jobs.
public struct ScheduleRow: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `schedule` for a job of the schedule file; orchestrator-core's `API` or `decorator` for its own.
    public var source: String
    /// `str(next_run_time.replace(microsecond=0))`, as orchestrator-core prints it.
    public var nextRunTime: String
    public var trigger: String
    /// The last run (same format as the next run time) and its result; empty for orchestrator-core's jobs, whose
    /// store does not keep them.
    public var lastRun: String
    public var lastResult: String
    /// With `-v`: the job's settings (secrets masked), or an APScheduler job's `json.dumps(kwargs, indent=2)`.
    public var settings: String
    /// For sorting: UTC seconds, nil (last) for a job that never runs again.
    var sortInstant: Double?
}

/// The rows of `show-schedule`: the schedule file's jobs with what the job store knows, and orchestrator-core's
/// jobs; sorted by next run time, then name, as orchestrator-core sorts.
public enum ScheduleOverview {
    public static let ownSource = "schedule"

    /// The rows of the schedule file's jobs. The next run is the store's when it was computed for the same trigger
    /// and zone (a `scheduler run` keeps it), else the trigger's first run after `now`.
    public static func rows(
        for schedule: ScheduleFile, records: [String: JobRecord], zone: ZoneRules, now: Int64
    ) -> [ScheduleRow] {
        schedule.jobs.map { job in
            let record = records[job.id]
            let stored =
                record.flatMap { $0.trigger == job.trigger.written && $0.zone == zone.key ? $0.nextRunTime : nil }
            let next = stored ?? job.trigger.firstRun(after: now, in: zone)
            let last = record?.lastRun
            let settings = PythonJSON.dumps(
                .object(job.maskedSettings.map { ($0.key, JSONValue.string($0.value)) }), indent: 2)
            return ScheduleRow(
                id: job.id, name: job.name, source: ownSource,
                nextRunTime: next.map { PythonTime.datetime(instant: $0, in: zone) } ?? "None",
                trigger: job.trigger.display,
                lastRun: last.map { PythonTime.datetime(instant: Int64($0.startedAt.rounded(.down)), in: zone) } ?? "",
                lastResult: last.map { $0.result.rawValue + ($0.forced ? " (forced)" : "") } ?? "",
                settings: settings, sortInstant: next.map(Double.init))
        }
    }

    /// The rows of orchestrator-core's jobs, and the diagnostics of what could not be read.
    public static func rows(for schedule: OrchestratorSchedule) -> (rows: [ScheduleRow], diagnostics: [String]) {
        let linked = Set(schedule.links.map(\.scheduleID))
        var diagnostics: [String] = []
        let rows = schedule.jobs.map { row -> ScheduleRow in
            let job = APSchedulerJob(row: row, apiManaged: linked.contains(row.id))
            diagnostics += job.diagnostics
            return ScheduleRow(
                id: job.id, name: job.name, source: job.source, nextRunTime: job.nextRunTime, trigger: job.trigger,
                lastRun: "", lastResult: "", settings: job.kwargs, sortInstant: job.nextRunInstant)
        }
        return (rows, diagnostics)
    }

    /// By next run time (none last), then name by code point, as Python compares strings.
    public static func sorted(_ rows: [ScheduleRow]) -> [ScheduleRow] {
        rows.sorted { a, b in
            switch (a.sortInstant, b.sortInstant) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
            }
        }
    }

    /// The table orchestrator-core's rich console prints (heavy head, title centred above), plus `last run` and
    /// `result`; with `verbose` a `settings` column and lines between rows.
    public static func table(_ rows: [ScheduleRow], verbose: Bool) -> String {
        var headers = ["id", "name", "source", "next run time", "trigger", "last run", "result"]
        if verbose { headers.append("settings") }
        let cells = rows.map { row -> [[String]] in
            var values = [row.id, row.name, row.source, row.nextRunTime, row.trigger, row.lastRun, row.lastResult]
            if verbose { values.append(row.settings) }
            return values.map {
                $0.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.clean(String($0)) }
            }
        }
        var widths = headers.map(DisplayWidth.of)
        for row in cells {
            for (column, lines) in row.enumerated() {
                widths[column] = max(widths[column], lines.map(DisplayWidth.of).max() ?? 0)
            }
        }
        func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: middle) + right
        }
        func line(_ values: [String], _ bar: String) -> String {
            bar + zip(values, widths).map { " " + TerminalText.padded($0, to: $1) + " " }.joined(separator: bar) + bar
        }
        let total = widths.reduce(0, +) + widths.count * 3 + 1
        let title = "Scheduled Tasks"
        let left = max(0, (total - title.count) / 2)
        var output = [
            String(repeating: " ", count: left) + title
                + String(repeating: " ", count: max(0, total - left - title.count))
        ]
        output.append(rule("┏", "━", "┳", "┓"))
        output.append(line(headers, "┃"))
        output.append(rule("┡", "━", "╇", "┩"))
        for (index, row) in cells.enumerated() {
            if verbose && index > 0 { output.append(rule("├", "─", "┼", "┤")) }
            let height = row.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                output.append(line(row.map { lineIndex < $0.count ? $0[lineIndex] : "" }, "│"))
            }
        }
        output.append(rule("└", "─", "┴", "┘"))
        return output.joined(separator: "\n")
    }

    /// `--format json`: a list of objects; `next_run_time` is the table's text.
    public static func json(_ rows: [ScheduleRow], verbose: Bool) -> JSONValue {
        .array(
            rows.map { row in
                var members: [(key: String, value: JSONValue)] = [
                    ("id", .string(row.id)), ("name", .string(row.name)), ("source", .string(row.source)),
                    ("next_run_time", .string(row.nextRunTime)), ("trigger", .string(row.trigger)),
                    ("last_run", row.lastRun.isEmpty ? .null : .string(row.lastRun)),
                    ("last_result", row.lastResult.isEmpty ? .null : .string(row.lastResult)),
                ]
                // Settings as an object for scripts (a job's settings and APScheduler's kwargs are both JSON text).
                if verbose {
                    members.append(("settings", (try? JSONValue.parse(row.settings)) ?? .string(row.settings)))
                }
                return .object(members)
            })
    }
}

/// Table cells for a terminal: control characters replaced, padding in display columns (`DisplayWidth`).
enum TerminalText {
    /// Control characters (a job name from a database could carry terminal escapes) as U+FFFD.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
