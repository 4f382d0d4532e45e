import GLPK

/// The hybrid exact engine for single-mode RCPSP (minimise makespan).
///
/// 1. Upper bound: priority rules with serial and parallel generation, double justification, and
///    a first genetic stage.
/// 2. Lower bounds: critical path, resource work, and destructive energetic reasoning (a
///    makespan limit whose propagated, then shaved, windows fail the energetic test is
///    impossible), then (optionally) the LP relaxation of the time-indexed model from GLPK, over
///    windows propagated under the limit one below the incumbent.
/// 3. Proof: the engine's branch-and-bound with propagation (``CutsetSearch``) for a first
///    share of nodes, then a second, longer genetic stage, then the same search continued (it
///    keeps the states it explored) in doubling shares until the time limit, with a short genetic
///    stage seeded with every schedule it finds. With `method == .mip`, GLPK's branch-and-cut on
///    the time-indexed model instead, warm-started with the incumbent.
///
/// Every stage stops the moment the lower bound meets the upper bound.
public enum RCPSPEngine {
    /// Solves `instance` (which must pass ``RCPSPInstance/problems``). Throws only if GLPK fails.
    public static func solve(_ instance: RCPSPInstance, options: RCPSPOptions = RCPSPOptions()) throws -> RCPSPResult {
        let deadline = Deadline(seconds: options.timeLimit)
        let network = ProjectNetwork(instance)
        var propagator = Propagator(network: network)
        var lowerBound = max(network.criticalPathBound, workBound(network))
        var proof = RCPSPProof.bounds
        var nodes = 0

        var heuristic = HeuristicSearch(network: network, lowerBound: lowerBound, seed: options.seed, deadline: deadline)
        let lists = heuristic.runPriorityRules()
        var windows: (earliest: [Int], latest: [Int])?
        lowerBound = destructiveBound(network, &propagator, from: lowerBound, below: heuristic.bestMakespan, deadline: deadline, windows: &windows)
        heuristic.lowerBound = lowerBound
        // The shaved windows under the lower bound say when each job must start in a schedule
        // that short; as priorities they lead the generation schemes towards one.
        let windowLists = windows.map { heuristic.runWindowRules(earliest: $0.earliest, latest: $0.latest) } ?? []
        heuristic.genetic(seedLists: windowLists + lists, budget: options.firstStageSchedules)
        let heuristicMakespan = heuristic.bestMakespan
        var best = heuristic.best
        var upperBound = heuristic.bestMakespan

        func result() -> RCPSPResult {
            RCPSPResult(
                starts: best, makespan: upperBound, lowerBound: min(lowerBound, upperBound),
                proof: lowerBound >= upperBound ? proof : .none, seconds: deadline.elapsed,
                heuristicMakespan: heuristicMakespan, rootBound: rootBound,
                schedules: heuristic.generated, nodes: nodes)
        }
        var rootBound = lowerBound
        if lowerBound >= upperBound || options.method == .heuristic || deadline.passed {
            if options.method == .heuristic, lowerBound < upperBound {
                heuristic.genetic(seedLists: [network.order], budget: options.firstStageSchedules + options.secondStageSchedules)
                best = heuristic.best
                upperBound = heuristic.bestMakespan
            }
            return result()
        }

        if options.linearProgrammingBound {
            let lp = try linearProgrammingBound(network, &propagator, below: upperBound, deadline: deadline)
            if lp > lowerBound {
                lowerBound = lp
                proof = .linearProgram
            }
            rootBound = lowerBound
            if lowerBound >= upperBound || deadline.passed { return result() }
        }

        if options.method == .mip {
            let outcome = try mip(network, &propagator, incumbent: best, options: options, deadline: deadline)
            if let starts = outcome.starts, outcome.makespan < upperBound {
                best = starts
                upperBound = outcome.makespan
            }
            nodes = outcome.nodes
            if outcome.bound > lowerBound {
                lowerBound = outcome.bound
                proof = .mip
            }
            return result()
        }

        // Branch-and-bound for a first share of nodes, then a longer genetic stage, then the
        // search on to the end in growing shares, each improvement polished by a short genetic
        // stage seeded with it.
        var earliest = network.heads
        var latest = Array(repeating: network.horizon, count: network.jobCount)
        guard propagator.propagate(earliest: &earliest, latest: &latest, limit: upperBound - 1) else {
            lowerBound = upperBound
            proof = .search
            return result()
        }
        var search = CutsetSearch(network: network, incumbent: upperBound, lowerBound: lowerBound, deadline: deadline)
        /// Runs the genetic algorithm for `budget` more schedules, seeded with the incumbent, and
        /// takes what it finds.
        func polish(_ budget: Int) {
            heuristic.offer(best)
            heuristic.genetic(seedLists: [heuristic.generator.order(byStart: best)], budget: heuristic.generated + budget)
            if heuristic.bestMakespan < upperBound {
                best = heuristic.best
                upperBound = heuristic.bestMakespan
            }
        }
        var share = options.firstSearchNodes
        var stage = 0
        while lowerBound < upperBound, !deadline.passed {
            stage += 1
            search.tighten(to: upperBound)
            let before = search.nodes
            let complete = search.run(budget: share)
            nodes += search.nodes - before
            let improved = search.found != nil && search.upper < upperBound
            if improved, let found = search.found {
                best = found
                upperBound = heuristic.generator.makespan(found)
            }
            if upperBound <= lowerBound { break }
            if complete {
                lowerBound = upperBound
                proof = .search
                break
            }
            // A schedule the search just found is often a few swaps from a better one that the
            // search would reach only much later (j3013_1: 59 found after 113k nodes, 58 after
            // 299k; the genetic algorithm seeded with the 59 finds 58 in under 5,000 schedules).
            if stage == 1 {
                polish(options.secondStageSchedules)
            } else if improved {
                polish(options.polishSchedules)
            }
            share = share > Int.max / 2 ? Int.max : share * 2
        }
        return result()
    }

    /// `max_k ⌈Σ_j d_j r_jk / R_k⌉`: no schedule is shorter than the work on its busiest resource.
    static func workBound(_ network: ProjectNetwork) -> Int {
        var bound = 0
        for k in 0..<network.resourceCount where network.capacities[k] > 0 {
            var work = 0
            for j in 0..<network.jobCount { work += network.durations[j] * network.demand[j * network.resourceCount + k] }
            bound = max(bound, (work + network.capacities[k] - 1) / network.capacities[k])
        }
        return bound
    }

    /// Destructive improvement (Klein and Scholl 1999): raises the bound while the makespan limit
    /// `bound` is refuted by propagation, the energetic test, or shaving followed by the
    /// energetic test on the shaved windows, up to `upper`.
    static func destructiveBound(_ network: ProjectNetwork, _ propagator: inout Propagator, from bound: Int, below upper: Int, deadline: Deadline) -> Int {
        var windows: (earliest: [Int], latest: [Int])?
        return destructiveBound(network, &propagator, from: bound, below: upper, deadline: deadline, windows: &windows)
    }

    /// The same, also giving the shaved windows under the bound it stops at (nil when it reached
    /// `upper` or the deadline): every schedule as short as that bound starts within them.
    static func destructiveBound(
        _ network: ProjectNetwork, _ propagator: inout Propagator, from bound: Int, below upper: Int, deadline: Deadline,
        windows: inout (earliest: [Int], latest: [Int])?
    ) -> Int {
        var bound = bound
        windows = nil
        while bound < upper, !deadline.passed {
            var earliest = network.heads
            var latest = Array(repeating: network.horizon, count: network.jobCount)
            if propagator.propagate(earliest: &earliest, latest: &latest, limit: bound),
               propagator.energeticCheck(earliest: earliest, latest: latest),
               propagator.shave(earliest: &earliest, latest: &latest, limit: bound, deadline: deadline),
               propagator.energeticCheck(earliest: earliest, latest: latest) {
                windows = (earliest, latest)
                break
            }
            bound += 1
        }
        return bound
    }

    /// `⌈LP⌉` of the time-indexed model over the windows propagated under `upper − 1`, or `upper`
    /// when those windows are empty or the LP is infeasible.
    static func linearProgrammingBound(_ network: ProjectNetwork, _ propagator: inout Propagator, below upper: Int, deadline: Deadline) throws -> Int {
        var earliest = network.heads
        var latest = Array(repeating: network.horizon, count: network.jobCount)
        guard propagator.propagate(earliest: &earliest, latest: &latest, limit: upper - 1) else { return upper }
        let model = try TimeIndexedMakespanModel(network: network, earliest: earliest, latest: latest, integer: false)
        let solution = try model.program.solveLP(LPOptions(timeLimit: max(0.05, deadline.remaining ?? 60)))
        switch solution.status {
        case .infeasible: return upper
        case .optimal: return min(upper, Int((solution.objective - 1e-6).rounded(.up)))
        default: return 0
        }
    }

    /// GLPK's branch-and-cut on the time-indexed model within windows for the incumbent's makespan.
    static func mip(_ network: ProjectNetwork, _ propagator: inout Propagator, incumbent: [Int], options: RCPSPOptions, deadline: Deadline)
        throws -> (starts: [Int]?, makespan: Int, bound: Int, nodes: Int)
    {
        let makespan = (0..<network.jobCount).map { incumbent[$0] + network.durations[$0] }.max() ?? 0
        var earliest = network.heads
        var latest = Array(repeating: network.horizon, count: network.jobCount)
        guard propagator.propagate(earliest: &earliest, latest: &latest, limit: makespan) else { return (nil, makespan, 0, 0) }
        let model = try TimeIndexedMakespanModel(network: network, earliest: earliest, latest: latest, integer: true)
        var mipOptions = MIPOptions(
            timeLimit: max(0.05, deadline.remaining ?? 3600), warmStart: model.columnValues(for: incumbent),
            integralObjective: true, cuts: options.cuts, branching: options.branching, backtracking: options.backtracking)
        mipOptions.relativeGap = 0
        let solution = try model.program.solveMIP(mipOptions)
        let bound = solution.bound.map { Int(($0 - 1e-6).rounded(.up)) } ?? 0
        if solution.columnValues.isEmpty { return (nil, makespan, bound, solution.nodes ?? 0) }
        let starts = model.starts(from: solution.columnValues)
        let found = (0..<network.jobCount).map { starts[$0] + network.durations[$0] }.max() ?? 0
        let proven = solution.status == .optimal ? found : bound
        return (starts, found, proven, solution.nodes ?? 0)
    }
}
