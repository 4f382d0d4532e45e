import PlanModel
import ScenarioFile
import Testing

/// The scenario's `uncertainty` section: what it reads, and every problem reported at once
/// with its line, key and a hint.
@Suite("Scenario files: duration uncertainty")
struct UncertaintyFileTests {
    static let head = """
        format: 1
        name: test
        plan_start: 2022-01
        horizon_end: 2026-12
        units:
          - {id: u, name: 单位, capacity: 2}
        life_cycle:
          - {id: drafting, name: 起草, months: 8, unit_load: 1}
          - {id: approval, name: 报批稿, months: 3}
        standards:
          - {id: a, name: 甲, category: operations, urgency: 3, target_year: 2023, lead_unit: u}
          - id: b
            name: 乙
            category: it-governance
            urgency: 2
            target_year: 2024
            lead_unit: u
            phases: {drafting: {months: 12}}

        """

    static func load(_ uncertainty: String) throws -> Portfolio {
        try ScenarioLoader.parse(yaml: head + uncertainty, file: "test.yaml")
    }

    /// Problems of `uncertainty` as (line, key) pairs; lines counted in the whole file.
    static func problems(_ uncertainty: String) -> [ScenarioProblem] {
        do {
            _ = try load(uncertainty)
            return []
        } catch let error as ScenarioFileError {
            return error.problems
        } catch {
            return []
        }
    }

    /// The 1-based line of the first line of `text` containing `marker`.
    static func line(of marker: String, in text: String) -> Int? {
        (head + text).split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }

    @Test("estimates for the life cycle, a category and a standard; the most specific wins")
    func reads() throws {
        let portfolio = try Self.load("""
            uncertainty:
              distribution: triangular
              life_cycle:
                drafting: {optimistic: 6, pessimistic: 14}
                approval: {optimistic: 2, likely: 3, pessimistic: 18, distribution: lognormal}
              categories:
                IT治理规范和基础设施:
                  drafting: {optimistic: 10, pessimistic: 20}
              standards:
                a:
                  approval: {optimistic: 3, likely: 3, pessimistic: 3}
              correlation: {lead_unit: 0.3, category: 0.1}
            """)
        let uncertainty = try #require(portfolio.uncertainty)
        let a = try #require(portfolio.standard("a")), b = try #require(portfolio.standard("b"))
        #expect(uncertainty.estimate(for: a, phase: "drafting") == ThreePointEstimate(optimistic: 6, pessimistic: 14, distribution: .triangular))
        #expect(uncertainty.estimate(for: b, phase: "drafting") == ThreePointEstimate(optimistic: 10, pessimistic: 20, distribution: .triangular))
        #expect(uncertainty.estimate(for: a, phase: "approval") == ThreePointEstimate(optimistic: 3, likely: 3, pessimistic: 3, distribution: .triangular))
        #expect(uncertainty.estimate(for: b, phase: "approval")?.distribution == .lognormal)
        #expect(uncertainty.correlation == SharedFactorWeights(category: 0.1, leadUnit: 0.3))
        #expect(try ScenarioLoader.parse(yaml: Self.head, file: "test.yaml").uncertainty == nil)
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// Text on the line the problem must point at.
        var marker: String
        var key: String
        var message: String
        var testDescription: String { name }
    }

    static let bad: [BadCase] = [
        BadCase(name: "unknown phase", text: "uncertainty:\n  life_cycle:\n    draftin: {optimistic: 6, pessimistic: 9}\n",
                marker: "    draftin:", key: "uncertainty.life_cycle.draftin", message: "unknown phase 'draftin'"),
        BadCase(name: "pessimistic below optimistic", text: "uncertainty:\n  life_cycle:\n    approval: {optimistic: 6, likely: 6, pessimistic: 4}\n",
                marker: "approval:", key: "uncertainty.life_cycle.approval.pessimistic", message: "pessimistic 4 is below optimistic 6"),
        BadCase(name: "likely outside the range", text: "uncertainty:\n  life_cycle:\n    approval:\n      optimistic: 2\n      likely: 9\n      pessimistic: 5\n",
                marker: "likely: 9", key: "uncertainty.life_cycle.approval.likely", message: "likely 9 is outside"),
        BadCase(name: "lognormal mode on the edge", text: "uncertainty:\n  life_cycle:\n    approval: {optimistic: 3, likely: 3, pessimistic: 9, distribution: lognormal}\n",
                marker: "approval:", key: "uncertainty.life_cycle.approval", message: "a lognormal estimate needs optimistic < likely < pessimistic"),
        BadCase(name: "unknown distribution", text: "uncertainty:\n  distribution: gamma\n",
                marker: "gamma", key: "uncertainty.distribution", message: "unknown distribution 'gamma'"),
        BadCase(name: "unknown category", text: "uncertainty:\n  categories:\n    finance: {drafting: {optimistic: 6, pessimistic: 9}}\n",
                marker: "finance", key: "uncertainty.categories.finance", message: "unknown category 'finance'"),
        BadCase(name: "unknown standard", text: "uncertainty:\n  standards:\n    c: {drafting: {optimistic: 6, pessimistic: 9}}\n",
                marker: "    c:", key: "uncertainty.standards.c", message: "unknown standard 'c'"),
        BadCase(name: "planned months outside a range without likely",
                text: "uncertainty:\n  life_cycle:\n    drafting: {optimistic: 6, pessimistic: 10}\n",
                marker: "drafting: {optimistic: 6", key: "uncertainty.life_cycle.drafting", message: "the planned months of b (12 months) are outside the range 6…10"),
        BadCase(name: "shares above 1", text: "uncertainty:\n  correlation:\n    lead_unit: 0.7\n    category: 0.5\n",
                marker: "lead_unit: 0.7", key: "uncertainty.correlation", message: "the shares add up to 1.2, more than 1"),
        BadCase(name: "missing pessimistic", text: "uncertainty:\n  life_cycle:\n    drafting: {optimistic: 6}\n",
                marker: "drafting: {optimistic: 6}", key: "uncertainty.life_cycle.drafting.pessimistic", message: "missing required key 'pessimistic'"),
        BadCase(name: "a month that is not a number", text: "uncertainty:\n  life_cycle:\n    drafting: {optimistic: soon, pessimistic: 9}\n",
                marker: "soon", key: "uncertainty.life_cycle.drafting.optimistic", message: "expected a duration in months"),
        BadCase(name: "misspelt key with a suggestion", text: "uncertainty:\n  life_cycle:\n    drafting: {optimistic: 6, pesimistic: 9}\n",
                marker: "pesimistic", key: "uncertainty.life_cycle.drafting.pesimistic", message: "unknown key 'pesimistic'"),
    ]

    @Test("each problem is reported with its line, key and a hint", arguments: bad)
    func problem(_ item: BadCase) throws {
        let problems = Self.problems(item.text)
        #expect(problems.count >= 1)
        let problem = try #require(problems.first { $0.key == item.key }, "keys reported: \(problems.map(\.key))")
        #expect(problem.line == Self.line(of: item.marker, in: item.text))
        #expect(problem.message.contains(item.message), "\(problem.message)")
        #expect(problem.hint != nil)
        #expect(problem.file == "test.yaml")
    }

    @Test("all problems of the section are reported at once, in file order")
    func allAtOnce() {
        let text = """
            uncertainty:
              distribution: gamma
              life_cycle:
                draftin: {optimistic: 6, pessimistic: 9}
                approval: {optimistic: 6, likely: 6, pessimistic: 4}
              correlation: {lead_unit: 2}
            """
        let problems = Self.problems(text)
        #expect(problems.map(\.key) == ["uncertainty.distribution", "uncertainty.life_cycle.draftin",
                                        "uncertainty.life_cycle.approval.pessimistic", "uncertainty.correlation.lead_unit"])
        #expect(problems.map { $0.line ?? 0 } == problems.map { $0.line ?? 0 }.sorted())
    }
}
