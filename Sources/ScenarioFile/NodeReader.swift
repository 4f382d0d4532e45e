import PlanModel
import Yams

/// Typed access to a YAML node that reports, rather than throws, what does not fit: every
/// accessor returns nil after recording a problem with the node's line and key path.
struct NodeReader {
    let diagnostics: Diagnostics

    func mapping(_ node: Node, _ path: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(node, path, "expected a mapping of keys to values, found \(describe(node))")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                diagnostics.report(keyNode, path, "keys must be plain names")
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
        return scalar.string
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
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
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
        return month
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
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
