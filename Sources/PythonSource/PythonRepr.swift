/// Python's `repr` of values the tool writes into Python source (revision files, generated code) and prints as
/// Python would (`ast.unparse`).
public enum PythonRepr {
    /// `repr(str)`: single quotes unless the text holds a single quote and no double quote; backslashes, line
    /// breaks, control characters and the delimiter escaped, by Unicode scalar (a quote followed by a combining mark
    /// is still a quote to Python).
    public static func string(_ value: String) -> String {
        let hasSingle = value.utf8.contains(UInt8(ascii: "'"))
        let hasDouble = value.utf8.contains(UInt8(ascii: "\""))
        let delimiter: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String(delimiter)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case delimiter: out += "\\" + String(delimiter)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.unicodeScalars.append(delimiter)
        return out
    }

    /// `repr` of an optional string: `None` for nil.
    public static func string(_ value: String?) -> String { value.map { string($0) } ?? "None" }

    /// The inside of a `"""` literal that `sa.text` reads back as exactly `sql`: `\\` and `"` escaped for Python,
    /// carriage returns written `\\r` (Python would turn a raw one into a line feed), and every `:` as `\\:` so
    /// `sa.text` takes nothing for a bind parameter. One pass over the bytes.
    public static func sqlAlchemyTextLiteral(_ sql: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count + 64)
        for byte in sql.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: ":"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: ":")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
