/// The blank-line and whitespace rules of `ruff format` applied to rendered templates, whose optional parts (empty
/// hooks, no validators) leave gaps: no trailing spaces, no blank lines at the start of the file or of a block,
/// at most two blank lines at the top level and one inside a block, exactly two before a top-level `def`, `class`
/// or decorator that follows other code (not between a wrapped decorator and its `def`), one newline at the end;
/// and long lines split as ruff splits them (`PythonLongLines`).
public enum PythonLayout {
    public static func normalize(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        var out: [String] = []
        var blanks = 0
        // Whether the line above ends a decorator: one line, or the `)` of one wrapped over several.
        var decoratorEnds = false
        var inDecorator = false
        for line in lines {
            if line.isEmpty {
                blanks += 1
                continue
            }
            let indented = line.hasPrefix(" ")
            let startsDefinition =
                !indented
                && (line.hasPrefix("def ") || line.hasPrefix("class ") || line.hasPrefix("@")
                    || line.hasPrefix("async def "))
            if let previous = out.last {
                let opensBlock = previous.hasSuffix(":") && indented
                var wanted = min(blanks, indented ? 1 : 2)
                if opensBlock { wanted = 0 }
                // Two blank lines before a top-level definition, unless a decorator or comment sits right above it.
                if startsDefinition && !decoratorEnds && !previous.hasPrefix("#") { wanted = 2 }
                // A decorator sits right on what it decorates.
                if startsDefinition && decoratorEnds { wanted = 0 }
                // After a top-level definition's body, two blank lines before the next top-level statement.
                if !indented && previous.hasPrefix(" ") && !line.hasPrefix(")") && blanks > 0 { wanted = 2 }
                out += Array(repeating: "", count: wanted)
            }
            out.append(line)
            blanks = 0
            if !indented && line.hasPrefix("@") {
                inDecorator = line.hasSuffix("(")
                decoratorEnds = !inDecorator
            } else if inDecorator {
                if !indented && line.hasPrefix(")") {
                    inDecorator = false
                    decoratorEnds = true
                }
            } else {
                decoratorEnds = false
            }
        }
        return PythonLongLines.wrap(out).joined(separator: "\n") + "\n"
    }
}
