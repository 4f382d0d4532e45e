import Foundation
import PlanModel
import ScenarioFile
import Testing
@testable import Scheduling
import Validation

/// Outcomes other than "optimal", and properties every plan must have.
@Suite("Planner: outcomes and properties")
struct PlannerOutcomeTests {
    @Test("a horizon too short for the work is infeasible, with the reason, not an error")
    func horizonTooShort() throws {
        let portfolio = Fixtures.portfolio([Fixtures.standard("a", phases: [Fixtures.phase("work", months: 30)])],
                                           horizon: Month(year: 2023, month: 12))
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .infeasible)
        #expect(result.schedule == nil)
        #expect(result.explanation?.contains("a") == true)
        #expect(result.explanation?.contains("horizon") == true)
    }

    @Test("fixed progress that overloads a unit is infeasible, proven by GLPK")
    func overloadedFixedProgress() throws {
        let since = Status.inProgress(phase: "work", since: Month(year: 2021, month: 12))
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", phases: [Fixtures.phase("work", months: 6)], status: since),
            Fixtures.standard("b", phases: [Fixtures.phase("work", months: 6)], status: since),
        ])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .infeasible)
        #expect(result.schedule == nil)
    }

    @Test("capacity too small for everything within the horizon is infeasible")
    func capacityTooSmall() throws {
        let standards = (0..<4).map { Fixtures.standard("s\($0)", phases: [Fixtures.phase("work", months: 6)]) }
        let result = try Fixtures.plan(Fixtures.portfolio(standards, horizon: Month(year: 2023, month: 6)))
        #expect(result.status == .infeasible)
    }

    @Test("planning twice gives the same schedule and objective")
    func deterministic() throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let first = try Fixtures.plan(portfolio)
        let second = try Fixtures.plan(portfolio)
        #expect(first.schedule == second.schedule)
        #expect(first.objective == second.objective)
    }

    @Test("the baseline is solved to proven optimality and validates")
    func baseline() throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.gap == 0)
        #expect(result.bound == result.objective.map(Double.init))
        let schedule = try #require(result.schedule)
        #expect(schedule.standards.count == 30)
        #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
        // The heuristic's schedule is never better than the proven optimum.
        #expect((result.heuristicObjective ?? .max) >= (result.objective ?? 0))
    }

    @Test("a tiny time limit still returns a validated schedule (the heuristic's, as a warm start)", arguments: [0.001, 0.05])
    func timeLimit(seconds: Double) throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let result = try Fixtures.plan(portfolio, options: PlanOptions(timeLimit: seconds))
        #expect(result.status == .optimal || result.status == .feasible)
        #expect(result.schedule != nil)
    }

    @Test("the heuristic alone gives a schedule the validator accepts")
    func heuristicValid() throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let problem = PlanningProblem(portfolio)
        let windows = try TimeWindows(problem)
        let assignment = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 20))
        let schedule = ScheduleDecoder(problem: problem).schedule(from: assignment)
        #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
    }

    @Test("more capacity never makes the optimum worse", arguments: [1, 2, 3])
    func capacityMonotone(extra: Int) throws {
        let base = try ScenarioLoader.builtinBaseline()
        var more = base
        more.resources = base.resources.map { var r = $0; r.capacity.initial += extra; return r }
        let a = try Fixtures.plan(base), b = try Fixtures.plan(more)
        #expect(a.status == .optimal && b.status == .optimal)
        #expect((b.objective ?? .max) <= (a.objective ?? 0))
    }
}

private typealias Status = StandardStatus
