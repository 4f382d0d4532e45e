import Dispatch
import GLPK
import PlanModel
import Validation

/// Plans a portfolio: heuristic first (so there is always a schedule to fall back on), then
/// the time-indexed MIP in GLPK, warm-started with the heuristic's schedule, to prove or
/// improve it. Every schedule returned has passed ``ScheduleValidator``.
public enum Planner {
    /// Plans `portfolio`. Throws only for faults (a solver failure, a schedule that fails
    /// validation); infeasibility and time limits are statuses of the result.
    ///
    /// The strengthened pipeline: load-free phases folded out of the MIP (``PhaseFolding``), the
    /// heuristic's schedule improved by a phase-level local search (``PhaseListSearch``), whose better
    /// incumbent narrows the time windows, and a Lagrangian bound on the second core whose reduced
    /// costs narrow them further (``BackgroundBound``). With ``PlanOptions/quickRootIterations`` set,
    /// a plain first attempt (serial heuristic, full model, small budgets) comes first; it is off by
    /// default, the strengthened pipeline having proved every measured input faster alone. Budgets
    /// are counts, so the answer never depends on the machine's speed; only the time limit can cut a
    /// search short.
    public static func plan(_ portfolio: Portfolio, options: PlanOptions = PlanOptions()) throws(SchedulingError) -> PlanResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let original = PlanningProblem(portfolio, reference: options.reference)
        var search = LevelSearch(problem: original)
        // A portfolio whose model would be too large goes straight to the strengthened heuristics,
        // which then have the whole time: GLPK would not finish even its root LP.
        let large = (try? TimeWindows(original)).map { ModelSize(original, $0).total > options.maximumModelSize } ?? false
        let quickBudget = options.quickRootIterations > 0 && options.quickNodes > 0 && !large
        try attempt(portfolio, &search, options: options, strong: !quickBudget,
                    budget: quickBudget ? (options.quickRootIterations, options.quickNodes) : nil, elapsed: elapsed)
        if quickBudget, !search.isSettled, search.incumbent != nil, search.skippedModel == nil, elapsed() < options.timeLimit,
           options.cancellation?.isCancelled != true {
            try attempt(portfolio, &search, options: options, strong: true, budget: nil, elapsed: elapsed)
        }
        var result = try search.result(portfolio: portfolio, seconds: elapsed())
        result.compilation = original
        // Marked interrupted when Ctrl-C came before the result was proven.
        result.interrupted = options.cancellation?.isCancelled == true && result.status != .optimal && result.status != .infeasible
        report(options, .finished(result.status), search, seconds: result.seconds)
        return result
    }

    /// One attempt: the plain pipeline (`strong: false`) or the strengthened one, each MIP within
    /// `budget` (root simplex iterations, nodes) if given, else within the time left. It continues
    /// `search` where an earlier attempt left it: levels already proven stay held, and the best
    /// schedule so far is the warm start.
    private static func attempt(_ portfolio: Portfolio, _ search: inout LevelSearch, options: PlanOptions, strong: Bool,
                                budget: (iterations: Int, nodes: Int)?, elapsed: () -> Double) throws(SchedulingError) {
        let original = search.problem
        // The heuristics (and folding) stop early on Ctrl-C or when their share of the time limit
        // is spent (a third; two thirds with the local search), leaving the rest to GLPK; the
        // serial heuristic completes its first priority rule first.
        func stopping(_ share: Double) -> Bool { options.cancellation?.isCancelled == true || elapsed() >= share * options.timeLimit }
        // Load-free phases only pass delays on: the strong pipeline works without them (see PhaseFolding).
        let folding = PhaseFolding(original, enabled: strong && options.foldPhases, shouldStop: { stopping(1.0 / 3) })
        let problem = folding.reduced

        let windows: TimeWindows
        do {
            windows = try TimeWindows(problem)
        } catch {
            switch error {
            case .cycle:
                throw .dependencyCycle
            case .empty(let task):
                search.infeasible(because: explainEmptyWindow(task: task, problem: problem),
                                  conflict: explainConflict(original, options: options, elapsed: elapsed))
                return
            }
        }
        search.completionFloor = completionFloor(problem, windows)
        // Every standard at its cheapest is a bound on the first open level, whatever GLPK manages.
        if search.proven.count < problem.levels.count {
            let floor = Double(cheapest(problem, windows, level: problem.levels[search.proven.count]))
            search.levelBound = max(search.levelBound ?? floor, floor)
        }

        // A model too large even over the untightened windows will not be built: the heuristics
        // may then take nearly all the time.
        let unbuilt = ModelSize(problem, windows).total > options.maximumModelSize
        let shares = unbuilt ? (0.45, 0.9) : (1.0 / 3, 2.0 / 3)
        // Without a MIP to follow, the local search is the answer: it runs to its share of the time
        // (the result then depends on the machine's speed, as any time-limited result does).
        let searchIterations = unbuilt ? Int.max : options.searchIterations
        // The second core climbs a Lagrangian bound on the open level while the heuristics and GLPK work
        // on this one; whatever it has proven when they end joins the bound (or proves the level).
        let background = strong && options.parallelBound && !problem.open.isEmpty && search.proven.count < problem.levels.count
            && problem.levels[search.proven.count] != .stability
            ? BackgroundBound(problem: problem, windows: windows, levelIndex: search.proven.count, proven: search.proven,
                              known: search.incumbent.map(folding.reduce),
                              options: LagrangianOptions(timeLimit: max(0.1, options.timeLimit * (unbuilt ? shares.1 : 1) - elapsed())),
                              cancelled: { [flag = options.cancellation] in flag?.isCancelled == true })
            : nil
        defer {
            if let background, let result = background.finish() { adopt(result, of: background.levelIndex, &search, problem, windows) }
        }
        var heuristic = SerialScheduler(problem: problem, windows: windows)
            .bestSchedule(iterations: options.heuristicIterations, seed: options.seed, shouldStop: { stopping(shares.0) })
        if let known = search.incumbent.map(folding.reduce), known.cost(in: problem) < heuristic?.cost(in: problem) ?? .max {
            heuristic = known
        }
        if strong, let start = heuristic {
            // Said at once: past the size limit the local search takes most of the time, and a first
            // schedule that waited for it was reported after 54 s of a minute at 300 standards.
            search.offer(folding.expand(start), fromHeuristic: true)
            report(options, .heuristic, search, seconds: elapsed())
            heuristic = PhaseListSearch(problem: problem, windows: windows)
                .improve(start, iterations: searchIterations, seed: options.seed, shouldStop: { stopping(shares.1) })
        }
        heuristic = heuristic.map(IdleCompaction(problem: problem, windows: windows).compact)
        if let heuristic { search.offer(folding.expand(heuristic), fromHeuristic: true) }
        report(options, .heuristic, search, seconds: elapsed())
        if problem.open.isEmpty {
            search.offer(Assignment(starts: Array(repeating: 0, count: original.tasks.count), units: []), fromHeuristic: true)
            search.proveRemainingLevels()
            return
        }
        // A level whose bound the best schedule already meets is proven without GLPK: at 100 generated
        // standards (seed 2) the search reached 127 weighted months late, what every standard at its
        // earliest publication gives, and GLPK then spent 6 s on a root LP to prove it again.
        while !search.isSettled, let bound = search.levelBound, let incumbent = search.incumbent {
            let index = search.proven.count
            let value = incumbent.cost(in: original, level: problem.levels[index])
            guard LevelSearch.proves(bound: bound, value: value) else { break }
            proveWithoutGLPK(value, level: index, &search, problem, windows)
            report(options, .levelDone, search, seconds: elapsed(), level: index)
        }
        if search.isSettled { return }
        if heuristic == nil, search.incumbent == nil {
            // A phase that fits nowhere makes the plan infeasible at once, without a solver.
            if let originalWindows = try? TimeWindows(original),
               case let impossible = QuickConflicts.impossiblePhases(original, originalWindows), !impossible.lines.isEmpty {
                search.infeasible(because: impossible.lines.joined(separator: "; "),
                                  conflict: explainConflict(original, options: options, elapsed: elapsed))
                return
            }
        }

        // Lagrangian reduced-cost fixing: starts no schedule as good as the incumbent can use leave the
        // windows, so GLPK gets a far smaller model (review-capacity-halved: proven in 7 s, was 25–41 s).
        // Only where the MIP will be built: the fixing waits for the climb and costs the square of a
        // window per task, time a portfolio past the size limit is better spent searching.
        let reduced = unbuilt ? nil : background.flatMap { background in
            search.proven.count == background.levelIndex ? search.incumbent.flatMap { background.reducedStarts(keeping: folding.reduce($0)) } : nil
        }
        let tight = search.incumbent.map { tightenedWindows(problem, windows, incumbent: $0.cost(in: original), startWithin: reduced) } ?? windows
        // Past the size bound (or once stopped) the MIP is not built: the best schedule so far stands,
        // with the bound held (every standard at its cheapest, and the Lagrangian bound when it ends).
        let size = ModelSize(problem, tight)
        if size.total > options.maximumModelSize || options.cancellation?.isCancelled == true {
            if size.total > options.maximumModelSize { search.skippedModel = size }
            return
        }
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
                // GLPK's cuts on a level after the first, on a model past `cutsFromSize`: measured on three
                // generated 100-standard portfolios (40 s), the completion bound rose by 0–2 units and one
                // was proven (none without); on the baseline and its what-ifs (under 16,000 columns and
                // rows once narrowed) the root closes that level anyway and cuts only cost 0.05–0.13 s.
                mip.cuts = index > 0 && size.total > cutsFromSize
                mip.shouldStop = options.cancellation?.stopRequest
                mip.rootIterationLimit = budget?.iterations
                mip.nodeLimit = budget?.nodes
                mip.progress = searchProgress(options, level: level, known: search.incumbent.map { $0.cost(in: original, level: level) }, seconds: elapsed())
                if let incumbent = search.incumbent { mip.warmStart = model.columnValues(for: folding.reduce(incumbent)) }
                // Now and then in the search, the order a node's LP suggests, decoded and improved a little:
                // a schedule from another neighbourhood than the heuristics' (see LPGuidedSchedule).
                var guide = LPGuidedSchedule(problem: problem, windows: tight, searchIterations: options.searchIterations / 4,
                                             seed: options.seed)
                guide.judgingWhole = index > 0
                // Its search stops with the time limit or Ctrl-C, as GLPK's does.
                let deadline = ContinuousClock.now + .milliseconds(Int(max(0, options.timeLimit - elapsed()) * 1000))
                let stop = { [flag = options.cancellation] in flag?.isCancelled == true || ContinuousClock.now >= deadline }
                let guided: ([Double]) -> [Double]? = { [model] values in
                    guide.schedule(expected: model.expectedStarts(from: values), units: model.assignment(from: values).units, shouldStop: stop)
                        .map(model.columnValues(for:))
                }
                do {
                    solution = try model.program.solveMIP(mip, nodeHeuristic: guided)
                } catch GLPKError.warmStartInvalid {
                    // Defensive: the incumbent meets every constraint of this model by construction, and the
                    // tests check GLPK accepts it; if it ever did not, solving without it is still correct.
                    mip.warmStart = nil
                    solution = try model.program.solveMIP(mip, nodeHeuristic: guided)
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
                    + "the smallest relaxations that would make it fit follow",
                    conflict: explainConflict(original, options: options, elapsed: elapsed))
                return
            }
            let value = search.incumbent.map { $0.cost(in: original, level: level) }
            // The level is proven when the bound, rounded with its slack, reaches the best schedule's
            // own value. GLPK's `optimal` is not taken on trust: its optimum must agree with that value
            // (it can be no lower than a schedule we hold, else the model is wrong, and no higher, else
            // its search was).
            let agrees = solution.objective.map { optimum in value.map { abs(optimum - Double($0)) < 0.5 } ?? false } ?? false
            guard let value, let bound = solution.bound, solution.status == .optimal ? agrees : true,
                  LevelSearch.proves(bound: bound, value: value) else {
                // The stronger of GLPK's bound and the one held (GLPK may have none: its root LP unfinished).
                let glpk = solution.bound.map { min($0, value.map(Double.init) ?? $0) }
                search.levelBound = [search.levelBound, glpk].compactMap { $0 }.max()
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

    /// Columns and rows from which a level after the first is solved with GLPK's cuts (see `attempt`).
    static let cutsFromSize = 20_000

    /// Takes the Lagrangian bound on level `index` into `search`, if that level is still the open one:
    /// the stronger of it and the bound held, and the level proven when it reaches the best schedule's
    /// value (the next level then starts from every standard at its cheapest).
    private static func adopt(_ result: LagrangianResult, of index: Int, _ search: inout LevelSearch,
                              _ problem: PlanningProblem, _ windows: TimeWindows) {
        guard search.proven.count == index, let bound = result.levelBound else { return }
        let level = problem.levels[index]
        if let value = search.incumbent?.cost(in: search.problem, level: level), bound >= value {
            proveWithoutGLPK(value, level: index, &search, problem, windows)
        } else {
            search.levelBound = max(search.levelBound ?? Double(bound), Double(bound))
        }
    }

    /// Records level `index` proven at `value` before GLPK searched it; the next level starts from every
    /// standard at its cheapest.
    private static func proveWithoutGLPK(_ value: Int, level index: Int, _ search: inout LevelSearch,
                                         _ problem: PlanningProblem, _ windows: TimeWindows) {
        search.proven.append(value)
        search.levelBound = index + 1 < problem.levels.count ? Double(cheapest(problem, windows, level: problem.levels[index + 1])) : nil
    }

    /// The least completion cost any schedule can have: every standard at its earliest publication.
    static func completionFloor(_ problem: PlanningProblem, _ windows: TimeWindows) -> Int { cheapest(problem, windows, level: .completion) }

    /// A lower bound on a level: every open standard published as early as its window allows.
    static func cheapest(_ problem: PlanningProblem, _ windows: TimeWindows, level: ObjectiveLevel) -> Int {
        problem.open.reduce(0) { total, standard in
            total + standard.cost(publishedIn: problem.publication(of: standard, lastStart: windows.earliest[problem.lastTask(of: standard)]),
                                  level: level)
        }
    }

    /// Why `problem` is infeasible (``ConflictExplainer``), within the time left; nil when not asked.
    static func explainConflict(_ problem: PlanningProblem, options: PlanOptions, elapsed: () -> Double) -> ConflictExplanation? {
        guard options.explainConflicts else { return nil }
        return ConflictExplainer(problem: problem, timeLimit: max(0, options.timeLimit - elapsed()), cancellation: options.cancellation,
                                 maximumModelSize: options.maximumModelSize).explain()
    }

    /// Tighter windows from an incumbent: no standard may cost more than the incumbent leaves
    /// room for once every other standard is at its cheapest.
    static func tightenedWindows(_ problem: PlanningProblem, _ windows: TimeWindows, incumbent: Int,
                                 startWithin: [ClosedRange<Int>?]? = nil) -> TimeWindows {
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
        if let startWithin, let reduced = try? TimeWindows(problem, latestPublication: bounds, startWithin: startWithin) { return reduced }
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
