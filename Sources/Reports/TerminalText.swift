/// Text fitted to a terminal by display width (Chinese takes two columns): cut with an
/// ellipsis, wrapped at spaces, coloured.
public enum TerminalText {
    /// The ellipsis that marks cut text; one column wide.
    public static let ellipsis = "…"

    /// `text` cut to at most `width` columns, ending in an ellipsis when anything was cut.
    public static func cut(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(String(character))
            if used + columns > width - 1 { break }
            out.append(character)
            used += columns
        }
        return out + ellipsis
    }

    /// `text` wrapped into lines of at most `width` columns (nil: as it is), the first starting
    /// with `first` and the rest with `rest` (as many spaces as `first` by default). Breaks at
    /// spaces; a word longer than a line (a long path, or Chinese, which has no spaces) is broken
    /// where the line ends. Line breaks in `text` are kept.
    public static func wrap(_ text: String, width: Int?, first: String = "", rest: String? = nil) -> [String] {
        let rest = rest ?? String(repeating: " ", count: DisplayWidth.of(first))
        var lines: [String] = []
        for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines += wrapLine(String(paragraph), width: width, first: index == 0 ? first : rest, rest: rest)
        }
        return lines
    }

    private static func wrapLine(_ text: String, width: Int?, first: String, rest: String) -> [String] {
        guard let width else { return [first + text] }
        var lines: [String] = []
        var line = first
        var lineIsEmpty = true
        func room() -> Int { width - DisplayWidth.of(line) }
        func newLine() {
            lines.append(line)
            line = rest
            lineIsEmpty = true
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let columns = DisplayWidth.of(word)
            if columns + (lineIsEmpty ? 0 : 1) <= room() {
                line += (lineIsEmpty ? "" : " ") + word
                lineIsEmpty = false
                continue
            }
            if !lineIsEmpty, columns <= width - DisplayWidth.of(rest) {
                newLine()
                line += word
                lineIsEmpty = false
                continue
            }
            // Longer than a whole line: break it where the line ends.
            if !lineIsEmpty {
                if room() > 2 { line += " " } else { newLine() }
            }
            for character in word {
                if DisplayWidth.of(String(character)) > room(), !lineIsEmpty { newLine() }
                line.append(character)
                lineIsEmpty = false
            }
        }
        lines.append(line)
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    /// `text` wrapped (see ``wrap(_:width:first:rest:)``) and joined, with a line break after each line.
    public static func paragraph(_ text: String, width: Int?, first: String = "", rest: String? = nil) -> String {
        wrap(text, width: width, first: first, rest: rest).map { $0 + "\n" }.joined()
    }

    /// `line` in `colour` when `enabled`, else unchanged.
    public static func coloured(_ line: String, _ colour: Colour?, enabled: Bool) -> String {
        guard enabled, let colour, !line.isEmpty else { return line }
        return "\u{1B}[\(colour.rawValue)m" + line + "\u{1B}[0m"
    }

    /// The colours reports use: red for late, yellow for at risk.
    public enum Colour: Int, Sendable, Hashable {
        /// Late: misses its target year, or later than the reference.
        case late = 31
        /// At risk: on time in the plan, but not likely to stay so.
        case atRisk = 33
    }

    /// `text` without ANSI colour escapes (what a pipe would have received).
    public static func withoutColour(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
