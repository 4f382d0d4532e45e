import PlanModel
import ScenarioFile
import Testing
@testable import Scheduling

/// What-if analysis on the real engine: variations move the optimum the way they must,
/// and the bottleneck ranking from re-solving is right on a portfolio solved by hand.
@Suite("What-if analysis")
struct WhatIfTests {
    static func optimum(_ portfolio: Portfolio) throws -> Int {
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        return try #require(result.objective)
    }

    @Test("a capacity cut never improves the optimum; more capacity never worsens it", arguments: [
        PortfolioVariation.resourceCapacity("wg-review", 3), .resourceCapacityIncrease("wg-review", 1),
        .unitCapacity("szse", 1), .unitCapacityIncrease("guosen", 1),
    ])
    func capacityMonotone(variation: PortfolioVariation) throws {
        let base = try ScenarioLoader.builtinBaseline()
        let varied = try #require(variation.applied(to: base))
        let before = try Self.optimum(base), after = try Self.optimum(varied)
        switch variation {
        case .resourceCapacityIncrease, .unitCapacityIncrease: #expect(after <= before)
        default: #expect(after >= before)
        }
    }

    @Test("a 1.0 duration multiplier and a zero start delay change nothing", arguments: [
        PortfolioVariation.durationFactor(nil, 1.0), .durationFactor("drafting", 1.0), .startDelay(0),
    ])
    func neutral(variation: PortfolioVariation) throws {
        let base = try ScenarioLoader.builtinBaseline()
        let varied = try #require(variation.applied(to: base))
        #expect(varied == base)
    }

    @Test("longer drafting or a later start never improves the optimum", arguments: [
        PortfolioVariation.durationFactor("drafting", 1.5), .startDelay(6),
    ])
    func slower(variation: PortfolioVariation) throws {
        let base = try ScenarioLoader.builtinBaseline()
        #expect(try Self.optimum(try #require(variation.applied(to: base))) >= Self.optimum(base))
    }

    @Test("planning in parallel gives exactly the single solves' results, in input order")
    func parallelMatchesSequential() throws {
        let base = try ScenarioLoader.builtinBaseline()
        let portfolios = [base, PortfolioVariation.startDelay(6).applied(to: base)!, PortfolioVariation.resourceCapacity("wg-review", 5).applied(to: base)!]
        let parallel = Planner.planAll(portfolios)
        for (portfolio, result) in zip(portfolios, parallel) {
            let single = try Fixtures.plan(portfolio)
            let together = try result.get()
            #expect(together.schedule == single.schedule)
            #expect(together.objective == single.objective)
        }
    }

    @Test("bottlenecks: the exact ranking matches the one worked out by hand")
    func bottleneckRanking() throws {
        // Three standards due 2022, 8 months each, all led by u1 (capacity 1); a review slot of
        // capacity 1 used only in the last month. u1 serialises them: 2022-08, 2023-04, 2023-12.
        // One more unit of u1 lets two run at once; the review slot then forces one month apart.
        // u2 (capacity 1) leads nothing that can use it: gain 0. The review slot alone: gain 0.
        let phases = [Fixtures.phase("draft", months: 7), Fixtures.phase("review", months: 1, load: 1, resources: ["wg": 1])]
        let standards = [
            Fixtures.standard("a", urgency: 3, units: ["u1"], phases: phases),
            Fixtures.standard("b", urgency: 2, units: ["u1"], phases: phases),
            Fixtures.standard("c", urgency: 1, units: ["u1"], phases: phases),
            Fixtures.standard("d", urgency: 1, target: 2030, units: ["u2"], phases: [Fixtures.phase("draft", months: 2)]),
        ]
        let portfolio = Fixtures.portfolio(
            standards, units: [Fixtures.unit("u1", capacity: 1), Fixtures.unit("u2", capacity: 1)],
            resources: [SharedResource(id: "wg", name: "wg", capacity: .constant(1))])
        let analysis = try BottleneckAnalysis.run(portfolio)
        #expect(analysis.base.status == .optimal)
        // Base: a 2022-08 (on time), b 2023-04 (4 late × 2), c 2023-12 (12 late × 1) = 20 weighted months.
        // u1 + 1: a and b draft side by side (2022-01..07); the single review slot puts a's review in
        // 2022-08 and b's in 2022-09, b's draft waiting a month, which loads u1 with nothing. So c
        // drafts from 2022-08 (beside a's review, then b's) and reviews in 2023-03: 3 late × 1 = 3.
        // Gain 20 − 3 = 17.
        let first = try #require(analysis.ranking.first)
        #expect(first.id == "u1" && first.kind == .unit)
        #expect(first.lateness == 17)
        #expect(analysis.ranking.filter { $0.id != "u1" }.allSatisfy { $0.lateness == 0 })
        #expect((first.shadowPrice ?? 0) > 0)
    }
}
