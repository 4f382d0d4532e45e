import PlanModel

/// How hard the planner works.
public struct PlanOptions: Sendable, Hashable {
    /// Wall-clock limit for the whole optimisation, in seconds.
    public var timeLimit: Double
    /// Relative gap at which GLPK may stop and report `feasible` (0 proves optimality).
    public var relativeGap: Double
    /// Random perturbations of the priority rules tried by the heuristic.
    public var heuristicIterations: Int
    /// Seed of those perturbations.
    public var seed: UInt64
    /// Schedules the phase-level local search decodes without finding a better one before it stops (a
    /// count, not seconds, so the result does not depend on the machine's speed; 0 turns it off). A
    /// search that keeps improving runs on, up to ten times this in all (``PhaseListSearch``).
    public var searchIterations: Int
    /// Leave phases that load nothing (no unit load, no shared resource, no fixed start) out of the
    /// MIP of the strengthened pipeline and put them back when decoding; the optimum is the same.
    public var foldPhases: Bool
    /// Budget of a plain first attempt (see ``Planner/plan(_:options:)``): simplex iterations of its
    /// root LP and branch-and-bound nodes. A portfolio it does not prove within both goes to the
    /// strengthened pipeline; 0 in either (the default) skips the first attempt. Off by default since
    /// the strengthened pipeline proved every input faster alone: baseline 0.55 s instead of 1.46 s,
    /// review-capacity-halved 1.05 s instead of 11.3 s (10.5 s of it spent in the plain root LP),
    /// 30 generated standards 0.76 s instead of 1.0 s; kept for tests that compare the pipelines.
    public var quickRootIterations: Int
    /// Branch-and-bound nodes of the plain first attempt (see `quickRootIterations`).
    public var quickNodes: Int
    /// A plan to stay close to, e.g. the base scenario's plan when planning a what-if: among plans
    /// equally good on lateness and completion, the one whose publications move fewest months from
    /// it wins (a last objective level), so a standard moves only when the change moves it.
    public var reference: Schedule? = nil
    /// Raised (by Ctrl-C) to stop early: the heuristics and GLPK's callback check it, and the
    /// planner returns the best schedule found so far with ``PlanResult/interrupted`` set.
    public var cancellation: CancellationFlag?
    /// Largest time-indexed model built, in columns and rows together (``ModelSize``). A larger
    /// one would take gigabytes and more time than a limit allows: the planner then keeps the
    /// heuristic's schedule and reports the size in ``PlanResult/skippedModel``.
    public var maximumModelSize: Int

    /// Climb a Lagrangian bound (``LagrangianBound``) on a second thread while the strengthened
    /// pipeline's heuristics and GLPK work: the bound where GLPK's root LP would not finish, and a
    /// proof where the heuristic's schedule meets it. Off, the planner uses one core.
    public var parallelBound = true

    /// Explain an infeasible plan with ``ConflictExplainer`` (``PlanResult/conflict``), within the
    /// time left. Commands that only report a status per plan (compare, sweep) turn it off.
    public var explainConflicts = true

    /// The default of ``maximumModelSize``: 150,000 columns and rows, about four times the
    /// largest what-if of the baseline (38,000). Measured on generated portfolios: at 100
    /// standards the model has about 61,000 and GLPK's root LP takes seconds; at 300 it has
    /// 352,000 and the root LP does not finish in 60 s, so the time is better spent searching.
    public static let defaultMaximumModelSize = 150_000
    /// Told what the planner has established as it works (nil: nothing is reported); see ``PlanProgress``.
    public var progress: ProgressHandler?

    /// Creates options; defaults prove optimality within a minute.
    public init(timeLimit: Double = 60, relativeGap: Double = 0, heuristicIterations: Int = 200, seed: UInt64 = 0x5EED,
                searchIterations: Int = 20000, foldPhases: Bool = true,
                quickRootIterations: Int = 0, quickNodes: Int = 100,
                cancellation: CancellationFlag? = nil, maximumModelSize: Int = PlanOptions.defaultMaximumModelSize) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.heuristicIterations = heuristicIterations
        self.seed = seed
        self.searchIterations = searchIterations
        self.foldPhases = foldPhases
        self.quickRootIterations = quickRootIterations
        self.quickNodes = quickNodes
        self.cancellation = cancellation
        self.maximumModelSize = maximumModelSize
    }
}
