import Catalogue
import Testing

@Suite struct SQLLiteralTests {
    @Test func quotesAreDoubledAndBackslashesKept() throws {
        #expect(try SQLLiteral.quote("it's") == "'it''s'")
        #expect(try SQLLiteral.quote("C:\\path\\n") == "'C:\\path\\n'")
        #expect(try SQLLiteral.quote("ünï 🚀 \"x\"") == "'ünï 🚀 \"x\"'")
        #expect(try SQLLiteral.quote(nil as String?) == "NULL")
        #expect(SQLLiteral.number(nil) == "NULL")
        #expect(SQLLiteral.number(3) == "3")
    }

    @Test func nulIsRefused() {
        #expect(throws: SQLLiteral.Failure.self) { try SQLLiteral.quote("a\u{0}b") }
    }
}
