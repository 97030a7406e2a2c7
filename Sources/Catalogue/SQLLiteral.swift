/// The one routine that turns values into PostgreSQL literals, for every SQL text the tool writes.
///
/// Relies on `standard_conforming_strings = on` (PostgreSQL's default since 9.1): inside '...' only the quote itself
/// needs doubling; backslashes are ordinary characters. A server configured with it off would read a backslash
/// before a quote as an escape, so every transaction that runs these literals sets it first (`requiredSettings`).
public enum SQLLiteral {
    /// The setting the literals depend on, for the transaction that runs them (the executor and every revision
    /// run it before the plan's statements).
    public static let requiredSettings = "SET LOCAL standard_conforming_strings = on"

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let value: String
        public var description: String {
            "a text value contains a NUL character, which PostgreSQL cannot store: \(value.debugDescription)"
        }
    }

    /// `'it''s'`. NUL has no representation in PostgreSQL text and is refused.
    public static func quote(_ value: String) throws(Failure) -> String {
        // One pass over the bytes decides: most names have no quote (no copy) and no NUL.
        var hasQuote = false
        for byte in value.utf8 {
            if byte == 0 { throw Failure(value: value) }
            if byte == UInt8(ascii: "'") { hasQuote = true }
        }
        guard hasQuote else { return "'" + value + "'" }
        // By byte: a quote followed by a combining mark is one Swift Character, but still a quote to PostgreSQL.
        return "'" + TextEscaping.replacingBytes(value) { $0 == UInt8(ascii: "'") ? "''" : nil } + "'"
    }

    /// `NULL`, or the quoted value.
    public static func quote(_ value: String?) throws(Failure) -> String {
        guard let value else { return "NULL" }
        return try quote(value)
    }

    /// `NULL` or the number.
    public static func number(_ value: Int?) -> String { value.map(String.init) ?? "NULL" }
}
