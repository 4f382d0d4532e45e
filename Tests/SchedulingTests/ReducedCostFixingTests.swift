import PlanModel
import ScenarioFile
import Testing
@testable import Scheduling

/// Lagrangian reduced-cost fixing (``LagrangianBound/reducedStarts(at:ceiling:)``), which narrows the
/// windows of the MIP: it may remove only starts that no schedule as good as the ceiling uses.
@Suite("Lagrangian reduced-cost fixing")
struct ReducedCostFixingTests {
    @Test("tiny portfolios: every schedule at most the ceiling keeps every start inside the reduced windows",
          arguments: Array(UInt64(1)...24))
    func keepsEveryGoodSchedule(seed: UInt64) throws {
        let portfolio = ExactPlannerTests.tiny(seed: seed)
        guard let truth = BruteForce.optimum(portfolio) else { return }
        let relaxation = try LagrangianBoundTests.relaxation(portfolio)
        let climb = relaxation.maximise(LagrangianBoundTests.options)
        let problem = relaxation.problem
        let scale = relaxation.objective.guideScale
        func value(_ optimum: BruteForce.Optimum) -> Double { Double(optimum.weightedLateness) + scale * Double(optimum.completion) }
        // Ceilings at the optimum (what the planner's incumbent is when it is optimal) and above it.
        for rise in [0.0, 1.0, 3.0] {
            let ceiling = value(truth) + rise
            let ranges = try #require(relaxation.reducedStarts(at: climb.multipliers, ceiling: ceiling), "seed \(seed)")
            var kept = 0
            BruteForce.forEachValidSchedule(portfolio) { schedule in
                guard value(BruteForce.objective(schedule, portfolio)) <= ceiling + 1e-9 else { return }
                kept += 1
                for (task, range) in ranges.enumerated() {
                    guard let range else { continue }
                    let t = problem.tasks[task]
                    let standard = portfolio.standards[t.standard]
                    guard let entry = schedule.entry(for: standard.id) else { continue }
                    let start = entry.phases[t.phaseIndex].start - portfolio.planStart
                    #expect(range.contains(start), "seed \(seed), ceiling \(ceiling): \(standard.id) phase \(t.phaseIndex) starts in \(start), outside \(range)")
                }
            }
            #expect(kept > 0)
        }
    }

    @Test("at the optimum the windows shrink: across the tiny portfolios some start is removed")
    func removesSomething() throws {
        var removed = 0
        for seed in UInt64(1)...24 {
            let portfolio = ExactPlannerTests.tiny(seed: seed)
            guard let truth = BruteForce.optimum(portfolio) else { continue }
            let relaxation = try LagrangianBoundTests.relaxation(portfolio)
            let climb = relaxation.maximise(LagrangianBoundTests.options)
            let ceiling = Double(truth.weightedLateness) + relaxation.objective.guideScale * Double(truth.completion)
            let ranges = try #require(relaxation.reducedStarts(at: climb.multipliers, ceiling: ceiling))
            for (task, range) in ranges.enumerated() {
                guard let range else { continue }
                removed += (relaxation.windows.latest[task] - relaxation.windows.earliest[task] + 1) - range.count
            }
        }
        #expect(removed > 0)
    }

    @Test("the strengthened pipeline proves the same optimum with fixing as without", arguments: [
        PortfolioVariation.durationFactor("drafting", 1.5), .startDelay(6),
    ])
    func sameOptima(_ variation: PortfolioVariation) throws {
        let portfolio = try #require(variation.applied(to: try ScenarioLoader.builtinBaseline()))
        // No quick attempt: the strengthened one, where the bound runs beside GLPK, answers.
        var plain = PlanOptions(timeLimit: 60, quickRootIterations: 0)
        plain.parallelBound = false
        let without = try Fixtures.plan(portfolio, options: plain)
        let with = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: 60, quickRootIterations: 0))
        #expect(without.status == .optimal)
        #expect(with.status == .optimal)
        #expect(with.objective == without.objective)
        #expect(with.levels.map(\.value) == without.levels.map(\.value))
    }
}
