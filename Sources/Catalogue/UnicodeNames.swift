/// Names compared as PostgreSQL compares them: by their bytes.
///
/// Swift's `String` equality (and so every `Set` and `Dictionary` keyed by names) treats canonically equivalent
/// spellings as equal: "é" as U+00E9 and as "e" + U+0301. PostgreSQL does not; to it they are two names. Where both
/// spellings of a name meet (a catalogue holding both, or a model key in one spelling and the catalogue's row in
/// the other), the tool must not treat them as one; `conflicts` finds them so the planner can refuse clearly.
public enum UnicodeNames {
    /// Groups of names that Swift considers equal but whose bytes differ (each group sorted by bytes).
    public static func conflicts(_ names: [String]) -> [[String]] {
        var groups: [String: [String]] = [:]
        for name in names {
            var group = groups[name, default: []]
            if !group.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { group.append(name) }
            groups[name] = group
        }
        return groups.values.filter { $0.count > 1 }.map { $0.sorted(by: utf8Order) }.sorted { utf8Order($0[0], $1[0]) }
    }

    /// The code points of a name, for a message that must show how two spellings differ (`U+0065 U+0301`).
    public static func codePoints(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }
}
