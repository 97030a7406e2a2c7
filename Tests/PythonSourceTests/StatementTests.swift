import PythonSource
import Testing

/// The statement parser on its own: what each statement becomes, and what it does with what it cannot read.
@Suite struct StatementTests {
    func parse(_ source: String) throws -> [PythonStatement] { try PythonParser.parseModule(source) }

    @Test func importsWithAliasesRelativeLevelsAndStars() throws {
        let statements = try parse("import a.b as c, d\nfrom ..x.y import (p as q,\n    r)\nfrom . import *\n")
        guard statements.count == 3,
            case .importModules(let names, 1) = statements[0],
            case .importFrom("x.y", 2, let fromNames, 2) = statements[1],
            case .importFrom("", 1, let star, 4) = statements[2]
        else {
            Issue.record("\(statements)")
            return
        }
        #expect(names == [PythonImportedName(name: "a.b", alias: "c"), PythonImportedName(name: "d", alias: nil)])
        #expect(fromNames == [PythonImportedName(name: "p", alias: "q"), PythonImportedName(name: "r", alias: nil)])
        #expect(star == [PythonImportedName(name: "*", alias: nil)])
    }

    @Test func classesWithBasesKeywordsAndBodies() throws {
        let statements = try parse(
            """
            @dataclass
            class A(Base, Generic[T], metaclass=M, product_block_name="A"):
                \"\"\"Doc.\"\"\"
                x: int = 1
                y = 2
                if TYPE_CHECKING:
                    z: str

                def method(self) -> None:
                    import inside
                    return 1

            """)
        guard case .classDefinition(let definition)? = statements.first else {
            Issue.record("\(statements)")
            return
        }
        #expect(definition.name == "A")
        #expect(definition.line == 2)
        #expect(definition.bases == [.name("Base"), .`subscript`(.name("Generic"), [.name("T")])])
        #expect(definition.keywords.map(\.name) == ["metaclass", "product_block_name"])
        #expect(definition.keywords.last?.value == .string("A"))
        // The docstring, x, y, the if-body's z, and the method (whose body, with its import, is never parsed).
        #expect(definition.body.count == 5, "\(definition.body)")
        guard case .annotatedAssignment(.name("x"), .name("int"), .number("1")?, 4) = definition.body[1] else {
            Issue.record("\(definition.body[1])")
            return
        }
        guard case .compound(let inner) = definition.body[3],
            case .annotatedAssignment(.name("z"), _, nil, 7)? = inner.first
        else {
            Issue.record("\(definition.body[3])")
            return
        }
        guard case .functionDefinition("method", let decorators, 9) = definition.body[4] else {
            Issue.record("\(definition.body[4])")
            return
        }
        #expect(decorators.isEmpty)
    }

    @Test func compoundStatementsKeepBothBranches() throws {
        let statements = try parse("try:\n    from a import x\nexcept ImportError:\n    x = None\nelse:\n    y = 1\n")
        guard case .compound(let body)? = statements.first else {
            Issue.record("\(statements)")
            return
        }
        #expect(body.count == 3)
    }

    @Test func aStatementItCannotReadIsSkippedAndParsingGoesOn() throws {
        let statements = try parse("x = 1\ny = (1 +\n)\nz = 2\nmatch v:\n    case 1:\n        pass\nw = 3\n")
        let skipped = statements.compactMap { statement -> (Int, String)? in
            if case .skipped(let line, let reason) = statement { return (line, reason) }
            return nil
        }
        #expect(skipped.map(\.0) == [3, 5], "\(statements)")
        #expect(PythonParser.isHarmless(skipped[1].1), "a match statement cannot hide a definition")
        #expect(!PythonParser.isHarmless(skipped[0].1))
        let assigned = statements.compactMap { statement -> String? in
            if case .assignment(let targets, _, _) = statement, case .name(let name)? = targets.first { return name }
            return nil
        }
        #expect(assigned == ["x", "z", "w"])
    }

    @Test func aLargeRegistryDictIsNotTooLong() throws {
        let entries = (0..<5_000).map { "    \"Product \($0)\": Product\($0)," }.joined(separator: "\n")
        let statements = try parse("REGISTRY.update({\n\(entries)\n})\n")
        guard case .expression(.call(_, let arguments, _), 1)? = statements.first,
            case .dict(let items)? = arguments.first
        else {
            Issue.record("not parsed as a call with a dict")
            return
        }
        #expect(items.count == 5_000)
        #expect(items[4_999].line == 5_001)
    }

    @Test(arguments: [
        (
            "x = " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + "\n",
            "too many nested parentheses"
        ),
        (
            "x: " + String(repeating: "list[", count: 10_000) + "int" + String(repeating: "]", count: 10_000) + "\n",
            "too many nested parentheses"
        ),
    ])
    func deepBracketsAreASyntaxErrorAsInCPython(_ source: String, _ message: String) {
        do {
            _ = try parse(source)
            Issue.record("expected an error")
        } catch let error as PythonSyntaxError {
            #expect(error.message == message)
            #expect(error.line == 1)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test(arguments: [
        "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + "\n",
        "x = " + String(repeating: "-", count: 100_000) + "1\n",
        "x = " + String(repeating: "not ", count: 100_000) + "y\n",
        "x = a" + String(repeating: ".b", count: 100_000) + "\n",
        "x = f" + String(repeating: "()", count: 100_000) + "\n",
    ])
    func hugeChainsAreSkippedNotOverflowed(_ source: String) throws {
        let statements = try parse(source + "y = 2\n")
        guard case .skipped(1, _)? = statements.first else {
            Issue.record("expected the statement to be skipped")
            return
        }
        #expect(statements.count == 2)
    }
}
