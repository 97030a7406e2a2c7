/// Python's `str()` of numbers: what orchestrator-core stores for a number given in `--inputs`.
public enum PythonNumber {
    /// `json.loads` makes a literal with `.`, `e` or `E` a float, anything else an int.
    public static func text(ofJSONLiteral literal: String) -> String {
        let isFloat = literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        guard isFloat else {
            // An int: its digits, without the sign of a negative zero.
            return literal == "-0" ? "0" : literal
        }
        guard let value = Double(literal) else { return literal }
        return repr(value)
    }

    /// `repr(float)`: the shortest digits that round-trip (Swift's `description` finds the same digits), laid out
    /// as Python does: positional for decimal exponents from -4 to 15 with at least one fractional digit,
    /// otherwise `d.ddde±XX` with at least two exponent digits; `inf`, `-inf`, `nan`.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = decompose(value)
        let sign = negative ? "-" : ""
        // `exponent` is the power of ten of the first digit: value = 0.d1d2... × 10^(exponent + 1).
        if exponent >= -4 && exponent < 16 {
            if exponent >= 0 {
                let integerDigits = exponent + 1
                if digits.count <= integerDigits {
                    return sign + digits + String(repeating: "0", count: integerDigits - digits.count) + ".0"
                }
                let split = digits.index(digits.startIndex, offsetBy: integerDigits)
                return sign + digits[..<split] + "." + digits[split...]
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
        let exponentText = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
    }

    /// The shortest round-trip digits (no leading or trailing zeros) and the decimal exponent of the first digit.
    static func decompose(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        var text = "\(value.magnitude)"  // e.g. "1e+23", "0.0001", "123.45", "1.5e-07"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        // Position of the first significant digit.
        var pointPosition = integerPart.count  // digits before the decimal point
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (value.sign == .minus, digits, exponent + pointPosition - 1)
    }
}
