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
    ///
    /// Proofs are exact only while the objective stays small: GLPK prunes nodes whose bound is within
    /// `tol_obj · (1 + |incumbent|)` of the incumbent, and rounds node bounds up once they are 0.001
    /// above a whole number. While the objective's magnitude over the column bounds
    /// (`LinearProgram.objectiveMagnitude`) is at most ``exactIntegralMagnitude``, `tol_obj` is set
    /// to at most 1e-3 / (1 + magnitude), so no node that may hold a solution one unit better is
    /// pruned, and the simplex's round-off (about 1e-12 relative) stays far below GLPK's 0.001. Above
    /// it, the declaration is ignored and a search that ends is reported `feasible`, never `optimal`:
    /// keep objectives small (solve lexicographic levels one at a time) rather than weighting them
    /// into one large sum.
    public var integralObjective: Bool
    /// The largest objective magnitude at which ``integralObjective`` proofs are exact (see there).
    public static let exactIntegralMagnitude = 1e7
    /// With ``integralObjective``: every feasible objective value is a whole number plus a part in
    /// `[0, fractionalTail]` (at most 0.25), e.g. an integral level plus a small tie-breaking term
    /// that guides the LP. Bounds are then rounded for the whole-number part, the search stops once
    /// that part of the incumbent is proven, and `optimal` means exactly that: no solution has a
    /// smaller whole-number part (the tail itself is not proven). 0, the default, is a whole-number
    /// objective.
    public var fractionalTail: Double = 0
    /// Turn on GLPK's Gomory, MIR, cover and clique cuts.
    public var cuts: Bool
    /// Branching variable choice.
    public var branching: BranchingRule
    /// Open-node choice.
    public var backtracking: BacktrackingRule
    /// At most this many simplex iterations for the root LP relaxation (positive), or `nil` for no limit.
    /// A work limit, unlike the time limit, stops at the same point on every machine.
    public var rootIterationLimit: Int?
    /// Stop branch-and-bound once it has created this many nodes (positive), or `nil` for no limit; the
    /// result is then `feasible` (or `timeLimitWithoutSolution`) unless optimality was proven first.
    public var nodeLimit: Int?
    /// The simplex method for the root LP relaxation (nodes are always re-solved by GLPK's dual simplex).
    public var rootMethod: SimplexMethod
    /// The basis the root LP relaxation starts from.
    public var rootBasis: InitialBasis
    /// Solve the root LP relaxation through GLPK's LP presolver. The presolver recovers an optimal basis of
    /// the original model, so column numbers (and a warm start) are unaffected; the branch-and-cut itself
    /// always runs without its MIP presolver.
    public var rootPresolve: Bool
    /// Receives GLPK's terminal output line by line if set; otherwise the output is silenced.
    public var log: (@Sendable (String) -> Void)?
    /// Asked at every branch-and-cut callback (many times a second); once it answers true the
    /// search stops as at a time limit and keeps its incumbent (status `feasible`, or
    /// `timeLimitWithoutSolution`). It lets Ctrl-C stop a solve cleanly. The root LP has no
    /// callback, so a stop requested during it takes effect when it ends (within `timeLimit`).
    public var shouldStop: (@Sendable () -> Bool)?
    /// Told the incumbent and bound during the search, at most every ``progressInterval`` seconds
    /// (from GLPK's callback, on the solving thread); for a progress display. Nil: nothing is reported.
    public var progress: (@Sendable (MIPProgress) -> Void)?
    /// The least time between two ``progress`` reports, in seconds.
    public static let progressInterval = 0.25

    /// Creates MIP settings; the defaults prove optimality with GLPK's default rules, no cuts, the root
    /// LP by the primal simplex from the model's current basis without presolver, no time limit and
    /// output silenced.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 0,
        warmStart: [Double]? = nil,
        integralObjective: Bool = false,
        cuts: Bool = false,
        branching: BranchingRule = .driebeckTomlin,
        backtracking: BacktrackingRule = .bestLocalBound,
        rootMethod: SimplexMethod = .primal,
        rootBasis: InitialBasis = .current,
        rootPresolve: Bool = false,
        rootIterationLimit: Int? = nil,
        nodeLimit: Int? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.warmStart = warmStart
        self.integralObjective = integralObjective
        self.cuts = cuts
        self.branching = branching
        self.backtracking = backtracking
        self.rootMethod = rootMethod
        self.rootBasis = rootBasis
        self.rootPresolve = rootPresolve
        self.rootIterationLimit = rootIterationLimit
        self.nodeLimit = nodeLimit
        self.log = log
    }
}
