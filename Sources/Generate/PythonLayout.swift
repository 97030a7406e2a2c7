/// The blank-line and whitespace rules of `ruff format` applied to rendered templates, whose optional parts (empty
/// hooks, no validators) leave gaps: no trailing spaces, no blank lines at the start of the file or of a block,
/// at most two blank lines at the top level and one inside a block, exactly two before a top-level `def`, `class`
/// or decorator that follows other code, and one newline at the end.
public enum PythonLayout {
    public static func normalize(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        var out: [String] = []
        var blanks = 0
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
                if startsDefinition && !previous.hasPrefix("@") && !previous.hasPrefix("#") { wanted = 2 }
                // After a top-level definition's body, two blank lines before the next top-level statement.
                if !indented && previous.hasPrefix(" ") && !line.hasPrefix(")") && blanks > 0 { wanted = 2 }
                out += Array(repeating: "", count: wanted)
            }
            out.append(line)
            blanks = 0
        }
        return out.joined(separator: "\n") + "\n"
    }
}
