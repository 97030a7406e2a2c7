/// Python `tabulate`'s default ("simple") table, as orchestrator-core prints its workflow and task lists
/// (`tabulate(rows, headers=..., showindex=itertools.count(1))`): columns two spaces apart, each as wide as its
/// widest cell or its header plus two; numbers right-aligned, text left-aligned; cells stripped of surrounding
/// whitespace; a dashed line under the headers; every line without trailing spaces. No rows and no headers: "".
public enum Tabulate {
    /// `headers` includes the index column's header (`#`, or "" for `headers="keys"`).
    public static func simple(_ rows: [[String]], headers: [String]) -> String {
        // orchestrator-core only prints an empty table for `headers="keys"`, which tabulate renders as "".
        guard !rows.isEmpty else { return "" }
        let indexed = rows.enumerated().map {
            [String($0.offset + 1)] + $0.element.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let columns = headers.count
        var widths: [Int] = []
        var numeric: [Bool] = []
        for column in 0..<columns {
            let cells = indexed.map { column < $0.count ? $0[column] : "" }
            numeric.append(cells.allSatisfy { isNumber($0) } && !cells.isEmpty)
            widths.append(max(width(headers[column]) + 2, cells.map(width).max() ?? 0))
        }
        func pad(_ text: String, _ column: Int) -> String {
            let space = String(repeating: " ", count: max(0, widths[column] - width(text)))
            return numeric[column] ? space + text : text + space
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for column in 0..<columns {
                if column > 0 { text += "  " }
                text += pad(column < cells.count ? cells[column] : "", column)
            }
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += indexed.map(line)
        return lines.joined(separator: "\n")
    }

    /// A cell's width as tabulate measures it without `wcwidth` (which orchestrator-core does not install): Python's
    /// `len`, the code points. (Swift's `count` counts grapheme clusters: `e` + U+0301 is one, and tables drifted.)
    static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// Python's `float()` accepts it (tabulate's number test), without hexadecimal or underscores.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
        let lower = scalars.lowercased()
        if ["inf", "infinity", "nan"].contains(lower) { return true }
        var digits = 0
        var index = scalars.startIndex
        while index < scalars.endIndex, scalars[index].isASCII, scalars[index].isNumber {
            digits += 1
            index = scalars.index(after: index)
        }
        if index < scalars.endIndex, scalars[index] == "." {
            index = scalars.index(after: index)
            while index < scalars.endIndex, scalars[index].isASCII, scalars[index].isNumber {
                digits += 1
                index = scalars.index(after: index)
            }
        }
        guard digits > 0 else { return false }
        if index < scalars.endIndex, scalars[index] == "e" || scalars[index] == "E" {
            index = scalars.index(after: index)
            if index < scalars.endIndex, scalars[index] == "+" || scalars[index] == "-" {
                index = scalars.index(after: index)
            }
            var exponent = 0
            while index < scalars.endIndex, scalars[index].isASCII, scalars[index].isNumber {
                exponent += 1
                index = scalars.index(after: index)
            }
            guard exponent > 0 else { return false }
        }
        return index == scalars.endIndex
    }
}
