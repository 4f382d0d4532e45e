import Foundation
import PlanModel
@testable import Risk
import ScenarioFile
@testable import Scheduling
import Testing

/// The risk simulation builds its model on the planner's compilation: task `t` of the model is
/// task `t` of the compilation, with its structure taken from there, and a model built on a plan's
/// own compilation is the model built from the portfolio.
@Suite("The risk simulation on the planner's compilation")
struct CompiledSimulationTests {
    static let names = [
        "baseline", "baseline at 2025-12", "drafting-plus-50", "review-capacity-halved", "revise-2012-standards",
        "start-delayed-6-months", "szse-unavailable-2023", "urgent-hard-deadlines",
    ]

    static func portfolio(_ name: String) throws -> Portfolio {
        let baseline = try RiskFixtures.baseline.get()
        switch name {
        case "baseline": return baseline
        case "baseline at 2025-12": return baseline.applying(try StatusFileLoader.load(path: StatusFileTests.december2025, for: baseline))
        default: return try ScenarioLoader.load(path: StatusFileTests.root.appendingPathComponent("Scenarios/what-if/\(name).yaml").path)
        }
    }

    /// A schedule for the model to read (it takes lead units, phase lists and starts from a plan and
    /// needs no feasible one): every open standard led by its first candidate, its phases one after
    /// another at their planned months from its release. Needs no solver, so every scenario is cheap.
    static func plan(_ compiled: PlanningProblem) -> Schedule {
        let portfolio = compiled.portfolio
        return Schedule(standards: compiled.open.map { item in
            let standard = portfolio.standards[item.standard]
            var month = portfolio.planStart + compiled.facts[item.tasks[0]].release
            let phases = item.tasks.map { t in
                let task = compiled.tasks[t]
                defer { month = month + task.duration }
                return ScheduledPhase(phase: standard.phases[task.phaseIndex].id, start: month, finish: month + task.duration - 1)
            }
            return StandardSchedule(standard: standard.id, leadUnit: item.candidates.first.map { portfolio.units[$0].id },
                                    phases: phases, published: phases[phases.count - 1].finish)
        })
    }

    @Test("each task's order, previous phase, dependencies and lags, release, fixed start, loads and calendars are the compilation's",
          arguments: names)
    func correspondence(name: String) throws {
        let compiled = PlanningProblem(try Self.portfolio(name))
        let plan = Self.plan(compiled)
        let model = try SimulationModel(compiled: compiled, plan: plan, holdPlannedStarts: false, ignoringUncertainty: true)
        #expect(model.tasks.count == compiled.tasks.count)
        #expect(model.open.map(\.standard) == compiled.open.map(\.standard))
        #expect(model.open.map { Array($0.tasks) } == compiled.open.map(\.tasks))
        #expect(model.open.map(\.deadline) == compiled.open.map(\.deadline))
        #expect(model.open.map(\.weight) == compiled.open.map(\.urgencyWeight))
        for (t, task) in model.tasks.enumerated() {
            let own = compiled.tasks[t], facts = compiled.facts[t]
            #expect(model.open[task.open].standard == own.standard && task.phaseIndex == own.phaseIndex)
            #expect(task.previous == (t == compiled.open[task.open].tasks[0] ? -1 : t - 1))
            #expect(task.fixedStart == own.fixedStart)
            #expect(task.earliest == facts.release)
            #expect(task.plannedMonths == own.duration)
            #expect(task.minimumMonths == max(1, 1 - (own.fixedStart ?? 0)))
            #expect(task.unitLoad == own.unitLoad)
            #expect(task.resources.map { [model.resourceRows[$0], model.resourceAmounts[$0]] }
                    == own.resourceLoads.filter { $0.amount > 0 }.map { [model.unitCount + $0.resource, $0.amount] })
            #expect(task.startCalendar == facts.startCalendar ?? -1 && task.endCalendar == facts.endCalendar ?? -1)
            #expect(task.dependencies.map { [model.dependencyTasks[$0], model.dependencyLags[$0]] }
                    == compiled.dependencies.filter { $0.successor == t }.map { [$0.predecessor, $0.lag] })
        }
        // The simulated policy holds each standard's first open phase until the plan starts it.
        let held = try SimulationModel(compiled: compiled, plan: plan, ignoringUncertainty: true)
        for (t, task) in held.tasks.enumerated() {
            let first = task.previous < 0 && task.fixedStart == nil
            #expect(task.earliest == (first ? max(compiled.facts[t].release, task.plannedStart) : compiled.facts[t].release))
        }
    }

    @Test("a model built on the plan's own compilation is the model built from the portfolio, and simulates the same",
          arguments: ["baseline", "baseline at 2025-12"])
    func sameModel(name: String) throws {
        let portfolio: Portfolio, result: PlanResult
        if name == "baseline" {
            (portfolio, result) = (try RiskFixtures.baseline.get(), try RiskFixtures.baselinePlan.get().0)
        } else {
            let replan = try ReplanTests.december2025.get().1
            (portfolio, result) = (replan.portfolio, replan.result)
        }
        let schedule = try #require(result.schedule)
        let compiled = try #require(result.compilation, "the planner hands its compilation on")
        #expect(compiled.portfolio == portfolio)
        #expect(Self.same(try SimulationModel(compiled: compiled, plan: schedule), try SimulationModel(portfolio: portfolio, plan: schedule)))
        let options = RiskOptions(samples: 300, seed: 5, threads: 2)
        #expect(try RiskSimulation.run(compiled: compiled, plan: schedule, options: options)
                == RiskSimulation.run(portfolio: portfolio, plan: schedule, options: options))
        // The slippage analysis re-times with certain durations: as if the uncertainty section were gone.
        var certain = portfolio
        certain.uncertainty = nil
        let explained = try SimulationModel(compiled: compiled, plan: schedule, holdPlannedStarts: false, ignoringUncertainty: true)
        #expect(Self.same(explained, try SimulationModel(portfolio: certain, plan: schedule, holdPlannedStarts: false), portfolio: false))
    }

    /// Whether two models are the same, field by field (the portfolio too, unless `portfolio` is false).
    static func same(_ a: SimulationModel, _ b: SimulationModel, portfolio: Bool = true) -> Bool {
        func points(_ model: SimulationModel) -> [String] {
            model.distributions.map { "\($0.kind.rawValue) \($0.optimistic) \($0.likely) \($0.pessimistic)" }
        }
        return (!portfolio || a.portfolio == b.portfolio) && a.tasks == b.tasks && a.resourceRows == b.resourceRows
            && a.resourceAmounts == b.resourceAmounts && a.dependencyTasks == b.dependencyTasks && a.dependencyLags == b.dependencyLags
            && a.order == b.order && a.open == b.open && a.capacity == b.capacity && a.periods == b.periods
            && a.rowProfiles == b.rowProfiles && a.rowIDs == b.rowIDs && a.unitCount == b.unitCount && points(a) == points(b)
            && a.uncertain == b.uncertain && a.correlation == b.correlation && a.factorCount == b.factorCount
            && a.standardFactors == b.standardFactors && a.categoryFactors == b.categoryFactors && a.unitFactors == b.unitFactors
            && a.drivers == b.drivers && a.holdsPlannedStarts == b.holdsPlannedStarts
    }
}
