import CGLPK

/// A caller's primal heuristic inside GLPK's branch-and-cut (see
/// `LinearProgram.solveMIP(_:nodeHeuristic:)`): asked at the 1st, 2nd, 4th, 8th… `GLP_IHEUR` callback,
/// with the node's LP optimum; what it proposes reaches `glp_ios_heur_sol` only once `prepare` has
/// checked it against every bound and row (GLPK does not check a heuristic's solution).
struct NodeHeuristic {
    /// The node's column values (0-based) in, a whole solution (0-based) or nil out.
    let propose: ([Double]) -> [Double]?
    /// The solution checked and laid out for GLPK (1-based, integer columns exactly integral), or nil.
    let prepare: ([Double]) -> [Double]?
    /// `GLP_IHEUR` callbacks seen, and the one at which the heuristic is asked next.
    private(set) var calls = 0
    private var next = 1
    /// Times the heuristic was asked, solutions that passed the check, and those GLPK accepted
    /// (better than its incumbent when offered).
    private(set) var asked = 0
    private(set) var valid = 0
    private(set) var accepted = 0

    init(propose: @escaping ([Double]) -> [Double]?, prepare: @escaping ([Double]) -> [Double]?) {
        self.propose = propose
        self.prepare = prepare
    }

    /// Called at every `GLP_IHEUR`; asks the heuristic when the doubling schedule says so.
    mutating func offer(to tree: OpaquePointer, columns: Int) {
        calls += 1
        guard calls == next else { return }
        next *= 2
        asked += 1
        let problem = glp_ios_get_prob(tree)
        let values = (0..<columns).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        guard let proposed = propose(values), let prepared = prepare(proposed) else { return }
        valid += 1
        if prepared.withUnsafeBufferPointer({ glp_ios_heur_sol(tree, $0.baseAddress) }) == 0 { accepted += 1 }
    }
}
