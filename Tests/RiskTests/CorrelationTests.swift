import PlanModel
import Risk
import Testing

/// Shared factors: with the whole variation shared, standards that share the factor slip
/// together; without it, they slip independently.
@Suite("Correlated durations")
struct CorrelationTests {
    enum Sharing: String, CaseIterable {
        case independent, leadUnit, category, standardOnly
    }

    /// Two identical standards of one 10-month phase (triangular 4–16), on one unit with room
    /// for both, in the same category, target 2022.
    static func pair(_ sharing: Sharing) -> Portfolio {
        let weights: SharedFactorWeights = switch sharing {
        case .independent: SharedFactorWeights()
        case .leadUnit: SharedFactorWeights(leadUnit: 1)
        case .category: SharedFactorWeights(category: 1)
        case .standardOnly: SharedFactorWeights(standard: 1)
        }
        return RiskFixtures.portfolio(
            ["a", "b"].map { RiskFixtures.standard($0, phases: [RiskFixtures.phase("work", months: 10)]) },
            units: [RiskFixtures.unit("u", capacity: 2)],
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 4, pessimistic: 16, distribution: .triangular)], correlation: weights))
    }

    @Test("a fully shared factor makes the two standards slip together", arguments: [Sharing.leadUnit, .category])
    func together(sharing: Sharing) throws {
        let samples = 4000
        let risk = try RiskFixtures.risk(Self.pair(sharing), samples: samples)
        // Both on time or both late in every sample.
        #expect(risk.portfolio.onTimeCounts[1] == 0)
        let p = 1 - 12.25 / 72
        #expect(RiskFixtures.withinSamplingError(Double(risk.portfolio.onTimeCounts[2]) / Double(samples), of: p, samples: samples))
        // The shared factor appears under its own name in the tornado.
        #expect(risk.sensitivity.first?.kind == (sharing == .leadUnit ? .unit : .category))
    }

    @Test("independent durations (or factors of each standard) slip separately", arguments: [Sharing.independent, .standardOnly])
    func separately(sharing: Sharing) throws {
        let samples = 4000
        let risk = try RiskFixtures.risk(Self.pair(sharing), samples: samples)
        let p = 1 - 12.25 / 72
        // Exactly one on time with probability 2p(1 − p).
        #expect(RiskFixtures.withinSamplingError(Double(risk.portfolio.onTimeCounts[1]) / Double(samples), of: 2 * p * (1 - p), samples: samples))
        for id: StandardID in ["a", "b"] {
            #expect(RiskFixtures.withinSamplingError(try #require(risk.risk(of: id)?.probabilityOnTime), of: p, samples: samples))
        }
    }
}
