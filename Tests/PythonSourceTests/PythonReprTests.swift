import PythonSource
import Testing

@Suite struct PythonReprTests {
    @Test func reprMatchesPython() {
        #expect(PythonRepr.string("abc") == "'abc'")
        #expect(PythonRepr.string("it's") == "\"it's\"")
        #expect(PythonRepr.string("it's \"x\"") == "'it\\'s \"x\"'")
        #expect(PythonRepr.string("a\\b\n") == "'a\\\\b\\n'")
        #expect(PythonRepr.string("\u{1}") == "'\\x01'")
        #expect(PythonRepr.string(nil as String?) == "None")
    }

    /// A quote followed by a combining mark is one Swift Character but still a quote to Python.
    @Test(arguments: ["'\u{301}", "x'\u{301}y\"", "\"\u{301}", "\\'\u{301}"])
    func theDelimiterIsEscapedByScalar(_ value: String) {
        let scalars = Array(PythonRepr.string(value).unicodeScalars)
        let delimiter = scalars[0]
        var escaped = false
        for scalar in scalars.dropFirst().dropLast() {
            if escaped {
                escaped = false
                continue
            }
            if scalar == "\\" {
                escaped = true
                continue
            }
            #expect(scalar != delimiter, "\(value.debugDescription)")
        }
    }
}
