import PlanModel
import ScenarioFile
import Testing

/// Dependencies must form no cycle: a cycle is reported once, printing it as `a → b → a`,
/// at the `after` entry that closes it, and its hint lists the lines of every edge in it.
@Suite("Dependency cycles")
struct DependencyCycleTests {
    /// Appends planned standards to the valid fixture; `after[id]` lists the standards it waits for.
    static func scenario(_ ids: [String], after: [String: [String]]) -> String {
        var text = Fixture.valid
        for id in ids {
            text += """
                  - id: \(id)
                    name: 标准\(id)
                    category: operations
                    urgency: 2
                    target_year: 2025
                    lead_unit: shfe

                """
            if let predecessors = after[id] {
                text += "    after:\n"
                for predecessor in predecessors { text += "      - standard: \(predecessor)   # \(id) waits for \(predecessor)\n" }
            }
        }
        return text
    }

    struct Cycle: Sendable, CustomTestStringConvertible {
        var ids: [String]
        var after: [String: [String]]
        /// The cycle as printed.
        var printed: String
        /// The `after` entry the problem is reported at (it closes the cycle).
        var closingEdge: String
        /// Every edge of the cycle, whose lines the hint must list.
        var edges: [String]
        /// Its index in `standards` and in its `after`.
        var key: String
        var testDescription: String { printed }
    }

    static let cycles: [Cycle] = [
        Cycle(ids: ["a", "b"], after: ["a": ["b"], "b": ["a"]],
              printed: "a → b → a", closingEdge: "# a waits for b",
              edges: ["# b waits for a", "# a waits for b"], key: "standards[4].after[0]"),
        Cycle(ids: ["a", "b", "c"], after: ["a": ["c"], "b": ["a"], "c": ["b"]],
              printed: "a → b → c → a", closingEdge: "# a waits for c",
              edges: ["# b waits for a", "# c waits for b", "# a waits for c"], key: "standards[4].after[0]"),
        // The same 3-cycle hidden behind an acyclic prefix and an extra, harmless edge.
        Cycle(ids: ["x", "a", "b", "c"], after: ["a": ["x", "c"], "b": ["a"], "c": ["b"]],
              printed: "a → b → c → a", closingEdge: "# a waits for c",
              edges: ["# b waits for a", "# c waits for b", "# a waits for c"], key: "standards[5].after[1]"),
    ]

    @Test("a cycle is reported once, printed in full, at the edge that closes it", arguments: cycles)
    func cycle(_ cycle: Cycle) throws {
        let text = Self.scenario(cycle.ids, after: cycle.after)
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.message == "dependency cycle: \(cycle.printed)")
        #expect(problem.key == cycle.key)
        #expect(try problem.line == line(of: cycle.closingEdge, in: text))
        let hint = try #require(problem.hint)
        for edge in cycle.edges {
            #expect(try hint.contains("line \(line(of: edge, in: text))"), "hint should name the line of \(edge): \(hint)")
        }
    }

    @Test("a standard that waits for itself is reported as such, not as a cycle")
    func selfDependency() throws {
        try expectSingleProblem(BadInput(
            name: "self-dependency",
            edits: [Edit("- standard: jrt-0099", "- standard: ops-maturity  #!")],
            key: "standards[2].after[0].standard",
            message: ["'ops-maturity'", "depends on itself"],
            hint: ["remove"]))
    }

    @Test("a phase-level dependency takes part in cycles like a whole-standard one")
    func phaseLevelCycle() throws {
        // ops-automation waits for ops-maturity's consultation; ops-maturity already waits for
        // ops-automation's consultation (in the fixture).
        let text = try apply([Edit("    since: 2021-06\n",
                                   "    since: 2021-06\n    after:\n      - {standard: ops-maturity, phase: consultation}  #!\n")],
                             to: Fixture.valid)
        let found = try problems(in: text)
        #expect(found.count == 1, "\(found)")
        let problem = try #require(found.first)
        #expect(problem.message.hasPrefix("dependency cycle: "))
        #expect(problem.message.contains("ops-automation") && problem.message.contains("ops-maturity"))
        let parts = problem.message.dropFirst("dependency cycle: ".count).components(separatedBy: " → ")
        #expect(parts.count == 3 && parts.first == parts.last, "a 2-cycle closes on its first standard: \(problem.message)")
    }

    @Test("a long chain without a cycle loads")
    func longChain() throws {
        let ids = (1...12).map { "s\($0)" }
        var after: [String: [String]] = [:]
        for (i, id) in ids.enumerated().dropFirst() { after[id] = [ids[i - 1]] }
        let portfolio = try ScenarioLoader.parse(yaml: Self.scenario(ids, after: after), file: Fixture.file)
        #expect(portfolio.dependencies.filter { $0.successor.rawValue.hasPrefix("s") }.count == 11)
        #expect(DependencyGraph(portfolio).cycle() == nil)
    }
}
