import Dispatch
import GLPK
import PlanModel

/// Plans a portfolio: heuristic first (so there is always a schedule to fall back on), then
/// the time-indexed MIP in GLPK, warm-started with the heuristic's schedule, to prove or
/// improve it. Every schedule returned has passed ``ScheduleValidator``.
public enum Planner {
    /// Plans `portfolio`. Throws only for faults (a solver failure, a schedule that fails
    /// validation); infeasibility and time limits are statuses of the result.
    ///
    /// Two stages. First the plain pipeline (serial heuristic, full model) with a small budget of
    /// simplex iterations and branch-and-bound nodes: it proves easy portfolios at once, exactly as
    /// it always has. A portfolio it cannot prove within that budget goes to the strengthened
    /// pipeline with the time left: load-free phases folded out of the MIP (``PhaseFolding``) and
    /// the heuristic's schedule improved by a phase-level local search (``PhaseListSearch``), whose
    /// better incumbent also narrows the time windows. Budgets are counts, so which stage answers
    /// never depends on the machine's speed; only the time limit can cut a search short.
    public static func plan(_ portfolio: Portfolio, options: PlanOptions = PlanOptions()) throws(SchedulingError) -> PlanResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let original = PlanningProblem(portfolio)
        let quickBudget = options.quickRootIterations > 0 && options.quickNodes > 0
        let quick = try attempt(portfolio, original, options: options, strong: !quickBudget,
                                budget: quickBudget ? (options.quickRootIterations, options.quickNodes) : nil, elapsed: elapsed)
        guard quickBudget, quick.status == .feasible || quick.status == .timeLimit, elapsed() < options.timeLimit,
              options.cancellation?.isCancelled != true else { return interruption(quick, options) }
        let strong = try attempt(portfolio, original, options: options, strong: true, budget: nil, elapsed: elapsed)
        return interruption(combined(quick, strong, seconds: elapsed()), options)
    }

    /// `result` marked as interrupted when Ctrl-C came before it was proven.
    private static func interruption(_ result: PlanResult, _ options: PlanOptions) -> PlanResult {
        var result = result
        result.interrupted = options.cancellation?.isCancelled == true && result.status != .optimal && result.status != .infeasible
        return result
    }

    /// The better schedule of two attempts at the same portfolio, with the stronger of their bounds
    /// (both are valid lower bounds of the same objective).
    static func combined(_ a: PlanResult, _ b: PlanResult, seconds: Double) -> PlanResult {
        guard b.status != .optimal else { return PlanResult(status: b.status, schedule: b.schedule, objective: b.objective, bound: b.bound,
                                                                gap: b.gap, seconds: seconds, latenessWeight: b.latenessWeight,
                                                                explanation: b.explanation, heuristicObjective: b.heuristicObjective) }
        var best = b
        if let objective = a.objective, objective < (b.objective ?? .max) { best = a }
        best.skippedModel = b.skippedModel ?? a.skippedModel
        best.heuristicObjective = [a.heuristicObjective, b.heuristicObjective].compactMap { $0 }.min()
        let bounds = [a.bound, b.bound].compactMap { $0 }
        best.bound = bounds.max()
        best.seconds = seconds
        if let objective = best.objective {
            best.status = .feasible
            if let bound = best.bound {
                // The objective is integral, so a bound within round-off of it proves it.
                if (bound - max(1e-6, 1e-9 * abs(bound))).rounded(.up) >= Double(objective) {
                    best.status = .optimal
                    best.bound = Double(objective)
                    best.gap = 0
                } else {
                    best.gap = max(0, Double(objective) - bound) / max(1, abs(Double(objective)))
                }
            }
        }
        return best
    }

    /// One attempt: the plain pipeline (`strong: false`) or the strengthened one, the MIP within
    /// `budget` (root simplex iterations, nodes) if given, else within the time left.
    private static func attempt(_ portfolio: Portfolio, _ original: PlanningProblem, options: PlanOptions, strong: Bool,
                                budget: (iterations: Int, nodes: Int)?, elapsed: () -> Double) throws(SchedulingError) -> PlanResult {
        // The heuristics (and folding) stop early on Ctrl-C or when their share of the time limit
        // is spent (a third; two thirds with the local search), leaving the rest to GLPK; the
        // serial heuristic completes its first priority rule first.
        func stopping(_ share: Double) -> Bool { options.cancellation?.isCancelled == true || elapsed() >= share * options.timeLimit }
        // Load-free phases only pass delays on: the strong pipeline works without them (see PhaseFolding).
        let folding = PhaseFolding(original, enabled: strong && options.foldPhases, shouldStop: { stopping(1.0 / 3) })
        let problem = folding.reduced
        func result(_ status: PlanStatus, _ assignment: Assignment?, bound: Double?, explanation: String? = nil,
                    heuristic: Int? = nil) throws(SchedulingError) -> PlanResult {
            var schedule: Schedule?
            var objective: Int?
            var gap: Double?
            if let reducedAssignment = assignment {
                let assignment = folding.expand(reducedAssignment)
                let decoded = ScheduleDecoder(problem: original).schedule(from: assignment)
                let violations = ScheduleValidator.check(decoded, against: portfolio)
                if !violations.isEmpty { throw .invalidSolverSchedule(violations) }
                schedule = decoded
                let value = assignment.cost(in: original)
                objective = value
                if let bound { gap = max(0, Double(value) - bound) / max(1, abs(Double(value))) }
            }
            return PlanResult(status: status, schedule: schedule, objective: objective, bound: status == .optimal ? objective.map(Double.init) : bound,
                              gap: status == .optimal ? 0 : gap, seconds: elapsed(), latenessWeight: problem.latenessWeight,
                              explanation: explanation, heuristicObjective: heuristic)
        }

        let windows: TimeWindows
        do {
            windows = try TimeWindows(problem)
        } catch {
            switch error {
            case .cycle:
                throw .dependencyCycle
            case .empty(let task):
                var infeasible = try result(.infeasible, nil, bound: nil, explanation: explainEmptyWindow(task: task, problem: problem))
                infeasible.conflict = explainConflict(original, options: options, elapsed: elapsed)
                return infeasible
            }
        }

        // A model too large even over the untightened windows will not be built: the heuristics
        // may then take nearly all the time.
        let shares = ModelSize(problem, windows).total > options.maximumModelSize ? (0.45, 0.9) : (1.0 / 3, 2.0 / 3)
        var heuristic = SerialScheduler(problem: problem, windows: windows)
            .bestSchedule(iterations: options.heuristicIterations, seed: options.seed, shouldStop: { stopping(shares.0) })
        if strong, let start = heuristic {
            heuristic = PhaseListSearch(problem: problem, windows: windows)
                .improve(start, iterations: options.searchIterations, seed: options.seed, shouldStop: { stopping(shares.1) })
        }
        let heuristicCost = heuristic.map { $0.cost(in: problem) }
        if problem.open.isEmpty {
            return try result(.optimal, Assignment(starts: Array(repeating: 0, count: problem.tasks.count), units: []), bound: 0)
        }
        if heuristic == nil {
            // A phase that fits nowhere makes the plan infeasible at once, without a solver.
            if let originalWindows = try? TimeWindows(original),
               case let impossible = QuickConflicts.impossiblePhases(original, originalWindows), !impossible.lines.isEmpty {
                var infeasible = try result(.infeasible, nil, bound: nil, explanation: impossible.lines.joined(separator: "; "))
                infeasible.conflict = explainConflict(original, options: options, elapsed: elapsed)
                return infeasible
            }
        }

        let tight = heuristicCost.map { tightenedWindows(problem, windows, incumbent: $0) } ?? windows
        // Past the size bound (or once stopped) the MIP is not built: the heuristic's schedule stands.
        let size = ModelSize(problem, tight)
        if size.total > options.maximumModelSize || options.cancellation?.isCancelled == true {
            let bound = Double(cheapestCost(problem, windows))
            var kept = try result(heuristic == nil ? .timeLimit : .feasible, heuristic, bound: bound, heuristic: heuristicCost)
            if size.total > options.maximumModelSize { kept.skippedModel = size }
            return kept
        }

        let model: TimeIndexedModel
        let solution: MIPSolution
        do {
            model = try TimeIndexedModel(problem: problem, windows: tight)
            var mip = MIPOptions()
            mip.timeLimit = max(0.1, options.timeLimit - elapsed())
            mip.relativeGap = options.relativeGap
            mip.integralObjective = true
            mip.shouldStop = options.cancellation?.stopRequest
            mip.rootIterationLimit = budget?.iterations
            mip.nodeLimit = budget?.nodes
            if let heuristic { mip.warmStart = model.columnValues(for: heuristic) }
            solution = try model.program.solveMIP(mip)
        } catch let error as GLPKError {
            throw .solver(error)
        } catch {
            throw .solver(.solverFailure(call: "model building", code: -1, meaning: "\(error)"))
        }

        switch solution.status {
        case .optimal:
            return try result(.optimal, model.assignment(from: solution.columnValues), bound: solution.bound, heuristic: heuristicCost)
        case .feasible:
            var assignment = model.assignment(from: solution.columnValues)
            if let heuristic, let cost = heuristicCost, cost < assignment.cost(in: problem) { assignment = heuristic }
            return try result(.feasible, assignment, bound: solution.bound, heuristic: heuristicCost)
        case .timeLimitWithoutSolution:
            if let heuristic { return try result(.feasible, heuristic, bound: solution.bound, heuristic: heuristicCost) }
            return try result(.timeLimit, nil, bound: solution.bound)
        case .infeasible, .unbounded:
            if heuristic != nil {
                throw .solver(.solverFailure(call: "glp_intopt", code: -1, meaning: "GLPK called a plan infeasible for which a feasible schedule is known"))
            }
            var infeasible = try result(.infeasible, nil, bound: nil, explanation:
                "no schedule fits the capacities, dependencies and fixed progress within the horizon \(portfolio.horizonEnd); "
                + "the smallest relaxations that would make it fit follow")
            infeasible.conflict = explainConflict(original, options: options, elapsed: elapsed)
            return infeasible
        }
    }

    /// Why `problem` is infeasible (``ConflictExplainer``), within the time left; nil when not asked.
    static func explainConflict(_ problem: PlanningProblem, options: PlanOptions, elapsed: () -> Double) -> ConflictExplanation? {
        guard options.explainConflicts else { return nil }
        return ConflictExplainer(problem: problem, timeLimit: max(0, options.timeLimit - elapsed()), cancellation: options.cancellation,
                          maximumModelSize: options.maximumModelSize).explain()
    }

    /// A lower bound on the objective: every open standard published as early as its window allows.
    static func cheapestCost(_ problem: PlanningProblem, _ windows: TimeWindows) -> Int {
        problem.open.reduce(0) { total, standard in
            total + standard.cost(publishedIn: problem.publication(of: standard, lastStart: windows.earliest[problem.lastTask(of: standard)]))
        }
    }

    /// Tighter windows from an incumbent: no standard may cost more than the incumbent leaves
    /// room for once every other standard is at its cheapest.
    static func tightenedWindows(_ problem: PlanningProblem, _ windows: TimeWindows, incumbent: Int) -> TimeWindows {
        let cheapest = problem.open.map { standard -> Int in
            let last = problem.lastTask(of: standard)
            return standard.cost(publishedIn: problem.publication(of: standard, lastStart: windows.earliest[last]))
        }
        let total = cheapest.reduce(0, +)
        let bounds = problem.open.enumerated().map { k, standard -> Int? in
            let budget = incumbent - (total - cheapest[k])
            let last = problem.lastTask(of: standard)
            var p = problem.publication(of: standard, lastStart: windows.latest[last])
            while p > 0, standard.cost(publishedIn: p) > budget { p -= 1 }
            return p
        }
        return (try? TimeWindows(problem, latestPublication: bounds)) ?? windows
    }

    /// Why some task has no room: first the hard deadlines that no schedule could meet even with
    /// unlimited capacity (all of them, so the planner sees every one at once), else the task itself.
    static func explainEmptyWindow(task: Int, problem: PlanningProblem) -> String {
        let portfolio = problem.portfolio
        if let relaxed = try? TimeWindows(problem, hardDeadlines: false) {
            let unreachable = problem.open.compactMap { standard -> String? in
                guard standard.hardDeadline, let deadline = standard.deadline else { return nil }
                let last = problem.lastTask(of: standard)
                let earliest = problem.publication(of: standard, lastStart: relaxed.earliest[last])
                guard earliest > deadline else { return nil }
                let s = portfolio.standards[standard.standard]
                return "\(s.id) (\(s.name)): due \(portfolio.planStart + deadline), earliest possible publication \(portfolio.planStart + earliest)"
            }
            if !unreachable.isEmpty {
                return "these hard deadlines cannot hold even with unlimited capacity: " + unreachable.joined(separator: "; ")
                    + ". Move their target years, or drop hard_deadline for them"
            }
        }
        let standard = portfolio.standards[problem.tasks[task].standard]
        let phase = standard.phases[problem.tasks[task].phaseIndex]
        return "\(standard.id) (\(standard.name)) cannot finish its phase \(phase.id) (\(phase.name)) by the horizon \(portfolio.horizonEnd), "
            + "even with unlimited capacity; move horizon_end later or relax its earliest start, dependencies or fixed progress"
    }
}
