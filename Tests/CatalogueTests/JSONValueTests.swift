import Catalogue
import Testing

/// The JSON reader for answers: exact strings, numbers kept as written, Python's `str()` of each value.
@Suite struct JSONValueTests {
    /// Python 3.11's `str(json.loads(literal))` for each literal (computed with CPython, copied here).
    @Test(arguments: [
        ("true", "True"), ("false", "False"), ("1", "1"), ("-0", "0"), ("0", "0"), ("1.0", "1.0"), ("1e2", "100.0"),
        ("-0.0", "-0.0"), ("100000000000000000000000", "100000000000000000000000"), ("1e23", "1e+23"),
        ("1.5e-7", "1.5e-07"), ("0.0001", "0.0001"), ("0.00001", "1e-05"), ("123456789012345678", "123456789012345678"),
        ("1e16", "1e+16"), ("1e15", "1000000000000000.0"), ("123.456", "123.456"), ("2.5E+3", "2500.0"),
        ("-1.25e-05", "-1.25e-05"), ("3.141592653589793", "3.141592653589793"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"), ("5e-324", "5e-324"), ("0.1", "0.1"), ("1E400", "inf"),
    ])
    func valuesAreStoredAsPythonPrintsThem(_ literal: String, _ python: String) throws {
        let value = try JSONValue.parse("{\"v\": \(literal)}")
        #expect(value.members?.first?.value.pythonText == python, "\(literal)")
    }

    @Test func stringsKeepEveryCodePoint() throws {
        let text = "a\u{FEFF}b'\u{301}\u{2028}\u{FFFF}😀é"
        let escaped = #"{"k": "a\ufeffb'\u0301\u2028\uffff\ud83d\ude00e\u0301"}"#
        for source in ["{\"k\": \"\(text)\"}", escaped] {
            guard case .string(let value)? = try JSONValue.parse(source).members?.first?.value else {
                Issue.record("not a string: \(source)")
                continue
            }
            let expected = source == escaped ? "a\u{FEFF}b'\u{301}\u{2028}\u{FFFF}😀e\u{301}" : text
            #expect(Array(value.unicodeScalars) == Array(expected.unicodeScalars))
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("{\"a\" 1}", 1, 6), ("[1, 2", 1, 6), ("{\"a\": \"x\ny\"}", 1, 9), ("{\"a\": 01}", 1, 8),
        ("{\"a\": \"\\ud800\"}", 1, 8), ("{\"a\": tru}", 1, 7), ("\n\n  {\"a\": -}", 3, 10), ("{} {}", 1, 4),
    ])
    func errorsNameLineAndColumn(_ text: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(deep) }
    }

    @Test func aRepeatedKeyKeepsTheLastValueAsPythonDoes() throws {
        let members = try JSONValue.parse(#"{"a": "1", "b": "2", "a": "3"}"#).members
        #expect(members?.map(\.key) == ["a", "b"])
        #expect(members?.first?.value == .string("3"))
    }
}

/// The quoting routines work by byte and scalar: a quote followed by a combining mark is still a quote.
@Suite struct ScalarQuotingTests {
    static let tricky = [
        "'\u{301}", "x'\u{301}; DROP TABLE t; --", "\"\u{301}\"\"", "\\'\u{301}", "a\u{FEFF}b", "é", "e\u{301}",
    ]

    @Test(arguments: tricky)
    func sqlLiteralDoublesEveryQuoteByte(_ value: String) throws {
        let literal = try SQLLiteral.quote(value)
        let inner = Array(literal.utf8.dropFirst().dropLast())
        // Inside the literal every quote byte is doubled: splitting on "''" leaves no lone quote.
        var index = 0
        while index < inner.count {
            if inner[index] == UInt8(ascii: "'") {
                #expect(
                    index + 1 < inner.count && inner[index + 1] == UInt8(ascii: "'"),
                    "\(value.debugDescription) → \(literal)")
                index += 2
            } else {
                index += 1
            }
        }
        #expect(
            literal.unicodeScalars.filter { $0 == "'" }.count == 2 + 2 * value.unicodeScalars.filter { $0 == "'" }.count
        )
    }

    @Test func columnLimitsCountCodePointsAsPostgreSQLDoes() {
        #expect(TextEscaping.codePoints(String(repeating: "e\u{301}", count: 11)) == 22)
        #expect(String(repeating: "e\u{301}", count: 11).count == 11)
    }

    @Test func yamlForbiddenCharactersAreEscaped() {
        #expect(TextEscaping.jsonQuote("a\u{FFFE}b\u{FFFF}") == #""a\ufffeb\uffff""#)
    }
}
