import Catalogue
import Yams

/// The exact text of a plan file's double-quoted scalars.
///
/// Yams turns scalar bytes into a `String` through Foundation, which drops a leading U+FEFF ("a value that starts
/// with a byte order mark"): `"\ufeffx"` would read back as `x`. Plan scalars are JSON string literals (the writer
/// emits nothing else), so the reader takes each double-quoted scalar's text from the file at its mark and decodes
/// it as JSON; anything else keeps Yams' value.
struct ExactScalars {
    private let bytes: [UInt8]
    /// Byte offset of the start of each line (line 1 at index 0).
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    func string(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        guard scalar.style == .doubleQuoted, let mark = node.mark, mark.line >= 1, mark.line <= lineStarts.count else {
            return scalar.string
        }
        // libyaml counts columns in characters (code points): step over that many UTF-8 sequences.
        var offset = lineStarts[mark.line - 1]
        var column = 1
        while column < mark.column, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return JSONValue.stringLiteral(in: bytes, at: offset) ?? scalar.string
    }
}
