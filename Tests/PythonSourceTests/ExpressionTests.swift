import PythonSource
import Testing

/// The expression parser on its own: structure where readers need it, `.other` where they do not.
@Suite struct ExpressionTests {
    func parse(_ source: String) -> PythonExpression? { PythonParser.parseExpression(source) }

    @Test func namesAttributesSubscriptsAndCalls() {
        #expect(
            parse("typing.Optional[Block]") == .`subscript`(.attribute(.name("typing"), "Optional"), [.name("Block")]))
        #expect(
            parse("Annotated[list[SI], Len(min_length=1)]")
                == .`subscript`(
                    .name("Annotated"),
                    [
                        .`subscript`(.name("list"), [.name("SI")]),
                        .call(
                            .name("Len"), arguments: [],
                            keywords: [PythonKeyword(name: "min_length", value: .number("1"))]),
                    ]))
        #expect(
            parse("f(*a, **k)")
                == .call(.name("f"), arguments: [.other("*a")], keywords: [PythonKeyword(name: nil, value: .name("k"))])
        )
    }

    @Test func precedenceAndAssociativity() {
        #expect(parse("A | B | None") == .binary(.binary(.name("A"), "|", .name("B")), "|", .constant("None")))
        #expect(parse("1 + 2 * 3") == .binary(.number("1"), "+", .binary(.number("2"), "*", .number("3"))))
        #expect(parse("-x ** 2") == .unary("-", .binary(.name("x"), "**", .number("2"))))
        #expect(parse("a if b else c") == .other("a if ... else ..."))
        #expect(parse("not a and b") == .binary(.unary("not", .name("a")), "and", .name("b")))
    }

    @Test func literals() {
        #expect(parse("'a' 'b'") == .string("ab"))
        #expect(parse("[1, 'x', None]") == .list([.number("1"), .string("x"), .constant("None")]))
        #expect(parse("(1,)") == .tuple([.number("1")]))
        #expect(parse("{'k': v}") == .dict([PythonDictEntry(key: .string("k"), value: .name("v"), line: 1)]))
        #expect(parse("0x1F") == .number("0x1F"))
    }

    @Test func unparseIsWhatAstUnparsePrints() throws {
        for (source, expected) in [
            ("Optional[ str ]", "Optional[str]"), ("Dict[str,int]", "Dict[str, int]"), ("X|None", "X | None"),
            ("Literal['a', \"b\"]", "Literal['a', 'b']"), ("f(x, key = 1)", "f(x, key=1)"),
        ] {
            let expression = try #require(parse(source))
            #expect(PythonUnparser.unparse(expression) == expected, "\(source)")
        }
    }

    @Test func notAnExpression() {
        #expect(parse("x = 1") == nil || parse("x = 1") == .name("x"))
        #expect(parse("(") == nil)
    }
}
