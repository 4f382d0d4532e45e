import PlanModel
import Risk
import Testing

/// The criticality index follows the chain that decides a late publication: through a
/// dependency and through the capacity a standard waits for.
@Suite("Criticality index")
struct CriticalityTests {
    enum Link: String, CaseIterable {
        /// `late` waits for `cause` by a dependency.
        case dependency
        /// `late` waits for the unit's one slot, which `cause` holds.
        case capacity
    }

    /// `cause`: one phase, triangular(2, 4, 10), no pressing target (2030). `late`: one certain
    /// 8-month phase, target 2022, after `cause`. It is late exactly when `cause` takes 5 months or
    /// more: P = 1 − F(4.5) = 30.25/48. `bystander` has its own unit and is never late.
    static func chain(_ link: Link) -> Portfolio {
        let work = [RiskFixtures.phase("work", months: 4)]
        let standards = [
            RiskFixtures.standard("cause", target: 2030, phases: work),
            RiskFixtures.standard("late", phases: [RiskFixtures.phase("fixed", months: 8)]),
            RiskFixtures.standard("bystander", units: ["v"], phases: [RiskFixtures.phase("fixed", months: 3)]),
        ]
        let dependencies = link == .dependency ? [Dependency(predecessor: "cause", successor: "late")] : []
        return RiskFixtures.portfolio(
            standards, units: [RiskFixtures.unit("u", capacity: link == .capacity ? 1 : 2), RiskFixtures.unit("v", capacity: 1)],
            dependencies: dependencies,
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 2, pessimistic: 10, distribution: .triangular)]))
    }

    @Test("the standard a late one waits for is critical exactly when the late one is late", arguments: Link.allCases)
    func chain(link: Link) throws {
        let samples = 3000
        let risk = try RiskFixtures.risk(Self.chain(link), samples: samples)
        let cause = try #require(risk.risk(of: "cause")), late = try #require(risk.risk(of: "late")), bystander = try #require(risk.risk(of: "bystander"))
        let lateShare = 1 - (late.probabilityOnTime ?? 1)
        #expect(RiskFixtures.withinSamplingError(lateShare, of: 30.25 / 48, samples: samples))
        #expect(cause.probabilityOnTime == 1)
        // The same samples: equal up to the rounding of two divisions by the sample count.
        #expect(abs(cause.criticality - lateShare) < 1e-12)
        #expect(abs(late.criticality - lateShare) < 1e-12)
        #expect(bystander.criticality == 0)
    }
}
