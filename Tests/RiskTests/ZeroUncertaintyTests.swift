import PlanModel
import Reports
import Risk
import Testing

/// With no uncertainty every sample is the plan: the risk report must reproduce the
/// deterministic plan exactly, which checks the re-timing against the optimizer.
@Suite("Zero uncertainty reproduces the plan")
struct ZeroUncertaintyTests {
    enum Variant: String, CaseIterable {
        /// No `uncertainty` section at all.
        case none
        /// Every phase of every standard estimated with three equal points (its planned months).
        case certainEstimates
    }

    static func baseline(_ variant: Variant) throws -> Portfolio {
        var portfolio = try RiskFixtures.baseline.get()
        switch variant {
        case .none:
            portfolio.uncertainty = nil
        case .certainEstimates:
            var uncertainty = DurationUncertainty()
            for standard in portfolio.standards {
                for phase in standard.phases {
                    let months = Double(phase.months)
                    uncertainty.standards[standard.id, default: [:]][phase.id] = ThreePointEstimate(optimistic: months, likely: months, pessimistic: months)
                }
            }
            portfolio.uncertainty = uncertainty
        }
        return portfolio
    }

    @Test("the baseline's figures are the plan's, standard by standard", arguments: Variant.allCases)
    func baseline(variant: Variant) throws {
        let portfolio = try Self.baseline(variant)
        let (_, schedule) = try RiskFixtures.baselinePlan.get()
        let risk = try RiskSimulation.run(portfolio: portfolio, plan: schedule, options: RiskOptions(samples: 64, seed: 9, threads: 2))
        #expect(risk.uncertainPhases == 0)
        #expect(risk.standards.count == 22)
        var onTime = 0
        var weightedLateness = 0
        for item in risk.standards {
            let standard = try #require(portfolio.standard(item.standard))
            let planned = try #require(schedule.entry(for: item.standard)).published
            let deadline = try #require(standard.deadline)
            let late = max(0, planned - deadline)
            #expect(item.plannedPublication == planned)
            #expect(item.p50 == planned, "\(item.standard)")
            #expect(item.p80 == planned)
            #expect(item.p90 == planned)
            #expect(item.probabilityOnTime == (late == 0 ? 1 : 0))
            #expect(item.expectedMonthsLate == Double(late))
            // A late standard is critical in every sample; an on-time one in all or none.
            if late > 0 { #expect(item.criticality == 1) } else { #expect(item.criticality == 0 || item.criticality == 1) }
            onTime += late == 0 ? 1 : 0
            weightedLateness += portfolio.weights.weight(urgency: standard.urgency) * late
        }
        #expect(onTime == 13)
        #expect(weightedLateness == 421)
        let p = risk.portfolio
        #expect(p.plannedOnTime == 13)
        #expect([p.onTimeP10, p.onTimeP50, p.onTimeP90] == [13, 13, 13])
        #expect(p.onTimeCounts[13] == 64)
        #expect(p.expectedWeightedMonthsLate == 421)
        #expect(p.plannedWeightedMonthsLate == 421)
        #expect(p.probabilityAllUrgentOnTime == 0)  // the plan's urgency-5 standards all miss 2022
        #expect(risk.sensitivity.isEmpty)
    }

    @Test("the report says every sample is the plan")
    func reportSaysSo() throws {
        let portfolio = try Self.baseline(.none)
        let (plan, schedule) = try RiskFixtures.baselinePlan.get()
        let risk = try RiskSimulation.run(portfolio: portfolio, plan: schedule, options: RiskOptions(samples: 10, seed: 1, threads: 1))
        let text = RiskReport(portfolio: portfolio, plan: plan, risk: risk, source: "built-in baseline").render(.table)
        #expect(text.contains("No phase duration is uncertain in this scenario: every sample is the plan."))
        #expect(text.contains("13 / 13 / 13 (mean 13.0)"))
        #expect(!text.contains("Sensitivity"))
    }
}
