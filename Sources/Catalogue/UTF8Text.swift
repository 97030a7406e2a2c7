import Foundation

/// Strict UTF-8 decoding of what users give the tool (answers, plans, configs, ini files): an invalid byte is an
/// error naming where it is, never a silent U+FFFD that would then reach the database.
public enum UTF8Text {
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line and column (in bytes) of the first invalid byte.
        public let line: Int
        public let column: Int
        public let byte: UInt8

        public var description: String {
            "line \(line), column \(column): the byte 0x\(String(byte, radix: 16, uppercase: true)) is not valid UTF-8"
        }
    }

    public static func decode(_ data: Data) throws(Invalid) -> String {
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let position = firstInvalid(bytes)
        var line = 1
        var lineStart = 0
        for index in 0..<position where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        throw Invalid(line: line, column: position - lineStart + 1, byte: bytes[min(position, bytes.count - 1)])
    }

    /// The offset of the first byte that starts no valid UTF-8 sequence.
    static func firstInvalid(_ bytes: [UInt8]) -> Int {
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
            guard index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}
