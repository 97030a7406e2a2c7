/// Reads the SQL of a revision function that does nothing but run literal SQL: a body of exactly
///
/// ```python
/// def upgrade() -> None:
///     conn = op.get_bind()
///     conn.execute(sa.text("""…"""))
///     …
/// ```
///
/// or `pass`. Anything else in the body (another call, a variable, an `if`, an f-string) means the function is not
/// plain SQL, and nil is returned: it can only be run by Python.
public enum PythonExecuteCalls {
    /// The `sa.text` arguments of the top-level function `name`, in order (as the string values Python sees:
    /// escapes decoded, SQLAlchemy's `\:` not yet); `[]` for `pass`; nil when the body is anything else or the
    /// function is missing.
    public static func statements(in source: String, function name: String) throws(PythonSyntaxError) -> [String]? {
        let tokens = try PythonLexer.tokenize(source)
        guard let body = functionBody(tokens, name: name) else { return nil }
        var reader = TokenReader(tokens: body)
        if reader.take(.name("pass")), reader.take(.newline), reader.atEnd { return [] }
        reader = TokenReader(tokens: body)
        guard reader.takeAll([.name("conn"), .op("="), .name("op"), .op("."), .name("get_bind"), .op("("), .op(")")]),
            reader.take(.newline)
        else { return nil }
        var statements: [String] = []
        while !reader.atEnd {
            guard
                reader.takeAll([
                    .name("conn"), .op("."), .name("execute"), .op("("), .name("sa"), .op("."), .name("text"), .op("("),
                ]),
                case .string(let value, formatted: false)? = reader.next(),
                reader.takeAll([.op(")"), .op(")")]), reader.take(.newline)
            else { return nil }
            statements.append(value)
        }
        return statements
    }

    /// The tokens between the INDENT and the matching DEDENT of `def name(...) ...:` at the top level.
    static func functionBody(_ tokens: [PythonToken], name: String) -> [PythonToken]? {
        var depth = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .indent: depth += 1
            case .dedent: depth -= 1
            default: break
            }
            if depth == 0, token.isName("def"), index + 1 < tokens.count, tokens[index + 1].isName(name) {
                // The signature runs to the NEWLINE after its ':'; the body is the indented block after it.
                var start = index + 2
                while start < tokens.count, tokens[start].kind != .newline { start += 1 }
                guard start + 1 < tokens.count, tokens[start + 1].kind == .indent else { return nil }
                var level = 0
                var end = start + 1
                while end < tokens.count {
                    if tokens[end].kind == .indent { level += 1 }
                    if tokens[end].kind == .dedent {
                        level -= 1
                        if level == 0 { break }
                    }
                    end += 1
                }
                return Array(tokens[(start + 2)..<min(end, tokens.count)])
            }
            index += 1
        }
        return nil
    }

    private struct TokenReader {
        let tokens: [PythonToken]
        var position = 0

        var atEnd: Bool { position >= tokens.count }

        mutating func next() -> PythonToken.Kind? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position].kind
        }

        mutating func take(_ kind: PythonToken.Kind) -> Bool {
            guard position < tokens.count, tokens[position].kind == kind else { return false }
            position += 1
            return true
        }

        mutating func takeAll(_ kinds: [PythonToken.Kind]) -> Bool {
            for kind in kinds where !take(kind) { return false }
            return true
        }
    }
}
