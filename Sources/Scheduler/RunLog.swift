import Catalogue
import Foundation

/// The log of `scheduler run`: one line per event on stdout, as logfmt text (`time=... event=run job=...`) or as
/// one JSON object per line. It never holds a setting, so no secret reaches it.
public struct RunLog {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public enum Event {
        case started(jobs: Int, store: String, zone: String)
        /// A run: the job, what the store records, the details, and how late it started (a coalesced run).
        case run(ScheduledJob, JobRun, details: [String], lateBy: Int64)
        case next(ScheduledJob, at: Int64?, zone: ZoneRules)
        /// The `on-failure` command ended (nil status: it could not start or timed out).
        case hook(ScheduledJob, status: Int32?)
        case stopped(StopReason)
    }

    public let format: Format
    public let write: (String) -> Void

    public init(format: Format, write: @escaping (String) -> Void) {
        self.format = format
        self.write = write
    }

    public func log(_ event: Event, at time: Date) {
        var fields: [(String, JSONValue)] = [("time", .string(Self.timestamp(time.timeIntervalSince1970)))]
        switch event {
        case .started(let jobs, let store, let zone):
            fields += [
                ("event", .string("started")), ("jobs", .number(String(jobs))), ("store", .string(store)),
                ("zone", .string(zone)),
            ]
        case .run(let job, let run, let details, let lateBy):
            fields += [
                ("event", .string(run.forced ? "forced" : "run")), ("job", .string(job.id)),
                ("name", .string(job.name)),
                ("result", .string(run.result.rawValue)),
                ("duration", .number(String(format: "%.2f", run.finishedAt - run.startedAt))),
            ]
            if lateBy >= 60 { fields.append(("late", .string(PythonTime.timedelta(seconds: lateBy)))) }
            fields.append(("message", .string(run.message)))
            if format == .json && !details.isEmpty { fields.append(("details", .array(details.map(JSONValue.string)))) }
        case .next(let job, let time, let zone):
            fields += [
                ("event", .string("next")), ("job", .string(job.id)),
                ("next_run_time", time.map { .string(PythonTime.datetime(instant: $0, in: zone)) } ?? .null),
            ]
        case .hook(let job, let status):
            fields += [
                ("event", .string("on-failure")), ("job", .string(job.id)),
                ("status", status.map { .number(String($0)) } ?? .string("did not finish")),
            ]
        case .stopped(let reason):
            fields += [
                ("event", .string("stopped")), ("signal", .string(reason == .interrupt ? "SIGINT" : "SIGTERM")),
            ]
        }
        switch format {
        case .json: write(Self.jsonLine(fields))
        case .text: write(fields.map { "\($0.0)=\(Self.logfmt($0.1))" }.joined(separator: " "))
        }
    }

    /// `2026-12-01T05:50:00Z`: UTC, whole seconds.
    public static func timestamp(_ seconds: Double) -> String {
        let instant = Int64(seconds.rounded(.down))
        let wall = CivilTime(localSeconds: instant)
        return "\(CivilTime.padded(wall.year, 4))-\(CivilTime.padded(wall.month, 2))-\(CivilTime.padded(wall.day, 2))T"
            + "\(CivilTime.padded(wall.hour, 2)):\(CivilTime.padded(wall.minute, 2)):\(CivilTime.padded(wall.second, 2))Z"
    }

    /// A logfmt value: bare when it has no space, quote or `=`, else JSON-quoted.
    static func logfmt(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            // By scalar: a quote or a space followed by a combining mark is one Character, but still ends a bare value.
            let bare =
                !text.isEmpty
                && !text.unicodeScalars.contains {
                    $0 == " " || $0 == "\"" || $0 == "=" || $0.properties.generalCategory == .lineSeparator
                        || $0.properties.generalCategory == .paragraphSeparator || ("\n"..."\r").contains($0)
                        || $0 == "\u{85}"
                }
            return bare ? TextEscaping.oneLine(text) : TextEscaping.jsonQuote(text)
        case .number(let literal): return literal
        case .null: return "null"
        default: return value.compactText
        }
    }

    /// The fields in their order (the compact form sorts keys; a log line reads better with time first).
    static func jsonLine(_ fields: [(String, JSONValue)]) -> String {
        "{" + fields.map { TextEscaping.jsonQuote($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
    }

    private static func json(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return TextEscaping.jsonQuote(text)
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object: return value.compactText
        }
    }
}
