/// Escaping of scenario text (names, ids, questions) for the document formats, each rule in one
/// place. Every name from a scenario goes through one of these before it is written.
///
/// Characters that a format cannot carry at all (C0 and C1 control characters other than tab
/// and line breaks, and the noncharacters U+FFFE/U+FFFF, which XML 1.0 forbids even as
/// character references) become U+FFFD, so a hostile name shows that something was there
/// instead of breaking the file.
enum DocumentEscaping {
    /// Text for HTML element content and quoted attribute values (both quote kinds are escaped).
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r", "\n", "\t": out += " "
            default: out.unicodeScalars.append(forbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Text for XML element content or attribute values (MSPDI). `]]>` cannot appear because `>`
    /// is always escaped; a carriage return is kept as a character reference, since parsers
    /// fold a raw one into a line feed.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(forbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// An iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line
    /// breaks as `\n`; control characters other than tab are not allowed in TEXT.
    static func icalText(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += "\t"
            default: out.unicodeScalars.append(forbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// A TaskJuggler string literal's content (between double quotes): backslash and double quote
    /// escaped; line breaks and tabs become spaces, since a name is one line.
    static func taskJugglerString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r", "\n", "\t": out += " "
            default: out.unicodeScalars.append(forbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// Control characters other than tab and line breaks, and the two noncharacters XML forbids.
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A || v == 0x0D { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }
}
