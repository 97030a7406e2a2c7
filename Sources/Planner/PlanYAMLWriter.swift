import Catalogue

/// A deterministic writer for the YAML subset plan files use: block mappings and sequences, flow `[]`/`{}` when
/// empty, and every string double-quoted with JSON escapes (valid YAML, unambiguous, no trailing-space pitfalls).
struct PlanYAMLWriter {
    private(set) var text = ""

    static func quote(_ value: String) -> String { TextEscaping.jsonQuote(value) }

    private func pad(_ level: Int) -> String { String(repeating: "  ", count: level) }

    /// Keys that are plain identifiers stay unquoted for readability; anything else (spaces, YAML's special
    /// words like `yes` or `null`) is quoted.
    static func key(_ key: String) -> String {
        let special: Set<String> = [
            "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES",
            "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        ]
        guard let first = key.unicodeScalars.first, first.properties.isASCIIHexDigit == false || first.value > 0x39,
            key.unicodeScalars.allSatisfy({
                ($0.value >= 0x61 && $0.value <= 0x7a) || ($0.value >= 0x41 && $0.value <= 0x5a)
                    || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "_"
            }),
            !(first.value >= 0x30 && first.value <= 0x39), !special.contains(key)
        else { return quote(key) }
        return key
    }

    mutating func comment(_ line: String) { text += "# \(line)\n" }
    mutating func scalar(_ key: String, _ value: String, level: Int) {
        text += "\(pad(level))\(Self.key(key)): \(value)\n"
    }
    mutating func string(_ key: String, _ value: String, level: Int) { scalar(key, Self.quote(value), level: level) }
    mutating func key(_ key: String, level: Int) { text += "\(pad(level))\(Self.key(key)):\n" }

    mutating func strings(_ key: String, _ values: [String], level: Int) {
        if values.isEmpty { return scalar(key, "[]", level: level) }
        self.key(key, level: level)
        for value in values { text += "\(pad(level + 1))- \(Self.quote(value))\n" }
    }

    /// name → [values]
    mutating func groups(_ key: String, _ groups: [String: [String]], level: Int) {
        if groups.isEmpty { return scalar(key, "{}", level: level) }
        self.key(key, level: level)
        for name in groups.keys.byteSorted() { strings(name, groups[name] ?? [], level: level + 1) }
    }

    /// name → text
    mutating func map(_ key: String, _ map: [String: String], level: Int) {
        if map.isEmpty { return scalar(key, "{}", level: level) }
        self.key(key, level: level)
        for name in map.keys.byteSorted() { string(name, map[name] ?? "", level: level + 1) }
    }

    /// name → count (plain integers)
    mutating func counts(_ key: String, _ counts: [String: Int], level: Int) {
        if counts.isEmpty { return scalar(key, "{}", level: level) }
        self.key(key, level: level)
        for name in counts.keys.byteSorted() { scalar(name, String(counts[name] ?? 0), level: level + 1) }
    }

    /// name → name → text
    mutating func nested(_ key: String, _ nested: [String: [String: String]], level: Int) {
        if nested.isEmpty { return scalar(key, "{}", level: level) }
        self.key(key, level: level)
        for name in nested.keys.byteSorted() { map(name, nested[name] ?? [:], level: level + 1) }
    }

    /// A sequence of mappings with scalar values already rendered.
    mutating func records(_ key: String, _ records: [[(String, String)]], level: Int) {
        if records.isEmpty { return scalar(key, "[]", level: level) }
        self.key(key, level: level)
        for record in records {
            for (index, (field, value)) in record.enumerated() {
                text += "\(pad(level + 1))\(index == 0 ? "- " : "  ")\(Self.key(field)): \(value)\n"
            }
        }
    }

    /// The `workflows` section of a workflow plan (in the `changes` part of the digest).
    mutating func workflows(_ changes: WorkflowChanges) {
        func optional(_ value: String?) -> String { value.map(Self.quote) ?? "null" }
        key("workflows", level: 0)
        string("kind", changes.kind.rawValue, level: 1)
        records(
            "add",
            changes.add.map { added in
                [
                    ("name", Self.quote(added.name)), ("target", Self.quote(added.target)),
                    ("description", Self.quote(added.description)), ("product_type", optional(added.productType)),
                    ("existing", added.existing ? "true" : "false"),
                    ("already_linked", "[" + added.alreadyLinked.map(Self.quote).joined(separator: ", ") + "]"),
                ] + (added.isTask ? [("is_task", "true")] : [])
            }, level: 1)
        records(
            "delete",
            changes.delete.map { deleted in
                [
                    ("name", Self.quote(deleted.name)), ("target", Self.quote(deleted.target)),
                    ("description", Self.quote(deleted.description)), ("product_type", optional(deleted.productType)),
                    ("is_task", deleted.isTask ? "true" : "false"),
                    ("processes", deleted.processes.map(String.init) ?? "null"),
                ]
            }, level: 1)
    }
}
