import PlanModel
import Yams

/// Typed access to a YAML node that reports, rather than throws, what does not fit: every
/// accessor returns nil after recording a problem with the node's line and key path.
struct NodeReader {
    let diagnostics: Diagnostics

    func mapping(_ node: Node, _ path: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(node, path, "expected a mapping of keys to values, found \(describe(node))", code: .wrongType)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                diagnostics.report(keyNode, path, "keys must be plain names", code: .wrongType)
                continue
            }
            let key = scalar.string
            if !allowed.contains(key) {
                let suggestion = closest(to: key, among: allowed)
                diagnostics.report(
                    keyNode, join(path, key), "unknown key '\(key)'",
                    hint: suggestion.map { "did you mean '\($0)'? allowed here: \(allowed.joined(separator: ", "))" }
                        ?? "allowed here: \(allowed.joined(separator: ", "))")
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    func sequence(_ node: Node, _ path: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.report(node, path, "expected a list, found \(describe(node))", hint: "write one item per line, each starting with '- '")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, scalar.tag.description != "tag:yaml.org,2002:null",
              !(scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
        else {
            diagnostics.report(node, path, "expected text, found \(describe(node))")
            return nil
        }
        return checkedText(scalar, node, path)
    }

    /// Text as written, without the line break a block scalar (`|`, `>`) ends with; nil after
    /// reporting if it holds control characters. Names and other text are printed in tables,
    /// Markdown, CSV and messages, where an escape sequence could clear or retitle the
    /// terminal, a NUL cut the text, and a line break break a table row.
    private func checkedText(_ scalar: Node.Scalar, _ node: Node, _ path: String) -> String? {
        var text = scalar.string
        if scalar.style == .literal || scalar.style == .folded {
            while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        }
        if let bad = text.unicodeScalars.first(where: Self.isControl) {
            let name = Self.controlName(bad)
            diagnostics.report(node, path, "the text contains a control character (\(name)), found \(describe(node))",
                               hint: "write it on one line, without tabs, escape sequences or other control characters; "
                                   + "they would garble tables and terminals", code: .controlCharacter)
            return nil
        }
        return text
    }

    /// C0 and C1 control characters, DEL, and the invisible direction overrides that can make
    /// printed text read differently from what it is (U+202A–202E, U+2066–2069).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func controlName(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: "NUL"
        case 0x07: "BEL"
        case 0x08: "backspace"
        case 0x09: "tab"
        case 0x0A: "line break"
        case 0x0D: "carriage return"
        case 0x1B: "ESC"
        default: "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        }
    }

    func identifier(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0)
        }
        if !allowed {
            diagnostics.report(node, path, "'\(text)' is not a valid id", hint: "use ASCII letters, digits, '-', '_' and '.'; put names in any script under `name`")
            return nil
        }
        return text
    }

    func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>, what: String) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            diagnostics.report(node, path, "expected \(what), found \(describe(node))")
            return nil
        }
        guard range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : InputLimits.text(range)
            diagnostics.report(node, path, "\(value) is out of range: \(what) must be \(bounds)")
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ path: String) -> Bool? {
        if case .scalar(let scalar) = node {
            if ["true", "yes", "on"].contains(scalar.string.lowercased()) { return true }
            if ["false", "no", "off"].contains(scalar.string.lowercased()) { return false }
        }
        diagnostics.report(node, path, "expected true or false, found \(describe(node))")
        return nil
    }

    func month(_ node: Node, _ path: String) -> Month? {
        guard case .scalar(let scalar) = node, let month = Month(parsing: scalar.string) else {
            diagnostics.report(node, path, "expected a month, found \(describe(node))", hint: "write months as YYYY-MM, e.g. 2022-01")
            return nil
        }
        guard month >= InputLimits.firstMonth, month <= InputLimits.lastMonth else {
            diagnostics.report(node, path, "\(month) is out of range: months must be \(InputLimits.firstMonth) to \(InputLimits.lastMonth)",
                               code: .outOfRange)
            return nil
        }
        return month
    }

    /// The node in a few words for a message. A scalar is quoted only as a short excerpt, so a
    /// message never echoes a whole file (an `extends` of some other file, a pasted document).
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(Self.excerpt(scalar.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// At most `limit` characters of `text`, the rest shown as "…", line breaks and other
    /// control characters as escapes, so the excerpt stays on one line.
    static func excerpt(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            if isControl(scalar) {
                out += scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}

extension String {
    /// Padded on the left with zeros to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// The allowed word nearest to `word` by edit distance, if it is close enough to be a typo.
func closest(to word: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
    let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    guard let (best, score) = scored, score <= max(2, word.count / 3) else { return nil }
    return best
}
