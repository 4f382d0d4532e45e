import Foundation
import Testing
@testable import ScenarioFile

/// Aliases cannot make the loader explode: an alias used as a key is refused before the tree
/// is built, expansion and nesting are bounded, and each refusal takes milliseconds.
@Suite("YAML aliases and nesting")
struct YAMLGuardTests {
    /// The first problem of loading `text` as a scenario, and the seconds it took.
    func firstProblem(_ text: String) throws -> (ScenarioProblem?, Double) {
        let clock = ContinuousClock()
        let started = clock.now
        var problem: ScenarioProblem?
        do { _ = try ScenarioLoader.parse(yaml: text, file: "bad.yaml") } catch let error as ScenarioFileError { problem = error.problems.first }
        let d = clock.now - started
        return (problem, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    /// Nine levels of nine-fold aliases (9^9 ≈ 387 million nodes expanded) in a few hundred bytes.
    static func laughs(keyAtTheEnd: Bool) -> String {
        var text = "format: 1\na0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        return text + (keyAtTheEnd ? "last: {*a8 : 1}\n" : "last: *a8\n")
    }

    @Test("an alias used as a mapping key is refused at its line, in every YAML form", arguments: [
        ("format: 1\nname: &n x\n*n : 1\n", 3),
        ("format: 1\nname: &n x\nother: {*n : 1}\n", 3),
        ("format: 1\nname: &n x\n? *n\n: 1\n", 3),
    ])
    func aliasAsKey(_ text: String, _ line: Int) throws {
        let (problem, _) = try firstProblem(text)
        #expect(problem?.code == .aliasAsKey, "\(String(describing: problem))")
        #expect(problem?.line == line)
        #expect(problem?.message.contains("used as a mapping key") == true)
    }

    @Test("an exponential alias expansion (700 bytes, as a key or a value) is refused in milliseconds", arguments: [true, false])
    func billionLaughs(_ keyAtTheEnd: Bool) throws {
        let text = Self.laughs(keyAtTheEnd: keyAtTheEnd)
        #expect(text.utf8.count < 800)
        let (problem, seconds) = try firstProblem(text)
        #expect(problem?.code == .aliasExpansion, "\(String(describing: problem))")
        #expect(problem?.message.contains("100,000") == true)
        #expect(seconds < 1, "took \(seconds) s")
    }

    @Test("nesting past 64 levels is refused, also when aliases do the nesting")
    func nesting() throws {
        let deep = "format: 1\nname: " + String(repeating: "[", count: 80) + String(repeating: "]", count: 80) + "\n"
        #expect(try firstProblem(deep).0?.code == .aliasExpansion)
        var aliased = "format: 1\nl0: &l0 [x]\n"
        for level in 1...70 { aliased += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        let (problem, _) = try firstProblem(aliased)
        #expect(problem?.code == .aliasExpansion)
        #expect(problem?.message.contains("64 levels") == true)
    }

    @Test("a few plain aliases still load (anchors for repeated phases are fine)")
    func modestAliases() throws {
        let text = try apply([
            Edit("  - id: drafting\n    name: 起草\n    months: 8\n    unit_load: 1\n", "  - &drafting\n    id: drafting\n    name: 起草\n    months: 8\n    unit_load: 1\n"),
        ], to: Fixture.valid)
        let portfolio = try ScenarioLoader.parse(yaml: text, file: Fixture.file)
        #expect(portfolio.standards.count == 4)
    }

    @Test("status files are guarded the same way")
    func statusFiles() throws {
        let baseline = try ScenarioLoader.builtinBaseline()
        #expect(throws: ScenarioFileError.self) { try StatusFileLoader.parse(yaml: Self.laughs(keyAtTheEnd: true), file: "s.yaml", for: baseline) }
        do {
            _ = try StatusFileLoader.parse(yaml: Self.laughs(keyAtTheEnd: true), file: "s.yaml", for: baseline)
        } catch let error as ScenarioFileError {
            #expect(error.problems.first?.code == .aliasExpansion)
        }
    }
}
