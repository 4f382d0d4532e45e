import PlanModel
import RCPSP

/// The Lagrangian bound on a portfolio's first objective level, measured for `stdplan bench bounds`:
/// compiled and folded as the planner's strengthened pipeline does, the objective exactly the one its
/// MIP minimises first (lateness with the completion guide, or the scenario's weighted sum), the
/// serial heuristic's schedule as the upper bound the subgradient steps aim at.
package struct LagrangianBoundReport: Sendable {
    /// The level bounded (`lateness` or `weighted`).
    package var level: String
    /// Open standards, tasks (after folding) and months of the horizon.
    package var standards: Int
    package var tasks: Int
    package var periods: Int
    /// The proven lower bound on the level (nil when the problem is infeasible).
    package var levelBound: Int?
    /// The bound with every price zero: each standard on its own with unlimited capacity.
    package var unlimitedCapacityBound: Int?
    /// The bound on the level plus guide, before rounding.
    package var bound: Double
    /// The level's value in the heuristic's schedule (nil when it found none).
    package var heuristicLevel: Int?
    /// The level's value in the schedule the serial heuristic builds with the subproblems' starts as
    /// priorities (a Lagrangian heuristic; nil when it found none).
    package var lagrangianHeuristicLevel: Int?
    /// Subgradient steps taken and why they stopped.
    package var iterations: Int
    package var stop: String
    /// Seconds to compile the portfolio and its windows, for the heuristic, and for the bound.
    package var setupSeconds: Double
    package var heuristicSeconds: Double
    package var boundSeconds: Double

    /// Measures `portfolio` with at most `iterations` steps and `timeLimit` seconds for the bound; the
    /// other settings of ``LagrangianOptions`` at their defaults unless given. The heuristic tries
    /// `heuristicIterations` perturbations of its priority rules; `upperBound`, the level's value in a
    /// known schedule, replaces the heuristic's as the upper bound. `fold: false` keeps the load-free
    /// phases (the planner's first, plain attempt); the bound is valid either way.
    package static func measure(_ portfolio: Portfolio, iterations: Int, timeLimit: Double?, initialStep: Double? = nil,
                                patience: Int? = nil, deflection: Double? = nil, targetRise: Double? = nil,
                                heuristicIterations: Int = 0, upperBound: Int? = nil, fold: Bool = true,
                                proven: [Int] = []) -> LagrangianBoundReport {
        let clock = Deadline(seconds: nil)
        let problem = PhaseFolding(PlanningProblem(portfolio), enabled: fold).reduced
        // The level after those given as proven (held at those values), as the planner bounds it.
        let index = min(proven.count, max(0, problem.levels.count - 1))
        let level = problem.levels.isEmpty ? .lateness : problem.levels[index]
        var report = LagrangianBoundReport(
            level: level.rawValue, standards: problem.open.count, tasks: problem.tasks.count, periods: problem.periodCount,
            levelBound: nil, unlimitedCapacityBound: nil, bound: .infinity, heuristicLevel: nil, lagrangianHeuristicLevel: nil, iterations: 0,
            stop: LagrangianResult.Stop.infeasible.rawValue, setupSeconds: 0, heuristicSeconds: 0, boundSeconds: 0)
        guard let windows = try? TimeWindows(problem) else {
            report.setupSeconds = clock.elapsed
            return report
        }
        let objective = BoundObjective.planner(problem, windows: windows, index: index, proven: Array(proven.prefix(index)))
        report.setupSeconds = clock.elapsed

        let heuristicClock = Deadline(seconds: nil)
        let scheduler = SerialScheduler(problem: problem, windows: windows)
        let heuristic = scheduler.bestSchedule(iterations: heuristicIterations)
        report.heuristicSeconds = heuristicClock.elapsed
        report.heuristicLevel = heuristic?.cost(in: problem, level: level)

        let boundClock = Deadline(seconds: nil)
        let bound = LagrangianBound(problem: problem, windows: windows, objective: objective)
        var options = LagrangianOptions(iterations: iterations, timeLimit: timeLimit)
        // A schedule with the level at `upperBound` has the guide at most at its maximum.
        options.upperBound = upperBound.map { Double($0) + objective.guideScale * Double(bound.guideMaximum) }
            ?? heuristic.map { objective.value(of: $0, in: problem) }
        if let initialStep { options.initialStep = initialStep }
        if let patience { options.patience = patience }
        if let deflection { options.deflection = deflection }
        if let targetRise { options.targetRise = targetRise }
        report.unlimitedCapacityBound = bound.levelBound(from: bound.evaluate(bound.zeroMultipliers).bound)
        let result = bound.maximise(options)
        report.boundSeconds = boundClock.elapsed
        report.levelBound = result.levelBound
        report.bound = result.bound
        report.iterations = result.iterations
        report.stop = result.stop.rawValue
        if result.bound.isFinite {
            // Standards in the order the relaxation publishes them.
            let priority = problem.open.map { Double(result.starts[problem.lastTask(of: $0)]) }
            report.lagrangianHeuristicLevel = scheduler.schedule(priority: priority)?.cost(in: problem, level: level)
        }
        return report
    }
}
