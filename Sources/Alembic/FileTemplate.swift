import Foundation

/// Names revision files as Alembic does: the project's `file_template` (Python %-format) with the revision id, the
/// message's slug and the date.
public enum FileTemplate {
    /// Alembic's slug: the words of the message, lower-cased, joined by `_`, cut at a word boundary.
    public static func slug(_ message: String, limit: Int) -> String {
        var words: [String] = []
        var current = ""
        for character in message {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = words.joined(separator: "_").lowercased()
        if slug.count > limit {
            let cut = String(slug.prefix(limit))
            slug = (cut.range(of: "_", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? cut) + "_"
        }
        return slug
    }

    /// The file name (with `.py`) for a revision of `project`.
    public static func fileName(
        _ project: AlembicProject, id: String, message: String, date: Date
    ) throws(AlembicError) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let values: [String: String] = [
            "rev": id, "slug": slug(message, limit: project.truncateSlugLength),
            "year": String(parts.year ?? 0), "month": String(parts.month ?? 0), "day": String(parts.day ?? 0),
            "hour": String(parts.hour ?? 0), "minute": String(parts.minute ?? 0), "second": String(parts.second ?? 0),
            "epoch": String(Int(date.timeIntervalSince1970)),
        ]
        return try percentFormat(project.fileTemplate, values) + ".py"
    }

    /// Python's `%(name)s` / `%(name)d` / `%(name).2d` formatting, as far as file templates use it.
    static func percentFormat(_ template: String, _ values: [String: String]) throws(AlembicError) -> String {
        var out = ""
        var rest = template[...]
        while let start = rest.range(of: "%(") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: ")") else {
                throw AlembicError(.invalidProject, "file_template \(template): unterminated %(")
            }
            let key = String(rest[start.upperBound..<close])
            var spec = rest.index(after: close)
            var width = 0
            if spec < rest.endIndex, rest[spec] == "." {
                spec = rest.index(after: spec)
                let digits = rest[spec...].prefix(while: \.isNumber)
                width = Int(digits) ?? 0
                spec = rest.index(spec, offsetBy: digits.count)
            }
            guard spec < rest.endIndex, let value = values[key] else {
                throw AlembicError(.invalidProject, "file_template \(template): unknown token %(\(key))")
            }
            let padded =
                rest[spec] == "d" && value.count < width
                ? String(repeating: "0", count: width - value.count) + value : value
            out += padded
            rest = rest[rest.index(after: spec)...]
        }
        return out + rest
    }
}
