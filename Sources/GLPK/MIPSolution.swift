/// Result of `LinearProgram.solveMIP`.
public struct MIPSolution: Sendable {
    /// What the solver concluded about the model.
    public var status: MIPStatus
    /// Objective of the best integer solution, or `nil` when there is none.
    public var objective: Double?
    /// Best proven bound on the optimum (lower for minimisation, upper for maximisation).
    /// Equals `objective` when optimal; `nil` when no LP relaxation was solved or the model is infeasible/unbounded.
    public var bound: Double?
    /// `|objective - bound| / max(1e-9, |objective|)`, or `nil` when either side is missing; 0 when optimal.
    public var gap: Double?
    /// Value of every column in the best integer solution (0-based); empty when there is no solution.
    public var columnValues: [Double]
    /// Wall-clock time spent in the LP relaxation and branch-and-bound together.
    public var seconds: Double
    /// `nil` without a warm start; `true` if GLPK took it as incumbent; `false` if GLPK rejected it
    /// (not better than its own incumbent) or never asked for one (the root relaxation was already integral,
    /// or the search ended first).
    public var warmStartAccepted: Bool?
    /// Branch-and-bound nodes created, or `nil` when branch-and-bound did not start.
    public var nodes: Int?
    /// With a node heuristic (`solveMIP(_:nodeHeuristic:)`): how often it was asked, how many of its
    /// solutions passed the check, and how many GLPK took as its incumbent; nil without one.
    public var heuristicCalls: (asked: Int, valid: Int, accepted: Int)?
    /// False when the search ended but `MIPOptions.integralObjective` could not be honoured exactly
    /// (the objective is too large to compare to one unit), so `status` says `feasible` although
    /// GLPK found nothing better.
    public var provenExactly: Bool = true
}
