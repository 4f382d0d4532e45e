import Foundation

/// Small helpers for writing SVG by hand: numbers with at most one decimal (so the same plan
/// gives the same bytes), and the few elements the charts use. Text passed in must already be
/// escaped with ``DocumentEscaping/html(_:)``.
enum SVG {
    /// `value` with one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// A rectangle; `extra` is a string of further attributes, `title` its tooltip (both already escaped).
    static func rect(x: Double, y: Double, width: Double, height: Double, _ extra: String = "", title: String? = nil) -> String {
        let open = "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\"\(extra.isEmpty ? "" : " " + extra)"
        guard let title else { return open + "/>" }
        return open + "><title>\(title)</title></rect>"
    }

    /// A straight line.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, _ extra: String = "") -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\"\(extra.isEmpty ? "" : " " + extra)/>"
    }

    /// A text element with already escaped content.
    static func text(x: Double, y: Double, _ content: String, _ extra: String = "") -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\"\(extra.isEmpty ? "" : " " + extra)>\(content)</text>"
    }

    /// Estimated width in pixels of `text` at `fontSize`: wide (CJK) characters take one em,
    /// others about 0.58 em (a little more than most Latin glyphs, so labels err on the short
    /// side). Used to fit labels; the full text is always in a tooltip and in the tables.
    static func width(of text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch DisplayWidth.width(of: scalar) {
            case 0: return total
            case 2: return total + fontSize
            default: return total + fontSize * 0.58
            }
        }
    }

    /// `text` cut to fit `width` pixels at `fontSize`, with an ellipsis when cut.
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        let flat = text.map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
        guard self.width(of: flat, fontSize: fontSize) > width else { return flat }
        var out = ""
        for character in flat {
            let candidate = out + String(character)
            if self.width(of: candidate + "…", fontSize: fontSize) > width { break }
            out = candidate
        }
        return out + "…"
    }
}
