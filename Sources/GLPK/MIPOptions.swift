/// Settings for `LinearProgram.solveMIP`.
public struct MIPOptions: Sendable {
    /// Wall-clock limit in seconds for the root LP relaxation and branch-and-bound together
    /// (must be positive and finite), or `nil` for no limit.
    public var timeLimit: Double?
    /// Stop once `|incumbent - bound| / |incumbent|` is at most this (non-negative); 0 proves optimality.
    public var relativeGap: Double
    /// A full vector of column values (0-based, one per column) handed to branch-and-bound as its first
    /// incumbent. It is checked before solving: integer columns must be integral within 1e-6, every
    /// column within its bounds and every row within its bounds (GLPK itself would accept anything).
    public var warmStart: [Double]?
    /// Declares that every feasible solution has a whole-number objective. The proven bound is then
    /// rounded (up when minimising, down when maximising) and the search stops as soon as the rounded
    /// bound meets the incumbent, which often turns a long proof into an instant one. Wrong answers
    /// follow if the declaration is false.
    public var integralObjective: Bool
    /// Turn on GLPK's Gomory, MIR, cover and clique cuts.
    public var cuts: Bool
    /// Branching variable choice.
    public var branching: BranchingRule
    /// Open-node choice.
    public var backtracking: BacktrackingRule
    /// Receives GLPK's terminal output line by line if set; otherwise the output is silenced.
    public var log: (@Sendable (String) -> Void)?

    /// Creates MIP settings; the defaults prove optimality with GLPK's default rules, no cuts,
    /// no time limit and output silenced.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 0,
        warmStart: [Double]? = nil,
        integralObjective: Bool = false,
        cuts: Bool = false,
        branching: BranchingRule = .driebeckTomlin,
        backtracking: BacktrackingRule = .bestLocalBound,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.warmStart = warmStart
        self.integralObjective = integralObjective
        self.cuts = cuts
        self.branching = branching
        self.backtracking = backtracking
        self.log = log
    }
}
