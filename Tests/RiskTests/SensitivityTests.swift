import PlanModel
import Risk
import Testing

/// The tornado ranks the sources of uncertainty by how much lateness moves with them.
@Suite("Sensitivity (tornado)")
struct SensitivityTests {
    /// Three standards on their own units, target 2022 (12 months): `wide`'s drafting is very
    /// uncertain (6–30 months), `narrow`'s review varies but never makes it late (7–12), and
    /// `steady`'s only phase is certain and must not appear.
    static let portfolio = RiskFixtures.portfolio(
        [
            RiskFixtures.standard("wide", units: ["a"], phases: [RiskFixtures.phase("drafting", months: 8)]),
            RiskFixtures.standard("narrow", units: ["b"], phases: [RiskFixtures.phase("review", months: 8)]),
            RiskFixtures.standard("steady", units: ["c"], phases: [RiskFixtures.phase("approval", months: 8)]),
        ],
        units: ["a", "b", "c"].map { RiskFixtures.unit($0, capacity: 1) },
        uncertainty: RiskFixtures.uncertainty([
            "drafting": ThreePointEstimate(optimistic: 6, pessimistic: 30, distribution: .triangular),
            "review": ThreePointEstimate(optimistic: 7, pessimistic: 12, distribution: .triangular),
        ]))

    @Test("the widest uncertainty comes first; certain phases are not drivers")
    func ranking() throws {
        let risk = try RiskFixtures.risk(Self.portfolio, samples: 3000)
        let ids = risk.sensitivity.map(\.id)
        #expect(Set(ids) == ["drafting", "review", "a", "b"])
        // Phase and unit bars of one standard group the same draws here; phases rank first on ties.
        #expect(ids == ["drafting", "a", "review", "b"])
        // Review never makes anything late: its bar is only the noise of grouping samples at random.
        #expect(abs(risk.sensitivity[2].swing) < risk.sensitivity[0].swing / 5)
        let drafting = try #require(risk.sensitivity.first)
        #expect(drafting.kind == .phase)
        #expect(drafting.phases == 1)
        #expect(drafting.fastLateness == 0)  // the fastest tenth of draws (< 8.4 months) is never late
        #expect(drafting.slowLateness > 30)  // the slowest tenth runs 22–30 months: 10–18 months late × urgency 3
        #expect(risk.sensitivity.map(\.swing) == risk.sensitivity.map(\.swing).sorted(by: >))
    }
}
