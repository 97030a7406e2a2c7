import Foundation

/// What a file given as a plan is when it is not one, so that `plan show catalogue.sqlite` says "a catalogue
/// snapshot" instead of a UTF-8 or YAML error about its bytes.
enum PlanFileKind {
    /// A description of the file, with the command that reads it, when it is clearly something other than a plan;
    /// nil when it may be a plan (a damaged one gets the reader's own error).
    static func notAPlan(_ bytes: Data, path: String) -> String? {
        let head = bytes.prefix(4096)
        if head.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            return
                "\(path) is a SQLite database (a catalogue snapshot?), not a plan: look at it with `snapshot show \(path)`"
        }
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { String($0) }
        if lines.contains(where: { $0.hasPrefix("format_version:") }) { return nil }
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("{") {
            if text.contains("\"inputs\"") || text.contains("\"updates\"") {
                return "\(path) is an answers file (JSON), not a plan: plan with it through `plan --answers \(path)`"
            }
            return "\(path) is JSON, not a plan (a plan is YAML starting with format_version)"
        }
        if lines.contains(where: { $0.hasPrefix("revision = ") || $0.hasPrefix("revision: str = ") }),
            text.contains("def upgrade")
        {
            return "\(path) is an Alembic revision (Python), not a plan"
        }
        if path.hasSuffix(".py")
            || lines.contains(where: { $0.hasPrefix("import ") || $0.hasPrefix("from ") || $0.hasPrefix("class ") })
        {
            return "\(path) looks like Python source, not a plan (a plan is YAML starting with format_version)"
        }
        if lines.contains(where: { $0.hasPrefix("config:") })
            || (lines.contains { $0.hasPrefix("name:") } && lines.contains { $0.hasPrefix("type:") })
        {
            return "\(path) is a YAML product config (read it with `models show \(path)`), not a plan"
        }
        return nil
    }
}
