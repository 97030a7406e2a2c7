/// Python's `json.dumps` with its defaults (`ensure_ascii=True`, `", "` and `": "` separators): what
/// orchestrator-core writes into generated files and revisions, and what its `scheduler show-schedule -v` prints.
public enum PythonJSON {
    /// `json.dumps(value, indent=indent, sort_keys=sortKeys)`; keys keep their order unless `sortKeys`.
    public static func dumps(_ value: JSONValue, indent: Int, sortKeys: Bool = false) -> String {
        dumps(value, step: String(repeating: " ", count: indent), current: "", sortKeys: sortKeys)
    }

    private static func dumps(_ value: JSONValue, step: String, current: String, sortKeys: Bool) -> String {
        let inner = current + step
        switch value {
        case .object(let members) where members.isEmpty: return "{}"
        case .array(let items) where items.isEmpty: return "[]"
        case .object(let members):
            let ordered = sortKeys ? members.sorted { $0.key < $1.key } : members
            return "{\n"
                + ordered.map {
                    inner + string($0.key) + ": " + dumps($0.value, step: step, current: inner, sortKeys: sortKeys)
                }
                .joined(separator: ",\n") + "\n" + current + "}"
        case .array(let items):
            return "[\n"
                + items.map { inner + dumps($0, step: step, current: inner, sortKeys: sortKeys) }.joined(
                    separator: ",\n")
                + "\n" + current + "]"
        case .string(let text): return string(text)
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string as `json.dumps` writes it: `\uXXXX` (UTF-16 units) for everything outside printable ASCII
    /// except the short escapes.
    public static func string(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
