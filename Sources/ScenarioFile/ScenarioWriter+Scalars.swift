import PlanModel

extension ScenarioWriter {
    /// Words that YAML 1.1 readers (PyYAML among them) take for booleans or null when plain.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "=", "<<",
    ]

    /// `text` as a YAML scalar that every reader takes for exactly this string: plain when that
    /// is unambiguous in block and flow context alike, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// Plain is safe for text that no YAML reader resolves to a number, date, boolean or null
    /// and that holds no character with a meaning in flow collections or comments.
    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        if first == " " || last == " " { return false }
        // A leading digit, sign or dot may read as a number, a date or .inf/.nan.
        if ("0"..."9").contains(first) || "-+.".unicodeScalars.contains(first) {
            // Months (YYYY-MM) are strings to every reader; keep them plain so files read naturally.
            return Month(parsing: text) != nil && text.count == 7
        }
        let special = "#:,[]{}&*!|>'\"%@`?\\".unicodeScalars
        return !text.unicodeScalars.contains { special.contains($0) || $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFEFF }
            && !text.contains("  ")
    }

    /// A double-quoted YAML scalar with `"`, `\` and control characters escaped: what the loader
    /// reads back to exactly `text` (also used for the backtest's calibrated overlay).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number of months or a share: whole numbers without a fraction, others in Swift's
    /// shortest form that reads back to the same `Double`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// A flow mapping `{key: value, ...}` of already formatted values.
    static func flow(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
