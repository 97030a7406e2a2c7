/// The line format behind fingerprints and digests: one record per line, fields separated by tabs.
///
/// Escaping makes the text unambiguous whatever the values hold: backslash, tab, line feed and carriage
/// return are written `\\`, `\t`, `\n`, `\r`, and a SQL NULL is `\N` (PostgreSQL's COPY text conventions).
/// Lines are sorted by their UTF-8 bytes, so the result does not depend on the order rows were read in, nor on
/// the platform's string collation.
public enum CanonicalText {
    /// One field, escaped. `nil` becomes `\N`.
    public static func field(_ value: String?) -> String {
        guard let value else { return "\\N" }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One record: the escaped fields joined by tabs.
    public static func line(_ fields: [String?]) -> String { fields.map(field).joined(separator: "\t") }

    /// The document: a header line, then the lines sorted by UTF-8 bytes, each ending in a line feed.
    public static func document(header: String, lines: [String]) -> String {
        let sorted = lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out = header + "\n"
        for line in sorted { out += line + "\n" }
        return out
    }
}
