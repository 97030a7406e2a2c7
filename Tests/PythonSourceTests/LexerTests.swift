import Testing

@testable import PythonSource

@Suite struct LexerTests {
    func kinds(_ source: String) throws -> [PythonToken.Kind] { try PythonLexer.tokenize(source).map(\.kind) }

    @Test func importStatement() throws {
        #expect(
            try kinds("from a.b import C\n") == [
                .name("from"), .name("a"), .op("."), .name("b"), .name("import"), .name("C"), .newline, .end,
            ])
    }

    @Test func indentationAndBlankLines() throws {
        let source = "class A:\n    x: int\n\n    # comment\n    y: str\nz = 1\n"
        #expect(
            try kinds(source) == [
                .name("class"), .name("A"), .op(":"), .newline, .indent, .name("x"), .op(":"), .name("int"), .newline,
                .name("y"), .op(":"), .name("str"), .newline, .dedent, .name("z"), .op("="), .number("1"), .newline,
                .end,
            ])
    }

    @Test func bracketsJoinLinesAndBackslashContinues() throws {
        #expect(
            try kinds("x = (1,\n  2)\ny = 1 + \\\n  2\n") == [
                .name("x"), .op("="), .op("("), .number("1"), .op(","), .number("2"), .op(")"), .newline,
                .name("y"), .op("="), .number("1"), .op("+"), .number("2"), .newline, .end,
            ])
    }

    @Test func stringsWithPrefixesTriplesAndEscapes() throws {
        #expect(
            try kinds(#"a = r"\d" + b'x' + f"{y}" + """q"r"""  + 'it\'s'"#) == [
                .name("a"), .op("="), .string("\\d", formatted: false), .op("+"), .string("x", formatted: false),
                .op("+"),
                .string("{y}", formatted: true), .op("+"), .string("q\"r", formatted: false), .op("+"),
                .string("it's", formatted: false), .newline, .end,
            ])
    }

    @Test func unterminatedStringAndBadDedentAreSyntaxErrors() {
        #expect(throws: PythonSyntaxError.self) { try PythonLexer.tokenize("x = 'abc\ny = 1\n") }
        #expect(throws: PythonSyntaxError.self) { try PythonLexer.tokenize("x = '''abc\ny = 1\n") }
        do {
            _ = try PythonLexer.tokenize("class A:\n        x: int\n    y: int\n")
            Issue.record("expected an indentation error")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("unindent"))
        }
    }
}

@Suite struct PythonIndentationErrorTests {
    @Test func anUnexpectedIndentIsASyntaxError() {
        do {
            _ = try PythonLexer.tokenize("x = 1\n    y = 2\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "unexpected indent")
        }
    }

    @Test func aMissingBlockIsASyntaxError() {
        do {
            _ = try PythonLexer.tokenize("class A:\nx = 1\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "expected an indented block")
        }
    }

    @Test func oneLineBodiesAndBracketsAreFine() throws {
        _ = try PythonLexer.tokenize("class A: pass\nd = {1:\n    2}\nif x:\n    y = [\n  1]\n")
    }
}
