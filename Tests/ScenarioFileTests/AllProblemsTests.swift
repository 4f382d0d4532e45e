import PlanModel
import ScenarioFile
import Testing

/// The loader does not stop at the first problem: a file with many problems in different
/// places reports every one of them, sorted by line.
@Suite("All problems at once")
struct AllProblemsTests {
    /// Seven independent problems spread over the file, each marked `#!n`.
    static let edits: [Edit] = [
        Edit("format: 1", "format: 3  #!1"),
        Edit("    capacity: 2\n", "    capacity: -2  #!2\n"),
        Edit("    months: 8\n", "    months: 0  #!3\n"),
        Edit("lead_unit: guosen", "lead_unit: guosne  #!4"),
        Edit("urgency: 4", "urgency: 6  #!5"),
        Edit("- standard: jrt-0099", "- standard: jrt-0098  #!6"),
        Edit("    target_year: 2022\n", "    target_year: 2022\n    refrence: x  #!7\n"),
    ]

    static let expected: [(marker: String, key: String, contains: String)] = [
        ("#!1", "format", "'3'"),
        ("#!2", "units[0].capacity", "-2"),
        ("#!3", "life_cycle[1].months", "found 0"),
        ("#!4", "standards[1].lead_unit", "'guosne'"),
        ("#!5", "standards[2].urgency", "6"),
        ("#!6", "standards[2].after[0].standard", "'jrt-0098'"),
        ("#!7", "standards[3].refrence", "'refrence'"),
    ]

    @Test("seven problems in seven places are all reported, in file order")
    func allReported() throws {
        let text = try apply(Self.edits, to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == Self.expected.count, "\(found.map(\.description).joined(separator: "\n"))")
        for (problem, expected) in zip(found, Self.expected) {
            #expect(try problem.line == line(of: expected.marker, in: text), "\(problem)")
            #expect(problem.key == expected.key)
            #expect(problem.message.contains(expected.contains), "\(problem)")
        }
        let lines = found.compactMap(\.line)
        #expect(lines.count == found.count)
        #expect(lines == lines.sorted())
        #expect(Set(lines).count == lines.count, "seven different lines")
    }

    @Test("the order in the report does not depend on the order problems are found")
    func sortedEvenWhenFoundLate() throws {
        // Cross-reference problems (unknown standard in `after`) are found only after all
        // standards are read; a problem found earlier but lower in the file must still follow it.
        let text = try apply([
            Edit("- standard: jrt-0099", "- standard: nowhere  #!a"),
            Edit("    target_year: 2022\n", "    target_year: 2022\n    urgency_: 1  #!b\n"),
            Edit("    capacity: 2\n", "    capacity: x  #!c\n"),
        ], to: Fixture.valid)
        let found = try problems(in: text)
        #expect(try found.map(\.line) == [line(of: "#!c", in: text), line(of: "#!a", in: text), line(of: "#!b", in: text)])
    }

    @Test("the error's description lists every problem and the count")
    func description() throws {
        let text = try apply(Self.edits, to: Fixture.valid)
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioLoader.parse(yaml: text, file: Fixture.file) }
        let description = try #require(error?.description)
        #expect(description.hasSuffix("\n7 problems found"))
        let errorLines = description.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 7)
        #expect(errorLines.allSatisfy { $0.hasPrefix("\(Fixture.file):") })
        #expect(description.contains("    hint: did you mean 'guosen'?"))
    }

    @Test("problems in a standard do not hide problems in the standards after it")
    func problemsInEveryStandard() throws {
        var text = Fixture.valid
        for i in 0..<6 {
            text += "  - {id: s\(i), name: 标准\(i), category: nope\(i), urgency: 3, target_year: 2025, lead_unit: shfe}\n"
        }
        let found = try problems(in: text)
        #expect(found.map(\.key) == (4..<10).map { "standards[\($0)].category" })
        #expect(found.enumerated().allSatisfy { $1.message.contains("'nope\($0)'") })
    }
}
