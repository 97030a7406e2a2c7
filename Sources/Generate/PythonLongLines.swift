import Catalogue
import Foundation
import PythonSource

/// The lines a template writes flat that `ruff format` splits at 120 columns (as ruff measures them: a wide
/// character takes two), for the statement shapes generated code has, each as ruff splits it:
/// - `def f(a: A, b: B) -> R:`: the parameters on one indented line, or one per line with a trailing comma (a sole
///   parameter always so);
/// - `name: Annotation = value`: the value split when the first line then fits, else the annotation (before a
///   constant only); `name: Annotation`: the annotation;
/// - `target = value`: the value split inside its last bracket (`Annotated[...]`, `f(...)`: the contents on one
///   indented line, or one per line with a trailing comma) when the line up to it fits, else in parentheses; the
///   same for an annotation.
/// Lines that fit, comments, decorators and lines inside an open bracket are left alone.
enum PythonLongLines {
    /// `lines` with the long statements split; a line that starts inside an open bracket (an argument, a parameter,
    /// a dict entry) is not a statement and is left alone.
    static func wrap(_ lines: [String]) -> [String] {
        var depth = 0
        return lines.map { line in
            let wrapped = depth == 0 ? wrap(line) : line
            depth = max(0, depth + Scan.netDepth(line))
            return wrapped
        }
    }

    static func wrap(_ line: String) -> String {
        guard DisplayWidth.of(line) > PythonWrap.width else { return line }
        let indent = String(line.prefix { $0 == " " })
        let body = String(line.dropFirst(indent.count))
        let inner = indent + "    "
        let u = body.unicodeScalars
        guard let scan = Scan(body), scan.isBalanced, !body.hasPrefix("#"), !body.hasPrefix("@"),
            !body.contains("\"\"\"")
        else { return line }
        if body.hasPrefix("def "), let open = scan.firstTopLevel("("), let close = scan.closing(of: open),
            u[close...].starts(with: ") ".unicodeScalars)
        {
            let parameters = Scan.split(String(u[u.index(after: open)..<close]))
            guard !parameters.isEmpty else { return line }
            // Several parameters that fit on one indented line stay together; a sole one gets a trailing comma.
            let hugged = inner + parameters.joined(separator: ", ")
            if parameters.count > 1 && DisplayWidth.of(hugged) <= PythonWrap.width {
                return indent + String(u[...open]) + "\n" + hugged + "\n" + indent + String(u[close...])
            }
            return indent + String(u[...open]) + "\n" + parameters.map { inner + $0 + ",\n" }.joined() + indent
                + String(u[close...])
        }
        let equals = scan.firstTopLevel(" = ")
        let colon = scan.firstTopLevel(": ").flatMap { colon in equals.map { colon < $0 } ?? true ? colon : nil }
        let targetEnd = colon ?? equals
        guard let targetEnd, Self.isTarget(String(u[..<targetEnd])) else { return line }
        let target = String(u[..<targetEnd])
        let value = equals.map { String(u[u.index($0, offsetBy: 3)...]) }
        /// `expression` split inside its last bracket (a call's or a subscript's), as ruff prefers to adding
        /// parentheses, when the line up to that bracket fits.
        func insideBrackets(_ prefix: String, _ expression: String, _ suffix: String = "") -> String? {
            guard let trailer = Self.trailer(expression) else { return nil }
            let first = prefix + trailer.head + trailer.open
            guard DisplayWidth.of(first) <= PythonWrap.width else { return nil }
            let hugged = inner + trailer.contents
            let items = Scan.split(trailer.contents)
            if DisplayWidth.of(hugged) <= PythonWrap.width || items.count == 1 {
                return first + "\n" + hugged + "\n" + indent + trailer.close + suffix
            }
            return first + "\n" + items.map { inner + $0 + ",\n" }.joined() + indent + trailer.close + suffix
        }
        func parenthesized(_ prefix: String, _ expression: String, _ suffix: String = "") -> String {
            prefix + "(\n" + inner + expression + "\n" + indent + ")" + suffix
        }
        if let colon {
            let annotationStart = u.index(colon, offsetBy: 2)
            let annotation = String(u[annotationStart..<(equals ?? u.endIndex)])
            let head = indent + target + ": "
            if let value {
                if DisplayWidth.of(head + annotation + " = (") <= PythonWrap.width {
                    return insideBrackets(head + annotation + " = ", value)
                        ?? parenthesized(head + annotation + " = ", value)
                }
                // ruff splits the annotation only before a constant; before anything else it keeps the line.
                guard Self.isConstant(value) else { return line }
                return insideBrackets(head, annotation, " = " + value)
                    ?? parenthesized(head, annotation, " = " + value)
            }
            return insideBrackets(head, annotation) ?? parenthesized(head, annotation)
        }
        guard let value else { return line }
        let head = indent + target + " = "
        return insideBrackets(head, value) ?? parenthesized(head, value)
    }

    /// `None`, `True`, `False` or a number.
    static func isConstant(_ value: String) -> Bool {
        ["None", "True", "False"].contains(value) || Double(value.replacingOccurrences(of: "_", with: "")) != nil
    }

    /// A dotted name (`x`, `subscription.port.vlan`): what an assignment generated code writes assigns to.
    static func isTarget(_ text: String) -> Bool {
        !text.isEmpty
            && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
                PythonIdentifier.isIdentifier(String($0))
            }
    }

    /// The expression as `head` + its last bracket group (`Annotated[...]`, `X.from_subscription(...)`), when that
    /// group ends it and the head is a name, an attribute or a call chain (no operator at the top level).
    static func trailer(_ expression: String) -> (head: String, open: String, contents: String, close: String)? {
        let u = expression.unicodeScalars
        guard let last = u.indices.last, u[last] == ")" || u[last] == "]", let scan = Scan(expression),
            scan.isBalanced, let open = scan.opening(of: last), open > u.startIndex
        else { return nil }
        let head = String(u[..<open])
        guard scan.firstTopLevel(" ").map({ $0 >= open }) ?? true,
            let end = head.unicodeScalars.last,
            end == "_" || end == ")" || end == "]" || end.properties.isAlphabetic
                || ("0"..."9").contains(end)
        else { return nil }
        return (head, String(u[open]), String(u[u.index(after: open)..<last]), String(u[last]))
    }
}

/// One line of Python read for its structure: string literals skipped (quotes by scalar, with backslash escapes),
/// bracket depth tracked, so that separators inside strings or brackets are not taken for top-level ones.
struct Scan {
    let text: String
    /// The depth before each index; nil inside a string.
    private var depth: [String.Index: Int] = [:]
    private var pairs: [String.Index: String.Index] = [:]
    private(set) var isBalanced = true

    init?(_ text: String) {
        self.text = text
        var stack: [String.Index] = []
        var quote: Unicode.Scalar?
        var escaped = false
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let character = scalars[index]
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
            } else {
                depth[index] = stack.count
                switch character {
                case "\"", "'": quote = character
                case "(", "[", "{": stack.append(index)
                case ")", "]", "}":
                    guard let open = stack.popLast() else { return nil }
                    pairs[open] = index
                    depth[index] = stack.count
                default: break
                }
            }
            index = scalars.index(after: index)
        }
        isBalanced = stack.isEmpty && quote == nil
    }

    /// The first occurrence of `separator` outside strings and brackets.
    func firstTopLevel(_ separator: String) -> String.Index? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if depth[index] == 0, scalars[index...].starts(with: separator.unicodeScalars) { return index }
            index = scalars.index(after: index)
        }
        return nil
    }

    func closing(of open: String.Index) -> String.Index? { pairs[open] }

    func opening(of close: String.Index) -> String.Index? { pairs.first { $0.value == close }?.key }

    /// How many brackets the line leaves open (negative: closes more than it opens), strings skipped.
    static func netDepth(_ line: String) -> Int {
        var depth = 0
        var quote: Unicode.Scalar?
        var escaped = false
        for scalar in line.unicodeScalars {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "#": return depth
            case "\"", "'": quote = scalar
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
        }
        return depth
    }

    /// `text` cut at its top-level commas, each part trimmed.
    static func split(_ text: String) -> [String] {
        guard let scan = Scan(text) else { return [text] }
        let scalars = text.unicodeScalars
        var parts: [String] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if scan.depth[index] == 0, scalars[index] == "," {
                parts.append(String(scalars[start..<index]))
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        parts.append(String(scalars[start...]))
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
