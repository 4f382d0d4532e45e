import PlanModel
import ScenarioFile
import Testing

/// Text that is not YAML at all, or is empty: one problem with a line number (where there is
/// one), a hint about YAML syntax, and never a crash.
@Suite("Malformed YAML and empty files")
struct MalformedYAMLTests {
    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        var edits: [Edit]
        /// The line the parser must blame, found by this text in the edited file.
        var lineOf: String
        var testDescription: String { name }
    }

    static let cases: [Malformed] = [
        Malformed(
            name: "a key indented less than its siblings",
            edits: [Edit("    name: 上海期货交易所\n    capacity: 2\n", "    name: 上海期货交易所\n   capacity: 2\n")],
            lineOf: "   capacity: 2"),
        Malformed(
            name: "a key indented more than its siblings",
            edits: [Edit("    name: 立项\n    months: 2\n", "    name: 立项\n      months: 2\n")],
            lineOf: "      months: 2"),
        Malformed(
            name: "a tab used for indentation",
            edits: [Edit("    name: 上海期货交易所\n    capacity: 2\n", "    name: 上海期货交易所\n\tcapacity: 2\n")],
            lineOf: "\tcapacity: 2"),
        Malformed(
            name: "an unclosed flow list",
            edits: [Edit("lead_units: [shfe, guosen]", "lead_units: [shfe, guosen")],
            lineOf: "earliest_start: 2022-03"),
        Malformed(
            name: "an unclosed flow mapping",
            edits: [Edit("resources: {wg-review: 1}", "resources: {wg-review: 1")],
            lineOf: "  - id: publication"),
    ]

    @Test("malformed YAML is one problem with a line and a syntax hint", arguments: cases)
    func malformed(_ bad: Malformed) throws {
        let text = try apply(bad.edits, to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.file == Fixture.file)
        #expect(problem.message.hasPrefix("malformed YAML: "), "\(problem)")
        #expect(try problem.line == line(of: bad.lineOf, in: text), "\(problem)")
        #expect(problem.column != nil)
        #expect(problem.hint?.contains("no tabs") == true)
        #expect(ScenarioFileError.invalid(found).description.hasSuffix("1 problem found"))
    }

    @Test("a file with nothing in it says so", arguments: ["", "\n\n", "   \n", "# only a comment\n", "# a\n\n# b\n"])
    func empty(_ text: String) throws {
        let found = try problems(in: text)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.message == "the file is empty")
        #expect(problem.line == nil)
        #expect(problem.hint?.contains("docs/scenario-format.md") == true)
    }

    @Test("a document that is not a mapping is one problem", arguments: ["just text", "- a\n- b\n", "42"])
    func notAMapping(_ text: String) throws {
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.hasPrefix("expected a mapping") == true)
        #expect(found.first?.line == 1)
    }

    @Test("random garbage never crashes the loader", arguments: 0..<40)
    func garbage(_ seed: Int) {
        // Mutate the valid fixture: cut it at an arbitrary point and splice in YAML punctuation.
        var generator = SplitMix(seed: UInt64(seed))
        var scalars = Array(Fixture.valid.unicodeScalars)
        let punctuation: [Unicode.Scalar] = ["[", "]", "{", "}", ":", "-", "\t", "\"", "'", "&", "*", "!", "|", ">", "%", "@", "`", "#", "\n", " "]
        for _ in 0..<(1 + Int(generator.next() % 6)) {
            let at = Int(generator.next() % UInt64(scalars.count))
            if generator.next() % 2 == 0 {
                scalars.insert(punctuation[Int(generator.next() % UInt64(punctuation.count))], at: at)
            } else {
                scalars.remove(at: at)
            }
        }
        let text = String(String.UnicodeScalarView(scalars))
        do {
            _ = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        } catch let error as ScenarioFileError {
            #expect(!error.problems.isEmpty)
            let lines = error.problems.map { $0.line ?? 0 }
            #expect(lines == lines.sorted(), "problems are sorted by line")
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }
}
