/// Lays a plan's one-line SQL statements out over several lines for people: a new line before each clause keyword
/// (`FROM`, `WHERE`, `AND`, `VALUES`, `CROSS JOIN`, ...), indented by sub-query depth. A sub-query short enough to
/// read on one line stays on one line, and nothing inside other parentheses (a function call, `OVER (...)`, an `IN`
/// list) is broken. Only spaces between tokens change, never a quoted literal or identifier, so joining the lines
/// again (every line break and its indentation back to one space) gives the statement exactly.
public enum SQLFormatter {
    /// Keywords that start a line (matched case-insensitively, as whole words).
    static let clauses: Set<String> = [
        "FROM", "WHERE", "AND", "OR", "VALUES", "RETURNING", "SET", "JOIN", "ON", "GROUP", "ORDER", "UNION", "SELECT",
        "WITH", "LEFT", "CROSS", "INNER", "USING", "INSERT", "DELETE", "UPDATE",
    ]
    /// Keywords that start a statement: not indented at the top level.
    static let statements: Set<String> = ["SELECT", "WITH", "INSERT", "DELETE", "UPDATE"]
    /// The second word of a two-word keyword (`CROSS JOIN`): no break between the two.
    static let joined: [String: Set<String>] = ["JOIN": ["CROSS", "LEFT", "INNER"], "FROM": ["DELETE"]]
    /// A sub-query up to this many bytes stays on one line (a look-up of an id by name, typically).
    static let shortGroup = 120

    public static func format(_ sql: String, indentUnit: String = "  ") -> String {
        let bytes = Array(sql.utf8)
        let groups = Self.groups(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        // For each open parenthesis: whether clauses inside it start lines.
        var stack: [Bool] = []
        var index = 0
        var firstWord = true
        var previousWord = ""
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let end = quotedEnd(bytes, from: index)
                out += bytes[index..<end]
                index = end
                firstWord = false
                previousWord = ""
            case UInt8(ascii: "("):
                stack.append(groups[index] ?? false)
                out.append(byte)
                index += 1
            case UInt8(ascii: ")"):
                if !stack.isEmpty { stack.removeLast() }
                out.append(byte)
                index += 1
            case UInt8(ascii: " "):
                let wordStart = index + 1
                var wordEnd = wordStart
                while wordEnd < bytes.count, isWordByte(bytes[wordEnd]) { wordEnd += 1 }
                let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self).uppercased()
                let breakable = stack.last ?? true
                let secondWord = joined[word]?.contains(previousWord) ?? false
                // A sub-query as an item of a list (`VALUES ((SELECT ...), (SELECT ...))`) starts a line.
                let listedQuery =
                    !breakable && out.last == UInt8(ascii: ",") && wordStart < bytes.count
                    && bytes[wordStart] == UInt8(ascii: "(") && Self.startsStatement(bytes, at: wordStart + 1)
                if listedQuery {
                    out.append(UInt8(ascii: "\n"))
                    for _ in 0...(stack.filter { $0 }.count + 1) { out += Array(indentUnit.utf8) }
                } else if !firstWord, breakable, clauses.contains(word), !secondWord, out.last != UInt8(ascii: "(") {
                    let depth = stack.filter { $0 }.count
                    out.append(UInt8(ascii: "\n"))
                    for _ in 0..<depth { out += Array(indentUnit.utf8) }
                    if depth > 0 || !statements.contains(word) { out += Array(indentUnit.utf8) }
                } else {
                    out.append(byte)
                }
                index += 1
            default:
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                if end > index {
                    previousWord = String(decoding: bytes[index..<end], as: UTF8.self).uppercased()
                    out += bytes[index..<end]
                    index = end
                } else {
                    previousWord = ""
                    out.append(byte)
                    index += 1
                }
                firstWord = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// For each opening parenthesis (by byte offset): true when it holds a sub-query too long for one line.
    static func groups(_ bytes: [UInt8]) -> [Int: Bool] {
        var result: [Int: Bool] = [:]
        var open: [Int] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                index = quotedEnd(bytes, from: index)
                continue
            case UInt8(ascii: "("):
                open.append(index)
            case UInt8(ascii: ")"):
                if let start = open.popLast() {
                    result[start] = startsStatement(bytes, at: start + 1) && index - start > shortGroup
                }
            default:
                break
            }
            index += 1
        }
        return result
    }

    /// Whether the word at `start` begins a statement (a sub-query).
    static func startsStatement(_ bytes: [UInt8], at start: Int) -> Bool {
        var end = start
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return statements.contains(String(decoding: bytes[start..<end], as: UTF8.self).uppercased())
    }

    /// The offset after a quoted literal or identifier starting at `start` (a doubled quote stays inside it).
    static func quotedEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var end = start + 1
        while end < bytes.count {
            if bytes[end] == quote {
                if end + 1 < bytes.count, bytes[end + 1] == quote {
                    end += 2
                    continue
                }
                return end + 1
            }
            end += 1
        }
        return bytes.count
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
