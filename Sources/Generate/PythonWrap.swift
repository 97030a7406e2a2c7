import Catalogue

/// Long lines laid out the way `ruff format` lays them out at 120 columns (as ruff measures them: a wide character
/// takes two), for the few shapes the generator writes:
/// a bracketed argument or parameter list that does not fit on one line goes on one indented line if that fits,
/// else one item per line with a trailing comma.
enum PythonWrap {
    static let width = 120

    /// `opening` + items + `closing` (`class X(` … `):`, `def f(` … `) -> State:`), at `indent`.
    /// `forceExpand`: one item per line with the magic trailing comma, whatever the length.
    static func bracketed(
        _ opening: String, _ items: [String], _ closing: String, indent: String = "", forceExpand: Bool = false
    ) -> String {
        let flat = indent + opening + items.joined(separator: ", ") + closing
        if !forceExpand && DisplayWidth.of(flat) <= width { return flat }
        let inner = indent + "    "
        let joined = inner + items.joined(separator: ", ")
        // A sole argument goes on its own line however long (ruff adds no trailing comma to split it further).
        if !forceExpand && (DisplayWidth.of(joined) <= width || items.count == 1) && !items.isEmpty {
            return indent + opening + "\n" + joined + "\n" + indent + closing
        }
        return indent + opening + "\n" + items.map { inner + $0 + ",\n" }.joined() + indent + closing
    }
}

/// `# TODO:` comments kept within 120 columns: the text (on one line) wrapped at spaces.
enum PythonComment {
    static func todo(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var current = indent + "# TODO:"
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if DisplayWidth.of(current) + 1 + DisplayWidth.of(String(word)) > PythonWrap.width
                && current != indent + "#"
            {
                lines.append(current)
                current = indent + "#"
            }
            current += " " + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
