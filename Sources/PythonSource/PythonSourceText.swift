import Foundation

/// Turns the bytes of a `.py` file into the text Python's tokenizer sees (PEP 263, PEP 3120): a UTF-8 byte order
/// mark is dropped, a `# coding:` declaration on line 1 or 2 picks the encoding (UTF-8, Latin-1 or ASCII), the bytes
/// must be valid in it, no NUL byte, and every line ending (`\r\n`, a lone `\r`) becomes `\n`. What CPython would
/// refuse is a `PythonSyntaxError` with its line, never a silently repaired text.
public enum PythonSourceText {
    public static func decode(_ data: Data) throws(PythonSyntaxError) -> String {
        var bytes = [UInt8](data)
        var hadBOM = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            hadBOM = true
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw PythonSyntaxError(line: line(of: nul, in: bytes), message: "source code cannot contain null bytes")
        }
        let encoding = try declaredEncoding(bytes)
        if hadBOM, let encoding, encoding != .utf8 {
            throw PythonSyntaxError(
                line: 1, message: "encoding problem: a UTF-8 byte order mark with a '\(encoding)' declaration")
        }
        let text: String
        switch encoding ?? .utf8 {
        case .utf8:
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                let position = firstInvalidUTF8(bytes)
                throw PythonSyntaxError(
                    line: line(of: position, in: bytes),
                    message:
                        "Non-UTF-8 code starting with '\\x\(String(bytes[position], radix: 16))', but no encoding declared"
                )
            }
            text = decoded
        case .latin1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            text = String(scalars)
        case .ascii:
            if let position = bytes.firstIndex(where: { $0 >= 0x80 }) {
                throw PythonSyntaxError(
                    line: line(of: position, in: bytes),
                    message: "'ascii' codec can't decode byte 0x\(String(bytes[position], radix: 16))")
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        return normalizingLineEndings(text)
    }

    enum Encoding: String, CustomStringConvertible {
        case utf8 = "utf-8", latin1 = "latin-1", ascii
        var description: String { rawValue }
    }

    /// The `coding[:=]` declaration of the first two lines (the second only counts when the first is a comment or
    /// blank, as in CPython), or nil.
    static func declaredEncoding(_ bytes: [UInt8]) throws(PythonSyntaxError) -> Encoding? {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            lines.append(bytes[start..<index])
            start = index + 1
            if lines.count == 2 { break }
        }
        if lines.count < 2 { lines.append(bytes[start..<bytes.count]) }
        for (number, line) in lines.prefix(2).enumerated() {
            let text = String(decoding: line, as: UTF8.self)
            let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            guard trimmed.hasPrefix("#") else {
                if number == 0 && !trimmed.isEmpty { return nil }  // code on line 1: line 2 does not count
                continue
            }
            guard let name = codingName(in: String(trimmed)) else { continue }
            switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8", "utf-8-sig": return .utf8
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "iso-latin-1": return .latin1
            case "ascii", "us-ascii": return .ascii
            default:
                throw PythonSyntaxError(
                    line: number + 1,
                    message: "the source encoding '\(name)' is not one the reader decodes (utf-8, latin-1, ascii)")
            }
        }
        return nil
    }

    /// The name after `coding:` or `coding=` in a comment line (`# -*- coding: latin-1 -*-`).
    private static func codingName(in comment: String) -> String? {
        guard let range = comment.range(of: "coding") else { return nil }
        var rest = comment[range.upperBound...]
        guard let first = rest.first, first == ":" || first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return name.isEmpty ? nil : String(name)
    }

    /// `\r\n` and a lone `\r` become `\n` (Python reads source with universal newlines).
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func line(of position: Int, in bytes: [UInt8]) -> Int {
        bytes[..<position].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The offset of the first byte that starts no valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let length: Int
            switch bytes[index] {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count, String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else {
                return index
            }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}
