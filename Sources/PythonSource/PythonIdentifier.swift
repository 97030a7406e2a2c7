/// Python's rules for names: what generated code may use as a module, class, attribute or enum member name.
public enum PythonIdentifier {
    /// Python 3's hard keywords: never a name.
    public static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Letters, digits and `_`, not starting with a digit (ASCII digits; letters as Unicode's alphabetic scalars).
    public static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// An identifier that is not a keyword: usable as a name in generated code.
    public static func isUsable(_ text: String) -> Bool { isIdentifier(text) && !keywords.contains(text) }
}
