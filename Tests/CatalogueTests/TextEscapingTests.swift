import Catalogue
import Foundation
import Testing

@Suite struct TextEscapingTests {
    @Test func jsonQuotingRoundTripsThroughAJSONParser() throws {
        for value in ["plain", "it's \"quoted\" \\ back", "line\nbreak\ttab\r", "ünï 🚀", "\u{1}\u{7f}\u{85}\u{2028}"] {
            let quoted = TextEscaping.jsonQuote(value)
            let parsed =
                try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed]) as? String
            #expect(parsed == value, "\(quoted)")
        }
        #expect(TextEscaping.jsonQuote("\u{2028}") == "\"\\u2028\"")
    }

    /// An error quoting user input stays one line of at most the limit in bytes, escapes counted: 3,000 DEL
    /// characters (six bytes each escaped) or 3,000 emoji are cut, not written six- or four-fold.
    @Test func oneLineMessagesAreCutByWhatIsWritten() {
        #expect(TextEscaping.oneLine("a\nb\u{7f}c") == "a\\nb\\u{7f}c")
        for long in [String(repeating: "\u{7f}", count: 3_000), String(repeating: "🚀", count: 3_000)] {
            let line = TextEscaping.oneLine("key: " + long)
            #expect(line.hasPrefix("key: ") && line.hasSuffix("…"))
            #expect(line.utf8.count <= 1_000 + "…".utf8.count, "\(line.utf8.count) bytes")
            #expect(!line.unicodeScalars.contains { $0.value == 0x7f })
        }
        #expect(TextEscaping.oneLine(String(repeating: "x", count: 1_000)) == String(repeating: "x", count: 1_000))
    }
}
