import Catalogue

/// The imports of a generated module, written as `ruff` leaves them: only what is used, three groups (standard
/// library, third party, the project) with a blank line between, each sorted by module with its names sorted, one
/// `from` line per module, wrapped in parentheses one name per line when longer than 120 columns.
public struct PythonImports: Sendable {
    private var names: [String: Set<String>] = [:]
    private var modules: Set<String> = []
    /// Top-level packages of the project (`products`, `workflows`, `test`, a folder prefix's first part).
    let firstParty: Set<String>

    static let standardLibrary: Set<String> = [
        "collections", "datetime", "decimal", "enum", "importlib", "ipaddress", "pathlib", "typing", "uuid",
    ]

    public init(firstParty: Set<String>) { self.firstParty = firstParty }

    public mutating func from(_ module: String, _ name: String) { names[module, default: []].insert(name) }

    public mutating func module(_ module: String) { modules.insert(module) }

    private func group(_ module: String) -> Int {
        let top = String(module.split(separator: ".").first ?? "")
        if Self.standardLibrary.contains(top) { return 0 }
        return firstParty.contains(top) ? 2 : 1
    }

    public var text: String {
        var groups: [[String]] = [[], [], []]
        // ruff's isort defaults: within a group, the `import x` lines first, then the `from x import` lines, each
        // sorted by module name.
        let order: (String, String) -> Bool = {
            $0.lowercased() == $1.lowercased() ? $0 < $1 : $0.lowercased() < $1.lowercased()
        }
        for module in modules.sorted(by: order) { groups[group(module)].append("import \(module)") }
        for module in names.keys.sorted(by: order) {
            if let imported = names[module] {
                let sorted = imported.sorted(by: Self.isortOrder)
                let line = "from \(module) import \(sorted.joined(separator: ", "))"
                groups[group(module)].append(
                    DisplayWidth.of(line) <= PythonWrap.width
                        ? line : "from \(module) import (\n" + sorted.map { "    \($0),\n" }.joined() + ")")
            }
        }
        return groups.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// isort's "force sort within sections" default for names: constants, classes, then functions (case-sensitive).
    static func isortOrder(_ a: String, _ b: String) -> Bool {
        func rank(_ name: String) -> Int {
            if name == name.uppercased() && name.count > 1 { return 0 }
            return name.first?.isUppercase == true ? 1 : 2
        }
        let (ra, rb) = (rank(a), rank(b))
        return ra == rb ? a < b : ra < rb
    }
}

/// Python literals as ruff's formatter writes them.
public enum PythonLiteral {
    /// A double-quoted string (single quotes when the text has double quotes and no single ones, as ruff prefers).
    public static func string(_ text: String) -> String {
        // By scalar: a quote followed by a combining mark is still a quote to ruff.
        let useSingle = text.unicodeScalars.contains { $0 == "\"" } && !text.unicodeScalars.contains { $0 == "'" }
        let quote: Character = useSingle ? "'" : "\""
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Character(scalar) == quote: out += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + String(quote)
    }

    /// An integer with `_` every three digits from five digits on (`32_767`), as orchestrator-core's `'{:_}'` writes
    /// bounds; ruff keeps it.
    public static func integer(_ value: Int, grouped: Bool = false) -> String {
        let digits = String(value.magnitude)
        guard grouped, digits.count > 3 else { return String(value) }
        var groups: [String] = []
        var rest = Substring(digits)
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(String(rest), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: "_")
    }
}
