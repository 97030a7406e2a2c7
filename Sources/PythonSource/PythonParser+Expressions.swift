/// Expressions, by precedence climbing. Constructs the reader never needs the structure of (lambdas,
/// comprehensions, conditional expressions, slices, f-strings) are parsed for their extent and kept as `.other`.
extension PythonParser {
    /// `a, b` without brackets is a tuple.
    mutating func parseExpressionList() throws(PythonSyntaxError) -> PythonExpression {
        let first = try parseStarOrExpression()
        guard current.isOp(",") else { return first }
        var elements = [first]
        while accept(",") {
            if endsExpressionList(current) { break }
            elements.append(try parseStarOrExpression())
        }
        return .tuple(elements)
    }

    private func endsExpressionList(_ token: PythonToken) -> Bool {
        switch token.kind {
        case .newline, .end: return true
        case .op(let symbol): return ["=", ")", "]", "}", ":", ";"].contains(symbol)
        default: return false
        }
    }

    mutating func parseStarOrExpression() throws(PythonSyntaxError) -> PythonExpression {
        if accept("*") { return .other("*" + render(try parseExpression())) }
        if accept("**") { return .other("**" + render(try parseExpression())) }
        return try parseExpression()
    }

    /// Counts one level of recursion; deeper than `maximumNesting` is an error, not a stack overflow.
    mutating func enter() throws(PythonSyntaxError) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw PythonSyntaxError(
                line: current.line, message: "too deeply nested (more than \(Self.maximumNesting) levels)")
        }
    }

    /// Counts one node of an operator chain or trailer chain in the current statement.
    mutating func chain() throws(PythonSyntaxError) {
        chainNodes += 1
        if chainNodes > Self.maximumChainNodes {
            throw PythonSyntaxError(
                line: current.line, message: "expression too long (more than \(Self.maximumChainNodes) operators)")
        }
    }

    mutating func parseExpression() throws(PythonSyntaxError) -> PythonExpression {
        try enter()
        defer { nesting -= 1 }
        if acceptName("lambda") {
            // Parameters up to the ':', then the body.
            while !current.isOp(":") {
                if case .end = current.kind {
                    throw PythonSyntaxError(line: current.line, message: "unterminated lambda")
                }
                advance()
            }
            advance()
            _ = try parseExpression()
            return .other("lambda")
        }
        let value = try parseOr()
        if accept(":=") {
            _ = try parseExpression()
            return .other("walrus")
        }
        if current.isName("if") {
            advance()
            _ = try parseOr()
            guard acceptName("else") else { throw PythonSyntaxError(line: current.line, message: "expected 'else'") }
            _ = try parseExpression()
            return .other(render(value) + " if ... else ...")
        }
        return value
    }

    private mutating func parseOr() throws(PythonSyntaxError) -> PythonExpression {
        var left = try parseAnd()
        while acceptName("or") {
            try chain()
            left = .binary(left, "or", try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(PythonSyntaxError) -> PythonExpression {
        var left = try parseNot()
        while acceptName("and") {
            try chain()
            left = .binary(left, "and", try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(PythonSyntaxError) -> PythonExpression {
        if acceptName("not") {
            try enter()
            defer { nesting -= 1 }
            return .unary("not", try parseNot())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(PythonSyntaxError) -> PythonExpression {
        var left = try parseBinary(minimumPrecedence: 1)
        while true {
            if case .op(let symbol) = current.kind, ["<", ">", "==", ">=", "<=", "!="].contains(symbol) {
                advance()
                try chain()
                left = .binary(left, symbol, try parseBinary(minimumPrecedence: 1))
            } else if current.isName("in") {
                advance()
                try chain()
                left = .binary(left, "in", try parseBinary(minimumPrecedence: 1))
            } else if current.isName("not") && peek().isName("in") {
                advance()
                advance()
                try chain()
                left = .binary(left, "not in", try parseBinary(minimumPrecedence: 1))
            } else if current.isName("is") {
                advance()
                try chain()
                let op = acceptName("not") ? "is not" : "is"
                left = .binary(left, op, try parseBinary(minimumPrecedence: 1))
            } else {
                return left
            }
        }
    }

    /// Binding strength of the binary operators between comparisons and unary operators.
    private static func precedence(_ symbol: String) -> Int? {
        switch symbol {
        case "|": return 1
        case "^": return 2
        case "&": return 3
        case "<<", ">>": return 4
        case "+", "-": return 5
        case "*", "/", "//", "%", "@": return 6
        default: return nil
        }
    }

    /// Precedence climbing: one operator lookup per token instead of one pass per level.
    private mutating func parseBinary(minimumPrecedence: Int) throws(PythonSyntaxError) -> PythonExpression {
        var left = try parseUnary()
        while case .op(let symbol) = current.kind, let precedence = Self.precedence(symbol),
            precedence >= minimumPrecedence
        {
            advance()
            try chain()
            left = .binary(left, symbol, try parseBinary(minimumPrecedence: precedence + 1))
        }
        return left
    }

    private mutating func parseUnary() throws(PythonSyntaxError) -> PythonExpression {
        if case .op(let symbol) = current.kind, ["-", "+", "~"].contains(symbol) {
            advance()
            try enter()
            defer { nesting -= 1 }
            return .unary(symbol, try parseUnary())
        }
        return try parsePower()
    }

    private mutating func parsePower() throws(PythonSyntaxError) -> PythonExpression {
        _ = acceptName("await")
        let base = try parsePrimary()
        if accept("**") { return .binary(base, "**", try parseUnary()) }
        return base
    }

    private mutating func parsePrimary() throws(PythonSyntaxError) -> PythonExpression {
        var value = try parseAtom()
        while true {
            if current.isOp(".") || current.isOp("(") || current.isOp("[") { try chain() }
            if accept(".") {
                value = .attribute(value, try expectName())
            } else if accept("(") {
                let (arguments, keywords) = try parseCallArguments()
                value = .call(value, arguments: arguments, keywords: keywords)
            } else if accept("[") {
                value = .`subscript`(value, try parseSubscriptElements())
            } else {
                return value
            }
        }
    }

    /// After `(`: positional and keyword arguments up to the `)`.
    mutating func parseCallArguments() throws(PythonSyntaxError) -> ([PythonExpression], [PythonKeyword]) {
        var arguments: [PythonExpression] = []
        var keywords: [PythonKeyword] = []
        while !accept(")") {
            if accept("**") {
                keywords.append(PythonKeyword(name: nil, value: try parseExpression()))
            } else if let name = current.name, peek().isOp("=") {
                advance()
                advance()
                keywords.append(PythonKeyword(name: name, value: try parseExpression()))
            } else {
                let argument = try parseStarOrExpression()
                if current.isName("for") || current.isName("async") {
                    try skipComprehension(closing: ")")
                    return ([.other("generator")], keywords)
                }
                arguments.append(argument)
            }
            if !accept(",") {
                try expect(")")
                break
            }
        }
        return (arguments, keywords)
    }

    private mutating func parseSubscriptElements() throws(PythonSyntaxError) -> [PythonExpression] {
        var elements: [PythonExpression] = []
        while !accept("]") {
            var element: PythonExpression = current.isOp(":") ? .other("") : try parseStarOrExpression()
            if current.isOp(":") {
                // A slice: its bounds are of no interest.
                while accept(":") {
                    if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") { _ = try parseExpression() }
                }
                element = .other("slice")
            }
            elements.append(element)
            if !accept(",") {
                try expect("]")
                break
            }
        }
        return elements
    }

    /// From a comprehension's `for` to the closing bracket (which is consumed).
    private mutating func skipComprehension(closing: String) throws(PythonSyntaxError) {
        var depth = 0
        while true {
            let token = current
            if case .end = token.kind {
                throw PythonSyntaxError(line: token.line, message: "unterminated comprehension")
            }
            if case .op(let symbol) = token.kind {
                if ["(", "[", "{"].contains(symbol) { depth += 1 }
                if [")", "]", "}"].contains(symbol) {
                    if depth == 0 {
                        guard symbol == closing else {
                            throw PythonSyntaxError(line: token.line, message: "unbalanced '\(symbol)'")
                        }
                        advance()
                        return
                    }
                    depth -= 1
                }
            }
            advance()
        }
    }

    private static let reservedWords: Set<String> = [
        "import", "from", "class", "def", "return", "else", "elif", "except", "finally", "in", "is", "and", "or", "for",
        "while", "with", "pass", "raise", "del", "global", "nonlocal", "assert", "break", "continue", "if", "try",
        "lambda", "not",
    ]

    private mutating func parseAtom() throws(PythonSyntaxError) -> PythonExpression {
        let token = current
        switch token.kind {
        case .name(let name):
            if ["None", "True", "False", "NotImplemented"].contains(name) {
                advance()
                return .constant(name)
            }
            if Self.reservedWords.contains(name) {
                throw PythonSyntaxError(line: token.line, message: "unexpected '\(name)'")
            }
            advance()
            return .name(name)
        case .number(let text):
            advance()
            return .number(text)
        case .string(let first, let formatted):
            advance()
            var value = first
            var anyFormatted = formatted
            while case .string(let next, let nextFormatted) = current.kind {
                value += next
                anyFormatted = anyFormatted || nextFormatted
                advance()
            }
            return anyFormatted ? .other("f-string") : .string(value)
        case .op("..."):
            advance()
            return .constant("...")
        case .op("("):
            advance()
            if accept(")") { return .tuple([]) }
            if current.isName("yield") {
                try skipComprehension(closing: ")")
                return .other("yield")
            }
            let first = try parseStarOrExpression()
            if current.isName("for") || current.isName("async") {
                try skipComprehension(closing: ")")
                return .other("generator")
            }
            if accept(")") { return first }
            var elements = [first]
            while accept(",") {
                if current.isOp(")") { break }
                elements.append(try parseStarOrExpression())
            }
            try expect(")")
            return .tuple(elements)
        case .op("["):
            advance()
            var elements: [PythonExpression] = []
            while !accept("]") {
                elements.append(try parseStarOrExpression())
                if current.isName("for") || current.isName("async") {
                    try skipComprehension(closing: "]")
                    return .other("list comprehension")
                }
                if !accept(",") {
                    try expect("]")
                    break
                }
            }
            return .list(elements)
        case .op("{"):
            advance()
            var entries: [PythonDictEntry] = []
            var isSet = false
            while !accept("}") {
                let entryLine = current.line
                if accept("**") {
                    entries.append(
                        PythonDictEntry(key: nil, value: try parseBinary(minimumPrecedence: 1), line: entryLine))
                } else {
                    let key = try parseStarOrExpression()
                    if accept(":") {
                        entries.append(PythonDictEntry(key: key, value: try parseExpression(), line: entryLine))
                    } else {
                        isSet = true
                        entries.append(PythonDictEntry(key: nil, value: key, line: entryLine))
                    }
                }
                if current.isName("for") || current.isName("async") {
                    try skipComprehension(closing: "}")
                    return .other("comprehension")
                }
                if !accept(",") {
                    try expect("}")
                    break
                }
            }
            return isSet ? .other("set") : .dict(entries)
        default:
            throw PythonSyntaxError(line: token.line, message: "unexpected '\(describe(token))'")
        }
    }

    /// Python-like source text of an expression (for `.other` placeholders).
    func render(_ expression: PythonExpression) -> String { PythonUnparser.unparse(expression) }
}
