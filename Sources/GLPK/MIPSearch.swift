import CGLPK

/// State shared with GLPK's branch-and-cut callback during one `glp_intopt` call.
///
/// It lives on the solving thread only (the callback runs synchronously inside `glp_intopt`).
final class MIPSearch {
    private let sense: OptimizationSense
    private let integralObjective: Bool
    /// The warm start as GLPK wants it: 1-based, integer columns exactly integral.
    private let warmStart: [Double]?
    private var warmStartOffered = false

    /// `nil` without a warm start, otherwise whether `glp_ios_heur_sol` accepted it.
    private(set) var warmStartAccepted: Bool?
    /// Best global bound seen so far (already rounded when the objective is integral).
    private(set) var bestBound: Double?
    /// Set when the search was stopped because the rounded bound met the incumbent, i.e. optimality is proven.
    private(set) var stoppedAtProvenOptimum = false
    /// Total nodes created so far (`t_cnt` of `glp_ios_tree_size`).
    private(set) var nodes = 0

    /// Stop once this many nodes exist (nil: no limit).
    private let nodeLimit: Int?
    /// Stop when this says so (``MIPOptions/shouldStop``).
    private let shouldStop: (@Sendable () -> Bool)?

    /// Every objective value is a whole number plus at most this much (see `MIPOptions.fractionalTail`).
    private let fractionalTail: Double

    /// The caller's primal heuristic, if any (see `LinearProgram.solveMIP(_:nodeHeuristic:)`).
    var heuristic: NodeHeuristic?

    /// Where search progress goes (``MIPOptions/progress``), and when it last went there.
    private let progress: (@Sendable (MIPProgress) -> Void)?
    private var lastProgress: ContinuousClock.Instant?

    init(sense: OptimizationSense, integralObjective: Bool, fractionalTail: Double = 0, warmStart: [Double]?, rootBound: Double,
         nodeLimit: Int? = nil, shouldStop: (@Sendable () -> Bool)? = nil, progress: (@Sendable (MIPProgress) -> Void)? = nil) {
        self.nodeLimit = nodeLimit
        self.shouldStop = shouldStop
        self.progress = progress
        self.sense = sense
        self.integralObjective = integralObjective
        self.fractionalTail = fractionalTail
        self.warmStart = warmStart
        warmStartAccepted = warmStart == nil ? nil : false
        record(bound: rootBound)
    }

    /// Rounds a bound to the next whole number in the direction that stays valid, if the objective is integral:
    /// with a fractional tail, a bound on the whole-number part. The slack absorbs simplex round-off so that
    /// 15.9999999 becomes 16 and 16.0000001 does not become 17.
    func rounded(_ bound: Double) -> Double {
        guard integralObjective else { return bound }
        let slack = max(1e-6, 1e-9 * abs(bound))
        return sense == .minimize ? (bound - fractionalTail - slack).rounded(.up) : (bound + slack).rounded(.down)
    }

    /// The whole-number part of an objective value (the value itself when there is no tail).
    func wholePart(_ value: Double) -> Double {
        guard fractionalTail > 0 else { return value }
        return (value + max(1e-6, 1e-9 * abs(value))).rounded(.down)
    }

    /// Keeps the strongest bound. Every observed best-node bound is valid for the whole problem at the time
    /// it is seen, and the true bound only improves, so the strongest observation is valid too.
    private func record(bound raw: Double) {
        // GLPK uses ±DBL_MAX for "no bound yet" (the root before its LP is solved).
        guard raw.isFinite, abs(raw) < 0.5 * Double.greatestFiniteMagnitude else { return }
        let bound = rounded(raw)
        guard let current = bestBound else {
            bestBound = bound
            return
        }
        bestBound = sense == .minimize ? max(current, bound) : min(current, bound)
    }

    /// Handles one callback. Manual (GLPK 5.0, chapter 5): glp_ios_reason, glp_ios_tree_size,
    /// glp_ios_best_node and glp_ios_node_bound may be called for any reason; glp_ios_heur_sol only for
    /// GLP_IHEUR, which GLPK raises when a node's LP optimum is fractional but better than the incumbent.
    fileprivate func handle(_ tree: OpaquePointer) {
        var total: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &total)
        nodes = Int(total)

        let best = glp_ios_best_node(tree)
        if best != 0 {
            record(bound: glp_ios_node_bound(tree, best))
        }

        if glp_ios_reason(tree) == GLP_IHEUR, !warmStartOffered, let warmStart {
            warmStartOffered = true
            let status = warmStart.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
            warmStartAccepted = status == 0
        }

        if integralObjective, let bestBound {
            // Without the presolver the tree works on the original problem object, which holds the incumbent.
            let problem = glp_ios_get_prob(tree)
            if glp_mip_status(problem) == GLP_FEAS {
                let incumbent = wholePart(glp_mip_obj_val(problem))
                let slack = max(1e-6, 1e-9 * abs(incumbent))
                let proven = sense == .minimize ? bestBound >= incumbent - slack : bestBound <= incumbent + slack
                if proven {
                    stoppedAtProvenOptimum = true
                    glp_ios_terminate(tree)
                    return
                }
            }
        }
        // After the proof test: a search that is over needs no more schedules.
        if glp_ios_reason(tree) == GLP_IHEUR {
            heuristic?.offer(to: tree, columns: Int(glp_get_num_cols(glp_ios_get_prob(tree))))
        }
        if let nodeLimit, nodes >= nodeLimit {
            glp_ios_terminate(tree)
        } else if let shouldStop, shouldStop() {
            // Asked to stop (Ctrl-C): end the search as a time limit would, keeping the incumbent.
            glp_ios_terminate(tree)
        }
        report(tree)
    }

    /// Tells ``MIPOptions/progress`` the incumbent and bound, at most every `progressInterval` seconds.
    private func report(_ tree: OpaquePointer) {
        guard let progress else { return }
        let now = ContinuousClock.now
        if let lastProgress, now - lastProgress < .milliseconds(Int(MIPOptions.progressInterval * 1000)) { return }
        lastProgress = now
        let problem = glp_ios_get_prob(tree)
        let incumbent = glp_mip_status(problem) == GLP_FEAS ? wholePart(glp_mip_obj_val(problem)) : nil
        progress(MIPProgress(incumbent: incumbent, bound: bestBound, nodes: nodes))
    }
}

/// C entry point for `glp_iocp.cb_func`; `info` is the unretained `MIPSearch` of the running `glp_intopt`.
func mipSearchCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    Unmanaged<MIPSearch>.fromOpaque(info).takeUnretainedValue().handle(tree)
}
