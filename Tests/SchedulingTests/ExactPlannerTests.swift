import PlanModel
import RCPSP
import Testing
@testable import Scheduling

/// The planner's claims of optimality against enumeration, on tiny portfolios and on portfolios
/// whose folded objective reaches 1e7–1e9 (where GLPK's default tolerance once hid better plans).
@Suite("Planner: exact proofs")
struct ExactPlannerTests {
    /// A seeded tiny portfolio: two or three standards of one or two short phases, one or two units
    /// (some standards may choose), sometimes a shared review slot, targets in the first year.
    static func tiny(seed: UInt64) -> Portfolio {
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let unitCount = 1 + below(2)
        let units = (0..<unitCount).map { Fixtures.unit("u\($0)", capacity: 1 + below(2)) }
        let withReview = below(2) == 0
        let count = 2 + below(2)
        let standards = (0..<count).map { i -> Standard in
            let phaseCount = count == 3 ? 1 : 1 + below(2)
            let phases = (0..<phaseCount).map { p in
                Fixtures.phase("p\(p)", months: 1 + below(3), load: 1,
                               resources: withReview && p == phaseCount - 1 ? ["review": 1] : [:])
            }
            let candidates = unitCount == 2 && below(2) == 0 ? ["u0", "u1"] : ["u\(below(unitCount))"]
            return Fixtures.standard("s\(i)", urgency: 1 + below(5), target: 2022, units: candidates, phases: phases)
        }
        let resources = withReview ? [SharedResource(id: "review", name: "review", capacity: .constant(1))] : []
        var portfolio = Fixtures.portfolio(standards, units: units, resources: resources, horizon: Month(year: 2022, month: 9))
        // Some targets already passed (2021: every month counts late), the others at the end of the horizon's year.
        for i in portfolio.standards.indices { portfolio.standards[i].targetYear = 2021 + (below(3) == 0 ? 1 : 0) }
        return portfolio
    }

    @Test("tiny portfolios: the proven optimum is the enumerated one", arguments: Array(UInt64(1)...24))
    func tinyPortfolios(seed: UInt64) throws {
        let portfolio = Self.tiny(seed: seed)
        let truth = BruteForce.optimum(portfolio)
        let result = try Fixtures.plan(portfolio)
        guard let truth else {
            #expect(result.status == .infeasible)
            return
        }
        #expect(result.status == .optimal)
        #expect(result.objective == truth.objective)
        #expect(result.levels.map(\.value) == [truth.weightedLateness, truth.completion])
        #expect(result.levels.allSatisfy { $0.proven })
    }

    /// `copies` disjoint copies of a two-standard conflict, each with its own unit: 5-star `a` (10
    /// months) and 4-star `b` (8 months), both due in 2022, on one unit of capacity 1. By hand: `a`
    /// first costs b 6 months × 4 = 24 weighted months late and completion 5·10 + 4·18 = 122; `b`
    /// first costs 6 × 5 = 30. Urgency weights scaled by `scale` (m, 2m, …, 5m) multiply both levels
    /// by m and the automatic lateness weight (20 years of months × Σ weights) by m too, so the
    /// folded objective grows with copies² · m².
    static func copies(_ copies: Int, scale: Int = 1) -> Portfolio {
        var standards: [Standard] = []
        var units: [LeadUnit] = []
        for c in 0..<copies {
            units.append(Fixtures.unit("u\(c)", capacity: 1))
            standards.append(Fixtures.standard("a\(c)", urgency: 5, target: 2022, units: ["u\(c)"], phases: [Fixtures.phase("work", months: 10)]))
            standards.append(Fixtures.standard("b\(c)", urgency: 4, target: 2022, units: ["u\(c)"], phases: [Fixtures.phase("work", months: 8)]))
        }
        var portfolio = Fixtures.portfolio(standards, units: units, horizon: Month(year: 2041, month: 12))
        portfolio.weights = ObjectiveWeights(urgency: (1...5).map { $0 * scale })
        return portfolio
    }

    @Test("one copy by enumeration matches the hand computation")
    func oneCopy() {
        var portfolio = Self.copies(1)
        portfolio.horizonEnd = Month(year: 2023, month: 12)
        let truth = BruteForce.optimum(portfolio)
        #expect(truth?.weightedLateness == 24)
        #expect(truth?.completion == 122)
    }

    @Test("folded objectives of 2e7, 2e8 and 1e9: proven, and exactly the sum of the copies' optima", arguments: [1, 3, 7])
    func largeObjectives(scale: Int) throws {
        let copies = 20
        let portfolio = Self.copies(copies, scale: scale)
        let result = try Fixtures.plan(portfolio)
        let weight = BruteForce.latenessWeight(portfolio)
        let expected = weight * 24 * scale * copies + 122 * scale * copies
        #expect(Double(expected) > 1e7 * Double(scale * scale))
        #expect(result.latenessWeight == weight)
        #expect(result.status == .optimal)
        #expect(result.objective == expected)
        #expect(result.levels.map(\.value) == [24 * scale * copies, 122 * scale * copies])
    }

    @Test("an explicit lateness weight that makes the one objective huge: never a wrong claim", arguments: Array(UInt64(1)...6))
    func explicitHugeWeight(seed: UInt64) throws {
        var portfolio = Self.tiny(seed: seed)
        portfolio.weights = ObjectiveWeights(lateness: 40_000_000)
        guard let truth = BruteForce.optimum(portfolio) else { return }
        let result = try Fixtures.plan(portfolio)
        let objective = try #require(result.objective)
        #expect(objective >= truth.objective)
        if result.status == .optimal { #expect(objective == truth.objective) }
        if let bound = result.bound { #expect(bound <= Double(truth.objective) + 1e-6) }
    }
}
