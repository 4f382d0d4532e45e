/// Escaping of text for each output format, in one place, so every report (and every exporter
/// added later) writes names the same safe way.
///
/// The loaders already refuse control characters in names (docs/errors.md, SP-E0106); this is
/// the second line of defence for text from anywhere else (portfolios built in code, messages
/// quoting input, ids read back from a schedule file). Each function keeps ordinary text,
/// Chinese included, exactly as it is.
public enum Escaping {
    /// Text safe to print on a terminal: C0 and C1 control characters, DEL and the invisible
    /// direction overrides (U+202A–202E, U+2066–2069) become visible escapes such as `\u{1b}`,
    /// so no escape sequence can clear the screen, retitle the window or hide text. Line breaks
    /// are kept when `keepingLineBreaks` (whole reports and messages), escaped otherwise (cells).
    /// With `keepingColours`, colour sequences (SGR: ESC `[` digits and `;` `m`, what reports
    /// use for late rows) pass as they are; they can only colour text, never move the cursor,
    /// clear the screen or retitle the window, and every other escape is still made visible.
    public static func terminal(_ text: String, keepingLineBreaks: Bool = false, keepingColours: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if keepingColours, scalar == "\u{1B}", let end = colourSequenceEnd(scalars, from: index) {
                out.unicodeScalars.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if keepingLineBreaks && scalar == "\n" {
                out.unicodeScalars.append(scalar)
            } else if isControl(scalar) {
                out += visible(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        return out
    }

    /// The index of the `m` ending an SGR sequence that starts with ESC at `start`, if it is one.
    private static func colourSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        while index < scalars.count, scalars[index] == ";" || ("0"..."9").contains(scalars[index]) { index += 1 }
        return index < scalars.count && scalars[index] == "m" ? index : nil
    }

    /// A cell of a GitHub-flavoured Markdown table: `|` escaped (it would end the cell), line
    /// breaks as `<br>` (a raw one would end the row), other control characters as escapes.
    public static func markdownCell(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\r": continue
            case "\n": out += "<br>"
            default: if isControl(scalar) { out += visible(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A CSV field as RFC 4180 writes it (quoted when it holds a comma, quote or line break;
    /// quotes doubled), and neutralised against formula injection as OWASP recommends: a field
    /// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
    /// spreadsheet shows it as text instead of running it. Plain numbers (`-3`, `+2`, `1.5`,
    /// `12%`) are left alone: they cannot be formulas. Control characters other than line
    /// breaks and tabs become visible escapes.
    public static func csvCell(_ text: String) -> String {
        var field = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar), scalar != "\n", scalar != "\r", scalar != "\t" { field += visible(scalar) } else { field.unicodeScalars.append(scalar) }
        }
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(field) {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text for HTML element content and attribute values (quoted with either quote): `&`, `<`,
    /// `>`, `"` and `'` as character references; control characters other than line breaks and
    /// tabs as escapes.
    public static func html(_ text: String) -> String {
        markup(text)
    }

    /// Text for XML 1.0 content and attribute values: `&`, `<`, `>`, `"`, `'` as entity
    /// references; characters XML 1.0 cannot carry at all (C0 controls other than tab, line
    /// feed and carriage return, U+FFFE, U+FFFF) and the other control characters as visible
    /// escapes, so the document stays well-formed.
    public static func xml(_ text: String) -> String {
        markup(text)
    }

    private static func markup(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                if isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += visible(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// C0 and C1 control characters, DEL and the direction overrides.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `\t`, `\n`, `\r`, or `\u{…}` in hexadecimal.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": "\\t"
        case "\n": "\\n"
        case "\r": "\\r"
        default: "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }

    /// True for an optional sign, digits with an optional decimal part, and an optional `%`.
    private static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        if body.last == "%" { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
