import CGLPK

extension LinearProgram {
    /// Solves the model with integrality: the LP relaxation first, then GLPK's branch-and-cut.
    ///
    /// Throws only for bad options (including an invalid warm start), use from the wrong thread, or a
    /// genuine solver breakdown; infeasible, unbounded and time-limited outcomes are reported in
    /// `MIPSolution.status`.
    ///
    /// `nodeHeuristic`, if given, is a primal heuristic: shown the LP optimum of a node (one value per
    /// column, 0-based), it may return a whole solution. It is asked at the first node whose LP beats
    /// the incumbent without being integral (GLPK's `GLP_IHEUR`), then at the 2nd, 4th, 8th… such node,
    /// so its cost stays a small share of the search. Every solution it returns is checked like a warm
    /// start (integrality, column and row bounds) and handed to GLPK only if it passes: GLPK itself
    /// checks nothing. It runs on the solving thread, inside `glp_intopt`.
    public func solveMIP(_ options: MIPOptions = MIPOptions(), nodeHeuristic: (([Double]) -> [Double]?)? = nil) throws -> MIPSolution {
        try ensureOwningThread()
        try Stopwatch.validate(options.timeLimit, option: "MIPOptions.timeLimit")
        guard options.relativeGap >= 0, options.relativeGap.isFinite else {
            throw GLPKError.invalidOption(
                name: "MIPOptions.relativeGap",
                reason: "it is \(options.relativeGap); use 0 to prove optimality or a small positive fraction such as 0.01")
        }
        for (name, limit) in [("MIPOptions.rootIterationLimit", options.rootIterationLimit), ("MIPOptions.nodeLimit", options.nodeLimit)] {
            if let limit, limit <= 0 {
                throw GLPKError.invalidOption(name: name, reason: "it is \(limit); use a positive count, or nil for no limit")
            }
        }
        guard options.fractionalTail >= 0, options.fractionalTail <= 0.25 else {
            throw GLPKError.invalidOption(
                name: "MIPOptions.fractionalTail",
                reason: "it is \(options.fractionalTail); use 0 for a whole-number objective, or a tail in (0, 0.25]")
        }
        let stopwatch = Stopwatch(limit: options.timeLimit)
        let warmStart = try options.warmStart.map(preparedWarmStart)

        return try TerminalOutput.routing(to: options.log) { messageLevel in
            glp_scale_prob(problem, GLP_SF_AUTO)
            // glp_intopt runs without its presolver so that the warm start's column numbers stay the
            // original ones; that mode needs an optimal basis of the root relaxation, computed here.
            var rootCode = runSimplex(presolve: options.rootPresolve, messageLevel: messageLevel, stopwatch: stopwatch,
                                      method: options.rootMethod, basis: options.rootBasis, iterationLimit: options.rootIterationLimit)
            if options.rootPresolve, rootCode == GLP_ENOPFS || rootCode == GLP_ENODFS {
                // The presolver only says "no feasible primal (or dual) solution" and leaves no basis;
                // the plain simplex tells infeasible and unbounded apart, as without it.
                rootCode = runSimplex(presolve: false, messageLevel: messageLevel, stopwatch: stopwatch, iterationLimit: options.rootIterationLimit)
            }
            switch rootCode {
            case 0: break
            case GLP_ETMLIM, GLP_EITLIM: return solution(.timeLimitWithoutSolution, search: nil, stopwatch: stopwatch)
            case let code: throw GLPKError.solver("glp_simplex", code)
            }
            switch glp_get_status(problem) {
            case GLP_OPT: break
            case GLP_NOFEAS: return solution(.infeasible, search: nil, stopwatch: stopwatch)
            case GLP_UNBND: return solution(.unbounded, search: nil, stopwatch: stopwatch)
            case let status:
                throw GLPKError.solverFailure(
                    call: "glp_simplex", code: status,
                    meaning: "the root LP relaxation ended in solution status \(status) instead of optimal, infeasible or unbounded; "
                        + "look for badly scaled coefficients")
            }

            // An integral objective is compared exactly only while GLPK's tolerances stay far below one
            // unit: see `MIPOptions.integralObjective`.
            let magnitude = objectiveMagnitude
            let exact = options.integralObjective && magnitude <= MIPOptions.exactIntegralMagnitude
            let search = MIPSearch(
                sense: sense, integralObjective: exact, fractionalTail: options.fractionalTail,
                warmStart: warmStart, rootBound: glp_get_obj_val(problem), nodeLimit: options.nodeLimit, shouldStop: options.shouldStop,
                progress: options.progress)
            if let nodeHeuristic {
                search.heuristic = NodeHeuristic(propose: nodeHeuristic, prepare: { try? self.preparedWarmStart($0) })
            }
            var parameters = glp_iocp()
            glp_init_iocp(&parameters)
            parameters.msg_lev = messageLevel
            parameters.br_tech = options.branching.glpkCode
            parameters.bt_tech = options.backtracking.glpkCode
            parameters.mip_gap = options.relativeGap
            if exact {
                // GLPK prunes a node whose bound is within tol_obj·(1 + |incumbent|) of the incumbent
                // (ios_is_hopeful). Kept under 1e-3 of a unit, no node that may hold a solution one unit
                // better is ever pruned; the default 1e-7 hid 2.6 units at an objective of 2.6e7.
                parameters.tol_obj = min(parameters.tol_obj, 1e-3 / (1 + magnitude))
            }
            let cuts = options.cuts ? GLP_ON : GLP_OFF
            parameters.gmi_cuts = cuts
            parameters.mir_cuts = cuts
            parameters.cov_cuts = cuts
            parameters.clq_cuts = cuts
            parameters.presolve = GLP_OFF
            if let milliseconds = stopwatch.remainingMilliseconds {
                parameters.tm_lim = milliseconds
            }
            parameters.cb_func = mipSearchCallback
            parameters.cb_info = Unmanaged.passUnretained(search).toOpaque()
            let code = withExtendedLifetime(search) { glp_intopt(problem, &parameters) }

            let hasIncumbent = glp_mip_status(problem) == GLP_FEAS || glp_mip_status(problem) == GLP_OPT
            let status: MIPStatus
            switch code {
            case 0:
                switch glp_mip_status(problem) {
                case GLP_OPT: status = .optimal
                case GLP_NOFEAS: status = .infeasible
                case let mipStatus:
                    throw GLPKError.solverFailure(
                        call: "glp_intopt", code: mipStatus,
                        meaning: "the search finished with MIP status \(mipStatus) instead of optimal or infeasible; please report it")
                }
            case GLP_ESTOP where search.stoppedAtProvenOptimum:
                status = .optimal
            case GLP_ETMLIM, GLP_EMIPGAP, GLP_ESTOP:
                status = hasIncumbent ? .feasible : .timeLimitWithoutSolution
            case GLP_ENOPFS:
                status = .infeasible
            case GLP_ENODFS:
                status = .unbounded
            default:
                throw GLPKError.solver("glp_intopt", code)
            }
            var result = solution(status, search: search, stopwatch: stopwatch)
            if options.integralObjective, !exact, result.status == .optimal {
                // Too large to compare to one unit: GLPK's own pruning and bound rounding (to 0.001) may
                // have hidden a better solution, so the claim is withheld (see MIPOptions.integralObjective).
                result.status = .feasible
                result.provenExactly = false
            }
            return result
        }
    }

    /// Assembles the result from GLPK's MIP solution and what the callback observed.
    private func solution(_ status: MIPStatus, search: MIPSearch?, stopwatch: Stopwatch) -> MIPSolution {
        var result = MIPSolution(
            status: status, objective: nil, bound: nil, gap: nil, columnValues: [],
            seconds: 0, warmStartAccepted: search?.warmStartAccepted, nodes: search?.nodes)
        result.heuristicCalls = search?.heuristic.map { ($0.asked, $0.valid, $0.accepted) }
        switch status {
        case .optimal, .feasible:
            let objective = glp_mip_obj_val(problem)
            result.objective = objective
            result.columnValues = (0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) }
            // With a fractional tail, bounds and proofs are about the objective's whole-number part.
            let proven = search?.wholePart(objective) ?? objective
            if status == .optimal {
                result.bound = proven
            } else if let bound = search?.bestBound {
                // Round-off can put the bound a hair beyond the incumbent; that means the incumbent is proven.
                let clamped = sense == .minimize ? min(bound, proven) : max(bound, proven)
                result.bound = clamped
                if clamped == proven {
                    result.status = .optimal
                }
            }
            if let bound = result.bound {
                result.gap = abs(objective - bound) / max(1e-9, abs(objective))
            }
        case .timeLimitWithoutSolution:
            result.bound = search?.bestBound
        case .infeasible, .unbounded:
            break
        }
        result.seconds = stopwatch.elapsedSeconds
        return result
    }

    /// Checks a warm start against the model (GLPK checks nothing) and converts it to GLPK's 1-based
    /// layout with integer columns made exactly integral, which `glp_ios_heur_sol` insists on.
    private func preparedWarmStart(_ values: [Double]) throws -> [Double] {
        guard values.count == columnCount else {
            throw GLPKError.warmStartInvalid(
                reason: "it has \(values.count) value(s) but the model has \(columnCount) column(s); give exactly one value per column")
        }
        let tolerance = 1e-6
        var prepared = [0.0]
        prepared.reserveCapacity(columnCount + 1)
        for (column, value) in values.enumerated() {
            guard value.isFinite else {
                throw GLPKError.warmStartInvalid(reason: "column \(column) has value \(value)")
            }
            var usable = value
            if columnKinds[column].isIntegral {
                usable = value.rounded()
                guard abs(value - usable) <= tolerance else {
                    throw GLPKError.warmStartInvalid(reason: "column \(column) is integer but has the fractional value \(value)")
                }
            }
            let bounds = columnBounds[column]
            guard bounds.contains(usable, tolerance: tolerance) else {
                throw GLPKError.warmStartInvalid(
                    reason: "column \(column) has value \(value) outside its bounds [\(bounds.lower ?? -.infinity), \(bounds.upper ?? .infinity)]")
            }
            prepared.append(usable)
        }

        var indices = [Int32](repeating: 0, count: columnCount + 1)
        var coefficients = [Double](repeating: 0, count: columnCount + 1)
        for row in 0..<rowCount {
            let length = Int(glp_get_mat_row(problem, Int32(row + 1), &indices, &coefficients))
            var activity = 0.0
            for k in stride(from: 1, through: length, by: 1) {
                activity += coefficients[k] * prepared[Int(indices[k])]
            }
            let bounds = rowBounds[row]
            guard bounds.contains(activity, tolerance: tolerance) else {
                throw GLPKError.warmStartInvalid(
                    reason: "row \(row) evaluates to \(activity), outside its bounds [\(bounds.lower ?? -.infinity), \(bounds.upper ?? .infinity)]")
            }
        }
        return prepared
    }
}
