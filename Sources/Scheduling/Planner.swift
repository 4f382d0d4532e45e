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
        let original = PlanningProblem(portfolio, reference: options.reference)
        var search = LevelSearch(problem: original)
        let quickBudget = options.quickRootIterations > 0 && options.quickNodes > 0
        try attempt(portfolio, &search, options: options, strong: !quickBudget,
                    budget: quickBudget ? (options.quickRootIterations, options.quickNodes) : nil, elapsed: elapsed)
        if quickBudget, !search.isSettled, search.incumbent != nil, elapsed() < options.timeLimit {
            try attempt(portfolio, &search, options: options, strong: true, budget: nil, elapsed: elapsed)
        }
        let result = try search.result(portfolio: portfolio, seconds: elapsed())
        report(options, .finished(result.status), search, seconds: result.seconds)
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
        best.heuristicObjective = [a.heuristicObjective, b.heuristicObjective].compactMap { $0 }.min()
        let bounds = [a.bound, b.bound].compactMap { $0 }
        best.bound = bounds.max()
        best.seconds = seconds
        if let objective = best.objective {
            best.status = .feasible
            if let bound = best.bound {
                if LevelSearch.proves(bound: bound, value: objective) {
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

    /// One attempt: the plain pipeline (`strong: false`) or the strengthened one, each MIP within
    /// `budget` (root simplex iterations, nodes) if given, else within the time left. It continues
    /// `search` where an earlier attempt left it: levels already proven stay held, and the best
    /// schedule so far is the warm start.
    private static func attempt(_ portfolio: Portfolio, _ search: inout LevelSearch, options: PlanOptions, strong: Bool,
                                budget: (iterations: Int, nodes: Int)?, elapsed: () -> Double) throws(SchedulingError) {
        let original = search.problem
        // Load-free phases only pass delays on: the strong pipeline works without them (see PhaseFolding).
        let folding = PhaseFolding(original, enabled: strong && options.foldPhases)
        let problem = folding.reduced

        let windows: TimeWindows
        do {
            windows = try TimeWindows(problem)
        } catch {
            switch error {
            case .cycle:
                throw .dependencyCycle
            case .empty(let task):
                search.infeasible(because: explainEmptyWindow(task: task, problem: problem))
                return
            }
        }
        search.completionFloor = completionFloor(problem, windows)

        var heuristic = SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: options.heuristicIterations, seed: options.seed)
        if let known = search.incumbent.map(folding.reduce), known.cost(in: problem) < heuristic?.cost(in: problem) ?? .max {
            heuristic = known
        }
        if strong, let start = heuristic {
            heuristic = PhaseListSearch(problem: problem, windows: windows)
                .improve(start, iterations: options.searchIterations, seed: options.seed)
        }
        heuristic = heuristic.map(IdleCompaction(problem: problem, windows: windows).compact)
        if let heuristic { search.offer(folding.expand(heuristic), fromHeuristic: true) }
        report(options, .heuristic, search, seconds: elapsed())
        if problem.open.isEmpty {
            search.offer(Assignment(starts: Array(repeating: 0, count: original.tasks.count), units: []), fromHeuristic: true)
            search.proveRemainingLevels()
            return
        }

        let tight = search.incumbent.map { tightenedWindows(problem, windows, incumbent: $0.cost(in: original)) } ?? windows
        var model: TimeIndexedModel
        do {
            model = try TimeIndexedModel(problem: problem, windows: tight)
            for (level, value) in zip(problem.levels, search.proven) { try model.hold(level, atMost: value) }
        } catch {
            throw .solver(error as? GLPKError ?? .solverFailure(call: "model building", code: -1, meaning: "\(error)"))
        }
        for index in search.proven.count..<problem.levels.count {
            let level = problem.levels[index]
            let solution: MIPSolution
            do {
                var mip = MIPOptions()
                if level == .lateness, index + 1 < problem.levels.count, problem.levels[index + 1] == .completion {
                    // Lateness alone leaves the LP hugely degenerate (every on-time standard costs nothing
                    // wherever it goes), and the simplex stalls: on review-capacity-halved its root did not
                    // finish in 45 s. A completion term scaled below a quarter of a unit guides it, and the
                    // proof stays exact for lateness (`fractionalTail`).
                    let scale = 0.25 / (model.largestValue(of: .completion) + 1)
                    try model.setObjective(level, guide: (.completion, scale))
                    mip.fractionalTail = scale * model.largestValue(of: .completion)
                } else {
                    try model.setObjective(level)
                }
                mip.timeLimit = max(0.1, options.timeLimit - elapsed())
                mip.relativeGap = options.relativeGap
                mip.integralObjective = true
                mip.rootIterationLimit = budget?.iterations
                mip.nodeLimit = budget?.nodes
                mip.progress = searchProgress(options, level: level, known: search.incumbent.map { $0.cost(in: original, level: level) }, seconds: elapsed())
                if let incumbent = search.incumbent { mip.warmStart = model.columnValues(for: folding.reduce(incumbent)) }
                do {
                    solution = try model.program.solveMIP(mip)
                } catch GLPKError.warmStartInvalid {
                    // Defensive: the incumbent meets every constraint of this model by construction, and the
                    // tests check GLPK accepts it; if it ever did not, solving without it is still correct.
                    mip.warmStart = nil
                    solution = try model.program.solveMIP(mip)
                }
            } catch {
                throw .solver(error as? GLPKError ?? .solverFailure(call: "glp_intopt", code: -1, meaning: "\(error)"))
            }
            switch solution.status {
            case .optimal, .feasible:
                search.offer(folding.expand(model.assignment(from: solution.columnValues)), fromHeuristic: false)
            case .timeLimitWithoutSolution:
                break
            case .infeasible, .unbounded:
                if search.incumbent != nil {
                    throw .solver(.solverFailure(call: "glp_intopt", code: -1, meaning: "GLPK called a plan infeasible for which a feasible schedule is known"))
                }
                search.infeasible(because:
                    "no schedule fits the capacities, dependencies and fixed progress within the horizon \(portfolio.horizonEnd); "
                    + "try a later horizon_end, more capacity, or fewer fixed facts")
                return
            }
            let value = search.incumbent.map { $0.cost(in: original, level: level) }
            // A proof must agree with the best schedule known: GLPK's optimum of this level can be no
            // lower than a schedule we hold (else the model is wrong) and no higher (else its search was).
            guard solution.status == .optimal, let value, let optimum = solution.objective, abs(optimum - Double(value)) < 0.5 else {
                search.levelBound = solution.bound.map { min($0, value.map(Double.init) ?? $0) }
                report(options, .levelDone, search, seconds: elapsed(), level: index)
                return
            }
            // Proven: no schedule does better on this level. Hold it there while the next level is minimised.
            search.proven.append(value)
            search.levelBound = nil
            report(options, .levelDone, search, seconds: elapsed(), level: index)
            if index + 1 < problem.levels.count {
                do { try model.hold(level, atMost: value) } catch {
                    throw .solver(error as? GLPKError ?? .solverFailure(call: "model building", code: -1, meaning: "\(error)"))
                }
            }
        }
    }

    /// The least completion cost any schedule can have: every standard at its earliest publication.
    static func completionFloor(_ problem: PlanningProblem, _ windows: TimeWindows) -> Int {
        problem.open.reduce(0) { total, standard in
            total + standard.cost(publishedIn: problem.publication(of: standard, lastStart: windows.earliest[problem.lastTask(of: standard)]),
                                  level: .completion)
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
