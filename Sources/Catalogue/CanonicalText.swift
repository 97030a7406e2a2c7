import Foundation

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
        var copy = value
        return copy.withUTF8 { bytes in
            // Names and descriptions almost never need escaping: return them as they are.
            guard
                bytes.contains(where: {
                    $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n")
                        || $0 == UInt8(ascii: "\r")
                })
            else {
                return value
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One record: the escaped fields joined by tabs.
    public static func line(_ fields: [String?]) -> String { fields.map(field).joined(separator: "\t") }

    /// The document: a header line, then the lines sorted by UTF-8 bytes, each ending in a line feed.
    public static func document(header: String, lines: [String]) -> String {
        let sorted = lines.sorted(by: utf8Order)
        var out = header + "\n"
        for line in sorted { out += line + "\n" }
        return out
    }
}

/// Byte order of the strings' UTF-8 (memcmp over their own storage): the order every sorted output uses.
public func utf8Order(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { left in
        b.withUTF8 { right in
            let common = min(left.count, right.count)
            if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                let order = memcmp(l, r, common)
                if order != 0 { return order < 0 }
            }
            return left.count < right.count
        }
    }
}

extension Sequence where Element == String {
    /// Sorted by UTF-8 bytes: the one order of names in output, whatever the locale.
    public func byteSorted() -> [String] { sorted(by: utf8Order) }
}
