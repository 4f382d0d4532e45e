import PlanModel
import Risk
import Testing

/// One standard, one phase: the risk figures follow from the duration's distribution alone,
/// so they can be computed by hand and compared within sampling error.
@Suite("Risk figures computed by hand")
struct HandComputedRiskTests {
    static let samples = 20_000

    /// One standard of one 10-month phase from 2022-01, target 2022 (published by 2022-12 when
    /// the drawn duration rounds to at most 12 months).
    static func single(_ estimate: ThreePointEstimate) -> Portfolio {
        RiskFixtures.portfolio(
            [RiskFixtures.standard("s", phases: [RiskFixtures.phase("work", months: 10)])],
            uncertainty: RiskFixtures.uncertainty(["work": estimate]))
    }

    /// Triangular(4, 10, 16): P(on time) = P(D < 12.5) = 1 − 3.5²/72 = 0.829861…;
    /// E[months late] = Σ_{k=13}^{16} P(D ≥ k − ½) = (3.5² + 2.5² + 1.5² + 0.5²)/72 = 21/72;
    /// P50: F(10.5) = 0.58 ≥ 0.5 > F(9.5) = 0.42, so 10 months (2022-10);
    /// P80: F(12.5) = 0.83 ≥ 0.8 > F(11.5) = 0.72, so 12 months (2022-12);
    /// P90: F(13.5) = 0.913 ≥ 0.9 > F(12.5), so 13 months (2023-01).
    @Test("triangular: P(on time), expected lateness and percentiles match the exact values")
    func triangular() throws {
        let risk = try RiskFixtures.risk(Self.single(ThreePointEstimate(optimistic: 4, pessimistic: 16, distribution: .triangular)), samples: Self.samples)
        let s = try #require(risk.risk(of: "s"))
        let exact = 1 - 12.25 / 72
        #expect(RiskFixtures.withinSamplingError(try #require(s.probabilityOnTime), of: exact, samples: Self.samples))
        #expect(abs(try #require(s.expectedMonthsLate) - 21.0 / 72) < 0.02)  // sd of lateness ≈ 0.73: 4 standard errors
        #expect(s.plannedPublication == Month(year: 2022, month: 10))
        #expect(s.p50 == Month(year: 2022, month: 10))
        #expect(s.p80 == Month(year: 2022, month: 12))
        #expect(s.p90 == Month(year: 2023, month: 1))
        // Alone, it is critical exactly when it is late.
        #expect(abs(s.criticality - (1 - s.probabilityOnTime!)) < 1e-12)
        #expect(risk.portfolio.onTimeCounts == [Self.samples - Int((s.probabilityOnTime! * Double(Self.samples)).rounded()),
                                                Int((s.probabilityOnTime! * Double(Self.samples)).rounded())])
    }

    @Test("P(on time) matches the distribution for every shape", arguments: [
        ThreePointEstimate(optimistic: 4, pessimistic: 16, distribution: .triangular),
        ThreePointEstimate(optimistic: 6, likely: 10, pessimistic: 18, distribution: .pert),
        ThreePointEstimate(optimistic: 7, pessimistic: 20, distribution: .lognormal),
    ])
    func shapes(estimate: ThreePointEstimate) throws {
        let risk = try RiskFixtures.risk(Self.single(estimate), samples: Self.samples)
        let exact = EstimateDistribution(estimate, plannedMonths: 10).probability(atMost: 12)
        let onTime = try #require(risk.risk(of: "s")?.probabilityOnTime)
        #expect(RiskFixtures.withinSamplingError(onTime, of: exact, samples: Self.samples), "simulated \(onTime), exact \(exact)")
    }

    /// A phase under way since 2021-09 at a plan start of 2022-09 has taken 12 months and is
    /// not done, so its duration D (triangular 6, 14, 26) is at least 12.5. Publication by
    /// 2022-12 needs D < 16.5: P = (F(16.5) − F(12.5)) / (1 − F(12.5)), with F(12.5) = 6.5²/160
    /// and F(16.5) = 1 − 9.5²/240, = 0.48903… (unconditionally it would be 0.624).
    @Test("a phase under way is drawn conditional on not having finished before the plan start")
    func underWay() throws {
        let since = Month(year: 2021, month: 9)
        let portfolio = RiskFixtures.portfolio(
            [RiskFixtures.standard("s", phases: [RiskFixtures.phase("work", months: 14)], status: .inProgress(phase: "work", since: since))],
            start: Month(year: 2022, month: 9),
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 6, pessimistic: 26, distribution: .triangular)]))
        let risk = try RiskFixtures.risk(portfolio, samples: Self.samples)
        let s = try #require(risk.risk(of: "s"))
        let low = 6.5 * 6.5 / 160, high = 1 - 9.5 * 9.5 / 240
        let exact = (high - low) / (1 - low)
        #expect(abs(exact - 0.48903) < 1e-4)
        #expect(RiskFixtures.withinSamplingError(try #require(s.probabilityOnTime), of: exact, samples: Self.samples))
        // No sample finishes before the plan start month: the phase has taken 12 months and goes on.
        #expect(s.p50 >= Month(year: 2022, month: 9))
    }

    @Test("a phase that has overrun even its pessimistic estimate finishes in the plan start month, as in the plan")
    func overrun() throws {
        let portfolio = RiskFixtures.portfolio(
            [RiskFixtures.standard("s", phases: [RiskFixtures.phase("work", months: 3)], status: .inProgress(phase: "work", since: Month(year: 2020, month: 1)))],
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 2, pessimistic: 6)]))
        let risk = try RiskFixtures.risk(portfolio, samples: 200)
        let s = try #require(risk.risk(of: "s"))
        #expect(s.plannedPublication == RiskFixtures.start)
        #expect(s.p90 == RiskFixtures.start)
        #expect(s.probabilityOnTime == 1)
    }

    /// The unit can carry the work only until 2022-12: a sample whose phase runs into 2023 finds
    /// no room ever again. Every sample must still end, and count as late.
    @Test("a capacity that drops to zero for good does not hang the simulation")
    func capacityGone() throws {
        let unit = LeadUnit(id: "u", name: "u", capacity: CapacityProfile(initial: 1, changes: [.init(from: Month(year: 2023, month: 1), value: 0)]))
        let portfolio = RiskFixtures.portfolio(
            [RiskFixtures.standard("s", phases: [RiskFixtures.phase("work", months: 10)])], units: [unit],
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 4, pessimistic: 16, distribution: .triangular)]))
        let risk = try RiskFixtures.risk(portfolio, samples: 2000)
        let s = try #require(risk.risk(of: "s"))
        // On time exactly when the phase fits in 2022, as before the capacity ends.
        #expect(RiskFixtures.withinSamplingError(try #require(s.probabilityOnTime), of: 1 - 12.25 / 72, samples: 2000))
        #expect(s.p90 > Month(year: 2100, month: 1))
    }
}
