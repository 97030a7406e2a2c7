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
}
