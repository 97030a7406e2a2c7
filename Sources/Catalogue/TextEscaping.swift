/// The two string escapings several modules write: JSON (also valid YAML double-quoted scalars) and Python's `repr`.
public enum TextEscaping {
    /// A JSON string literal. Control characters, DEL, C1 controls and the line/paragraph separators are written as
    /// `\uXXXX`, so the same text is also a safe YAML double-quoted scalar.
    public static func jsonQuote(_ value: String) -> String {
        // Most values need no escaping: check the bytes once and copy them whole.
        var copy = value
        let plain = copy.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7f || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
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

    /// Python's `repr` of a string: single quotes unless the text holds a single quote and no double quote.
    public static func pythonRepr(_ value: String) -> String {
        let delimiter: Character = value.contains("'") && !value.contains("\"") ? "\"" : "'"
        var out = String(delimiter)
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case delimiter: out += "\\\(delimiter)"
            default: out.append(character)
            }
        }
        out.append(delimiter)
        return out
    }
}
