/// Parses the statements of a module (see `PythonStatement`); expressions are in `PythonParser+Expressions`.
///
/// Tolerant by design: a statement it cannot parse becomes `.skipped` with its line, and parsing goes on with the
/// next statement, so that syntax it does not know never stops the reader.
public struct PythonParser {
    var tokens: [PythonToken]
    var index = 0
    /// Recursion depth of the expression parser, and nodes built iteratively (operator chains, trailers) in the
    /// current statement: both are bounded, so no source can overflow the stack of the parser or of what reads
    /// its trees (CPython refuses such modules too: "too many nested parentheses", RecursionError).
    var nesting = 0
    var chainNodes = 0
    static let maximumNesting = 200
    static let maximumChainNodes = 2_000

    init(tokens: [PythonToken]) { self.tokens = tokens }

    /// Tokenizes and parses a whole module. Throws only for errors that make Python refuse the module.
    public static func parseModule(_ source: String) throws(PythonSyntaxError) -> [PythonStatement] {
        var parser = PythonParser(tokens: try PythonLexer.tokenize(source))
        return parser.parseStatements(untilDedent: false)
    }

    // MARK: - Token access

    var current: PythonToken { tokens[min(index, tokens.count - 1)] }
    func peek(_ offset: Int = 1) -> PythonToken { tokens[min(index + offset, tokens.count - 1)] }
    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func accept(_ symbol: String) -> Bool {
        guard current.isOp(symbol) else { return false }
        advance()
        return true
    }

    mutating func acceptName(_ word: String) -> Bool {
        guard current.isName(word) else { return false }
        advance()
        return true
    }

    mutating func expect(_ symbol: String) throws(PythonSyntaxError) {
        guard accept(symbol) else { throw PythonSyntaxError(line: current.line, message: "expected '\(symbol)'") }
    }

    mutating func expectName() throws(PythonSyntaxError) -> String {
        guard let name = current.name else { throw PythonSyntaxError(line: current.line, message: "expected a name") }
        advance()
        return name
    }

    // MARK: - Statements

    mutating func parseStatements(untilDedent: Bool) -> [PythonStatement] {
        var statements: [PythonStatement] = []
        while true {
            switch current.kind {
            case .end: return statements
            case .dedent:
                advance()
                if untilDedent { return statements }
            case .newline, .indent:
                advance()
            default:
                let start = index
                nesting = 0
                chainNodes = 0
                do {
                    statements.append(contentsOf: try parseStatement())
                } catch {
                    statements.append(.skipped(line: error.line, reason: error.message))
                    index = start
                    skipLogicalLine()
                }
            }
        }
    }

    /// Skips to the end of the current logical line and, when a block follows, the whole block.
    mutating func skipLogicalLine() {
        while true {
            switch current.kind {
            case .end: return
            case .newline:
                advance()
                if case .indent = current.kind { skipBlock() }
                return
            default: advance()
            }
        }
    }

    /// At an INDENT: skips to its matching DEDENT.
    mutating func skipBlock() {
        var level = 0
        while true {
            switch current.kind {
            case .end: return
            case .indent: level += 1
            case .dedent:
                level -= 1
                if level == 0 {
                    advance()
                    return
                }
            default: break
            }
            advance()
        }
    }

    private static let skippedSimpleStatements: Set<String> = [
        "pass", "return", "raise", "break", "continue", "global", "nonlocal", "del", "assert", "yield", "print",
    ]
    private static let compoundKeywords: Set<String> = [
        "if", "elif", "else", "try", "except", "finally", "with", "for", "while",
    ]

    mutating func parseStatement() throws(PythonSyntaxError) -> [PythonStatement] {
        let line = current.line
        if current.isOp("@") {
            var decorators: [PythonExpression] = []
            while accept("@") {
                decorators.append(try parseExpression())
                guard case .newline = current.kind else {
                    throw PythonSyntaxError(line: current.line, message: "expected a new line after a decorator")
                }
                advance()
            }
            if current.isName("class") { return [.classDefinition(try parseClass())] }
            _ = acceptName("async")
            guard current.isName("def") else {
                throw PythonSyntaxError(line: current.line, message: "expected 'def' or 'class' after decorators")
            }
            return [try parseFunction(decorators: decorators)]
        }
        guard let word = current.name else { return try parseSimpleStatements() }
        switch word {
        case "class": return [.classDefinition(try parseClass())]
        case "def": return [try parseFunction(decorators: [])]
        case "async" where peek().isName("def"):
            advance()
            return [try parseFunction(decorators: [])]
        case "import", "from": return try parseSimpleStatements()
        case "async" where peek().isName("with") || peek().isName("for"):
            advance()
            return [.compound(try parseCompound())]
        case _ where Self.compoundKeywords.contains(word) && !peek().isOp("=") && !peek().isOp("."):
            return [.compound(try parseCompound())]
        case "match" where lineEndsWithColonBeforeIndent():
            // A `match` statement: nothing in it defines models; skip it whole.
            skipLogicalLine()
            return [.skipped(line: line, reason: Self.matchSkipped)]
        default:
            return try parseSimpleStatements()
        }
    }

    static let matchSkipped = "match statement skipped"

    /// Skipped statements that cannot hide a definition: a `match` statement defines no class or alias.
    public static func isHarmless(_ reason: String) -> Bool { reason == matchSkipped }

    /// One expression from source text (a string annotation such as `"NodeBlock | None"`), or nil when it is not one.
    public static func parseExpression(_ source: String) -> PythonExpression? {
        guard let tokens = try? PythonLexer.tokenize(source) else { return nil }
        var parser = PythonParser(tokens: tokens)
        return try? parser.parseExpression()
    }

    private func lineEndsWithColonBeforeIndent() -> Bool {
        var scan = index
        while scan < tokens.count {
            if case .newline = tokens[scan].kind {
                return scan > 0 && tokens[scan - 1].isOp(":")
            }
            scan += 1
        }
        return false
    }

    /// `if x:` / `try:` / `with ...:` ... : the header is skipped, the body parsed; `else`, `elif`, `except` and
    /// `finally` clauses that follow are parsed into the same list.
    mutating func parseCompound() throws(PythonSyntaxError) -> [PythonStatement] {
        var body: [PythonStatement] = []
        repeat {
            try skipHeader()
            body.append(contentsOf: try parseSuite())
        } while ["elif", "else", "except", "finally"].contains(current.name ?? "") && !peek().isOp("=")
        return body
    }

    /// Skips to the `:` that ends a compound statement's header (brackets are balanced by the lexer's tokens).
    mutating func skipHeader() throws(PythonSyntaxError) {
        var depth = 0
        while true {
            let token = current
            switch token.kind {
            case .end, .newline: throw PythonSyntaxError(line: token.line, message: "expected ':'")
            case .op(let symbol):
                if "([{".contains(symbol) && symbol.count == 1 { depth += 1 }
                if ")]}".contains(symbol) && symbol.count == 1 { depth -= 1 }
                if symbol == ":" && depth == 0 {
                    advance()
                    return
                }
            default: break
            }
            advance()
        }
    }

    /// The body after a `:`: an indented block, or simple statements on the same line.
    mutating func parseSuite() throws(PythonSyntaxError) -> [PythonStatement] {
        if case .newline = current.kind {
            advance()
            guard case .indent = current.kind else {
                throw PythonSyntaxError(line: current.line, message: "expected an indented block")
            }
            advance()
            return parseStatements(untilDedent: true)
        }
        return try parseSimpleStatements()
    }

    mutating func parseClass() throws(PythonSyntaxError) -> PythonClassDefinition {
        let line = current.line
        advance()  // class
        let name = try expectName()
        var bases: [PythonExpression] = []
        var keywords: [PythonKeyword] = []
        if accept("(") {
            (bases, keywords) = try parseCallArguments()
        }
        try expect(":")
        let body = try parseSuite()
        return PythonClassDefinition(name: name, line: line, bases: bases, keywords: keywords, body: body)
    }

    mutating func parseFunction(decorators: [PythonExpression]) throws(PythonSyntaxError) -> PythonStatement {
        let line = current.line
        advance()  // def
        let name = try expectName()
        try skipHeader()
        if case .newline = current.kind {
            advance()
            if case .indent = current.kind { skipBlock() }
        } else {
            while true {
                if case .newline = current.kind {
                    advance()
                    break
                }
                if case .end = current.kind { break }
                advance()
            }
        }
        return .functionDefinition(name: name, decorators: decorators, line: line)
    }

    /// Simple statements separated by `;`, up to the end of the line.
    mutating func parseSimpleStatements() throws(PythonSyntaxError) -> [PythonStatement] {
        var statements: [PythonStatement] = []
        while true {
            if let statement = try parseSimpleStatement() { statements.append(statement) }
            if accept(";") {
                if case .newline = current.kind { break }
                continue
            }
            break
        }
        switch current.kind {
        case .newline: advance()
        case .end: break
        default: throw PythonSyntaxError(line: current.line, message: "unexpected '\(describe(current))'")
        }
        return statements
    }

    func describe(_ token: PythonToken) -> String {
        switch token.kind {
        case .name(let value), .number(let value), .op(let value): return value
        case .string: return "string"
        case .newline: return "end of line"
        case .indent: return "indent"
        case .dedent: return "dedent"
        case .end: return "end of file"
        }
    }

    mutating func parseSimpleStatement() throws(PythonSyntaxError) -> PythonStatement? {
        let line = current.line
        if let word = current.name, Self.skippedSimpleStatements.contains(word), !peek().isOp("="), !peek().isOp(".") {
            while true {
                switch current.kind {
                case .newline, .end: return nil
                default:
                    if current.isOp(";") { return nil }
                    advance()
                }
            }
        }
        if acceptName("import") {
            var names: [PythonImportedName] = []
            repeat {
                let module = try parseDottedName()
                names.append(PythonImportedName(name: module, alias: acceptName("as") ? try expectName() : nil))
            } while accept(",")
            return .importModules(names, line: line)
        }
        if acceptName("from") {
            var level = 0
            while true {
                if accept(".") { level += 1 } else if accept("...") { level += 3 } else { break }
            }
            let module = current.isName("import") ? "" : try parseDottedName()
            guard acceptName("import") else {
                throw PythonSyntaxError(line: current.line, message: "expected 'import'")
            }
            var names: [PythonImportedName] = []
            if accept("*") {
                names.append(PythonImportedName(name: "*", alias: nil))
            } else {
                let parenthesised = accept("(")
                repeat {
                    if parenthesised && current.isOp(")") { break }
                    let name = try expectName()
                    names.append(PythonImportedName(name: name, alias: acceptName("as") ? try expectName() : nil))
                } while accept(",")
                if parenthesised { try expect(")") }
            }
            return .importFrom(module: module, level: level, names: names, line: line)
        }
        let first = try parseExpressionList()
        if accept(":") {
            let annotation = try parseExpression()
            let value: PythonExpression? = accept("=") ? try parseAssignedValue() : nil
            return .annotatedAssignment(target: first, annotation: annotation, value: value, line: line)
        }
        if current.isOp("=") {
            var targets = [first]
            var value = first
            while accept("=") {
                value = try parseAssignedValue()
                targets.append(value)
            }
            targets.removeLast()
            return .assignment(targets: targets, value: value, line: line)
        }
        if case .op(let symbol) = current.kind, symbol.count >= 2, symbol.hasSuffix("="),
            !["==", "<=", ">=", "!="].contains(symbol)
        {
            advance()  // augmented assignment: evaluated by nothing the reader needs
            _ = try parseAssignedValue()
            return nil
        }
        return .expression(first, line: line)
    }

    mutating func parseAssignedValue() throws(PythonSyntaxError) -> PythonExpression {
        if current.isName("yield") {
            while true {
                switch current.kind {
                case .newline, .end: return .other("yield")
                default: advance()
                }
            }
        }
        return try parseExpressionList()
    }

    mutating func parseDottedName() throws(PythonSyntaxError) -> String {
        var parts = [try expectName()]
        while accept(".") { parts.append(try expectName()) }
        return parts.joined(separator: ".")
    }
}
