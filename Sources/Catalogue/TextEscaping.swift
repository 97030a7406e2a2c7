/// The string escapings several modules write: JSON (also valid YAML double-quoted scalars) and the byte-level
/// replacement every escaping routine is built on (SQL literals, revision docstrings, shell quoting). Python's `repr`
/// is `PythonSource.PythonRepr`.
///
/// Everything here works on UTF-8 bytes or Unicode scalars, never on Swift `Character`s: a quote followed by a
/// combining mark (`'` + U+0301) is one `Character`, which is not equal to `'`, but to SQL, Python and YAML it is
/// still a quote followed by another code point.
public enum TextEscaping {
    /// Replaces single bytes of the UTF-8 text: `replacement` returns the text for a byte, or nil to keep it. Only
    /// ASCII bytes may be replaced (a multi-byte sequence is never split).
    public static func replacingBytes(_ value: String, _ replacement: (UInt8) -> String?) -> String {
        // Most values need nothing replaced: look first, copy only when needed.
        guard value.utf8.contains(where: { $0 < 0x80 && replacement($0) != nil }) else { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            if byte < 0x80, let text = replacement(byte) {
                out += text.utf8
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every occurrence of `target` replaced by `replacement`, compared byte by byte.
    public static func replacing(_ target: String, with replacement: String, in value: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return value }
        let haystack = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var index = 0
        var changed = false
        while index < haystack.count {
            if haystack[index] == needle[0], index + needle.count <= haystack.count,
                haystack[index..<index + needle.count].elementsEqual(needle)
            {
                out += replacement.utf8
                index += needle.count
                changed = true
            } else {
                out.append(haystack[index])
                index += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : value
    }

    /// A JSON string literal. Control characters, DEL, C1 controls, the line/paragraph separators, U+FEFF and the
    /// non-characters U+FFFE/U+FFFF are written as `\uXXXX`, so the same text is also a valid YAML double-quoted
    /// scalar (YAML forbids U+FFFE and U+FFFF in a stream) that every reader gives back code point for code point.
    public static func jsonQuote(_ value: String) -> String {
        // Most values need no escaping: check the bytes once and copy them whole.
        var copy = value
        let plain = copy.withUTF8 { bytes in
            for byte in bytes
            where byte < 0x20 || byte >= 0x7f || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            return true
        }
        if plain { return "\"" + value + "\"" }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80...0x9f).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xfeff
                    || scalar.value == 0xfffe || scalar.value == 0xffff
                {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A name or value from the user, for an error message: JSON-quoted (so no control character or line break gets
    /// into the one-line message) and cut after `limit` code points.
    public static func shown(_ text: String, limit: Int = 80) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return jsonQuote(text) }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(limit))
        return jsonQuote(String(cut)) + "…"
    }

    /// An error message that quotes user input, made one line of reasonable length: control characters and line
    /// separators written as escapes (`\n`, `\u{2028}`), and the text cut (with `…`) before it passes `limit` UTF-8
    /// bytes. The limit counts what is written, escapes included: a message of control characters cannot grow
    /// six-fold past it.
    public static func oneLine(_ message: String, limit: Int = 1_000) -> String {
        var out = String.UnicodeScalarView()
        var bytes = 0
        for scalar in message.unicodeScalars {
            let piece: String
            switch scalar {
            case "\n": piece = "\\n"
            case "\r": piece = "\\r"
            case "\t": piece = "\\t"
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || scalar.value == 0x2028
                    || scalar.value == 0x2029
                {
                    piece = "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    piece = String(scalar)
                }
            }
            guard bytes + piece.utf8.count <= limit else {
                out.append(contentsOf: "…".unicodeScalars)
                break
            }
            out.append(contentsOf: piece.unicodeScalars)
            bytes += piece.utf8.count
        }
        return String(out)
    }

    /// How many characters PostgreSQL counts in a text (its code points, in a UTF-8 database): what column limits
    /// such as `varchar(20)` are measured in. A Swift `count` counts grapheme clusters, which can be fewer.
    public static func codePoints(_ value: String) -> Int { value.unicodeScalars.count }
}
