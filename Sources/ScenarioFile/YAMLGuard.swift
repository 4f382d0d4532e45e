// libyaml comes with Yams as its module CYaml, which Yams uses internally. Yams exposes no
// event stream, and composing the tree is where aliases blow up (an alias used as a key is
// hashed, expanded, by the duplicate-key check), so the guard has to run on the events first.
import CYaml

/// A pass over the YAML event stream before the document is composed, refusing what would
/// make composing or reading it explode:
///
/// - an alias used as a mapping key (`*a: 1`, `{*a: 1}`, `? *a`): Yams hashes keys to find
///   duplicates, and hashing an alias of a large node walks it whole, once per key, so a
///   700-byte file of nested aliases ran for minutes;
/// - aliases that add more than ``InputLimits/aliasNodes`` nodes when expanded, or are used
///   more than ``InputLimits/aliasUses`` times (a "billion laughs" document: each level
///   repeats the one below, and the parsers read the expanded tree);
/// - nesting deeper than ``InputLimits/nestingDepth`` once aliases are expanded.
///
/// Syntax errors are left to Yams, which reports them with their line; the guard stops at the
/// first one. Its cost is one parse of the text, linear in its size.
enum YAMLGuard {
    /// The first problem found, or nil when the document may be composed.
    static func check(_ text: String, file: String) -> ScenarioProblem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> ScenarioProblem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var walk = Walk(file: file)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = walk.handle(event) { return problem }
            }
        }
    }

    /// What the guard tracks while the events go by.
    private struct Walk {
        /// An open sequence or mapping.
        struct Frame {
            var anchor: String?
            var isMapping: Bool
            var children = 0
            /// Nodes in it so far, itself included, aliases expanded.
            var size = 1
            /// Levels below it, aliases expanded.
            var height = 0
        }

        let file: String
        var stack: [Frame] = []
        /// Expanded size and height of each anchored node.
        var anchors: [String: (size: Int, height: Int)] = [:]
        var aliasUses = 0
        var aliasNodes = 0

        mutating func handle(_ event: yaml_event_t) -> ScenarioProblem? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                _ = beginChild()
                finish(size: 1, height: 0, anchor: Self.string(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                let isKey = beginChild()
                let name = Self.string(event.data.alias.anchor) ?? ""
                if isKey {
                    return problem(event, "an alias (*\(NodeReader.excerpt(name))) is used as a mapping key",
                                   hint: "write keys as plain names; aliases may only stand for values", code: .aliasAsKey)
                }
                let expanded = anchors[name] ?? (size: 1, height: 0)
                aliasUses += 1
                aliasNodes += expanded.size
                if aliasUses > InputLimits.aliasUses || aliasNodes > InputLimits.aliasNodes {
                    return problem(event, "aliases expand to more than \(InputLimits.grouped(InputLimits.aliasNodes)) nodes "
                                   + "(or are used more than \(InputLimits.grouped(InputLimits.aliasUses)) times)",
                                   hint: "write the repeated parts out, or repeat them less; scenario files rarely need aliases", code: .aliasExpansion)
                }
                if stack.count + expanded.height > InputLimits.nestingDepth {
                    return problem(event, "aliases nest the document more than \(InputLimits.nestingDepth) levels deep",
                                   hint: "a scenario needs a few levels; write the nested parts out", code: .aliasExpansion)
                }
                finish(size: expanded.size, height: expanded.height, anchor: nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                _ = beginChild()
                let anchor = isMapping ? Self.string(event.data.mapping_start.anchor) : Self.string(event.data.sequence_start.anchor)
                stack.append(Frame(anchor: anchor, isMapping: isMapping))
                if stack.count > InputLimits.nestingDepth {
                    return problem(event, "the document nests more than \(InputLimits.nestingDepth) levels deep",
                                   hint: "a scenario needs a few levels; check the brackets and indentation", code: .aliasExpansion)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                finish(size: frame.size, height: frame.height + 1, anchor: frame.anchor)
            default:
                break
            }
            return nil
        }

        /// Counts a new child of the open collection; true when it is a mapping's key.
        private mutating func beginChild() -> Bool {
            guard !stack.isEmpty else { return false }
            let isKey = stack[stack.count - 1].isMapping && stack[stack.count - 1].children % 2 == 0
            stack[stack.count - 1].children += 1
            return isKey
        }

        /// Adds a finished node to its parent and records its anchor.
        private mutating func finish(size: Int, height: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (size, height) }
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].size += size
            stack[stack.count - 1].height = max(stack[stack.count - 1].height, height)
        }

        private func problem(_ event: yaml_event_t, _ message: String, hint: String, code: ProblemCode) -> ScenarioProblem {
            ScenarioProblem(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                            key: "", message: message, hint: hint, code: code)
        }

        private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
