/// Splits Python source into tokens the way CPython's tokenizer does for everything the model reader needs:
/// INDENT/DEDENT from indentation, implicit line joining inside brackets, backslash continuation, string prefixes
/// and triple quotes. Works on UTF-8 bytes; any byte ≥ 0x80 counts as part of a name (Python allows Unicode
/// identifiers).
///
/// Errors that make CPython refuse the module (unterminated string, inconsistent dedent, stray characters) throw a
/// `PythonSyntaxError` with the line.
struct PythonLexer {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var depth = 0
    private var indents = [0]
    private var tokens: [PythonToken] = []
    private var atLineStart = true

    init(_ source: String) { bytes = Array(source.utf8) }

    static func tokenize(_ source: String) throws(PythonSyntaxError) -> [PythonToken] {
        var lexer = PythonLexer(source)
        return try lexer.run()
    }

    private mutating func run() throws(PythonSyntaxError) -> [PythonToken] {
        tokens.reserveCapacity(bytes.count / 4)
        while position < bytes.count {
            if atLineStart && depth == 0 {
                try handleIndentation()
                if position >= bytes.count { break }
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0c:
                position += 1
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "\\"):
                // Line continuation: a backslash right before the end of the line.
                var next = position + 1
                if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
                guard next >= bytes.count || bytes[next] == UInt8(ascii: "\n") else {
                    throw PythonSyntaxError(
                        line: line, message: "unexpected character after line continuation character")
                }
                position = next + 1
                line += 1
            case UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                if depth == 0 {
                    emitNewline()
                    atLineStart = true
                }
                line += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                try lexString(prefix: "")
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "."):
                if position + 1 < bytes.count, isDigit(bytes[position + 1]) {
                    lexNumber()
                } else {
                    try lexOperator()
                }
            default:
                if isNameStart(byte) {
                    let start = position
                    while position < bytes.count, isNameContinue(bytes[position]) { position += 1 }
                    // A string prefix (r, b, u, f and their pairs) directly before a quote.
                    if position < bytes.count,
                        bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'"),
                        position - start <= 2
                    {
                        let prefix = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
                        if ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(prefix) {
                            try lexString(prefix: prefix)
                            continue
                        }
                    }
                    append(.name(String(decoding: bytes[start..<position], as: UTF8.self)))
                } else {
                    try lexOperator()
                }
            }
        }
        emitNewline()
        while indents.count > 1 {
            indents.removeLast()
            append(.dedent)
        }
        append(.end)
        return tokens
    }

    private mutating func append(_ kind: PythonToken.Kind) { tokens.append(PythonToken(kind: kind, line: line)) }

    private mutating func emitNewline() {
        guard let last = tokens.last else { return }
        switch last.kind {
        case .newline, .indent, .dedent: return
        default: append(.newline)
        }
    }

    /// Measures the indentation of a new logical line; blank and comment-only lines do not count.
    private mutating func handleIndentation() throws(PythonSyntaxError) {
        atLineStart = false
        while true {
            var column = 0
            var scan = position
            scanning: while scan < bytes.count {
                switch bytes[scan] {
                case UInt8(ascii: " "): column += 1
                case UInt8(ascii: "\t"): column = (column / 8 + 1) * 8
                case 0x0c: column = 0
                default: break scanning
                }
                scan += 1
            }
            position = scan
            if scan >= bytes.count { return }
            let first = bytes[scan]
            if first == UInt8(ascii: "\n") || first == UInt8(ascii: "#") || first == UInt8(ascii: "\r") {
                // A blank or comment-only line: skip it and measure the next one.
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                if position < bytes.count {
                    position += 1
                    line += 1
                }
                continue
            }
            let current = indents[indents.count - 1]
            // Python accepts a deeper indentation only after a line ending in ':', and requires one there.
            let opensBlock = tokens.count >= 2 && tokens[tokens.count - 2].isOp(":")
            if column > current && !opensBlock {
                throw PythonSyntaxError(line: line, message: "unexpected indent")
            }
            if column <= current && opensBlock {
                throw PythonSyntaxError(line: line, message: "expected an indented block")
            }
            if column > current {
                indents.append(column)
                append(.indent)
            } else if column < current {
                while let top = indents.last, top > column {
                    indents.removeLast()
                    append(.dedent)
                }
                if indents.last != column {
                    throw PythonSyntaxError(line: line, message: "unindent does not match any outer indentation level")
                }
            }
            return
        }
    }

    private mutating func lexNumber() {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if isNameContinue(byte) || byte == UInt8(ascii: ".") {
                position += 1
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), position > start,
                bytes[position - 1] == UInt8(ascii: "e") || bytes[position - 1] == UInt8(ascii: "E"),
                !isHexPrefixed(start)
            {
                position += 1
            } else {
                break
            }
        }
        append(.number(String(decoding: bytes[start..<position], as: UTF8.self)))
    }

    private func isHexPrefixed(_ start: Int) -> Bool {
        start + 1 < bytes.count && (bytes[start + 1] == UInt8(ascii: "x") || bytes[start + 1] == UInt8(ascii: "X"))
    }

    private mutating func lexString(prefix: String) throws(PythonSyntaxError) {
        let quote = bytes[position]
        let startLine = line
        let raw = prefix.contains("r")
        let triple = position + 2 < bytes.count && bytes[position + 1] == quote && bytes[position + 2] == quote
        position += triple ? 3 : 1
        var value: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw PythonSyntaxError(
                    line: startLine,
                    message: triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
            }
            let byte = bytes[position]
            if byte == quote {
                if !triple {
                    position += 1
                    break
                }
                if position + 2 < bytes.count, bytes[position + 1] == quote, bytes[position + 2] == quote {
                    position += 3
                    break
                }
                value.append(byte)
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\n") {
                guard triple else { throw PythonSyntaxError(line: startLine, message: "unterminated string literal") }
                line += 1
                value.append(byte)
                position += 1
                continue
            }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let next = bytes[position + 1]
                if next == UInt8(ascii: "\n") { line += 1 }
                if raw {
                    value.append(byte)
                    value.append(next)
                } else {
                    appendEscape(next, into: &value)
                }
                position += 2
                continue
            }
            value.append(byte)
            position += 1
        }
        append(.string(String(decoding: value, as: UTF8.self), formatted: prefix.contains("f")))
    }

    /// The common escapes; others are kept as written (model files use strings for names, not for bytes).
    private func appendEscape(_ next: UInt8, into value: inout [UInt8]) {
        switch next {
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): value.append(next)
        case UInt8(ascii: "\n"): break
        default:
            value.append(UInt8(ascii: "\\"))
            value.append(next)
        }
    }

    private mutating func lexOperator() throws(PythonSyntaxError) {
        let byte = bytes[position]
        let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
        let third: UInt8 = position + 2 < bytes.count ? bytes[position + 2] : 0
        func ascii(_ c: Unicode.Scalar) -> UInt8 { UInt8(ascii: c) }
        var length = 1
        switch byte {
        case ascii("."):
            if next == ascii("."), third == ascii(".") { length = 3 }
        case ascii("*"), ascii("/"), ascii("<"), ascii(">"):
            if next == byte {
                // **, //, <<, >> and their augmented forms
                length = third == ascii("=") ? 3 : 2
            } else if next == ascii("=") || (byte == ascii("<") && next == ascii(">")) {
                length = 2
            }
        case ascii("-"):
            if next == ascii(">") || next == ascii("=") { length = 2 }
        case ascii("="), ascii("!"), ascii("+"), ascii("%"), ascii("&"), ascii("|"), ascii("^"), ascii("@"), ascii(":"):
            if next == ascii("=") { length = 2 }
        case ascii("("), ascii("["), ascii("{"):
            depth += 1
            // CPython's tokenizer stops at 200 open brackets (MAXLEVEL).
            if depth >= 200 { throw PythonSyntaxError(line: line, message: "too many nested parentheses") }
        case ascii(")"), ascii("]"), ascii("}"):
            depth = max(0, depth - 1)
        case ascii(","), ascii(";"), ascii("~"):
            break
        default:
            let shown = (0x21...0x7E).contains(byte) ? "'\(UnicodeScalar(byte))'" : "0x\(String(byte, radix: 16))"
            throw PythonSyntaxError(line: line, message: "invalid character \(shown)")
        }
        if length == 1 && byte == ascii("!") {
            throw PythonSyntaxError(line: line, message: "invalid syntax '!'")
        }
        append(.op(String(decoding: bytes[position..<position + length], as: UTF8.self)))
        position += length
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isNameContinue(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }
}
