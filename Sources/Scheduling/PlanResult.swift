import PlanModel

/// The outcome of planning a portfolio.
public struct PlanResult: Sendable {
    /// What was established.
    public var status: PlanStatus
    /// The best schedule found (nil when infeasible or no schedule within the time limit).
    public var schedule: Schedule?
    /// Its objective value.
    public var objective: Int?
    /// The best proven lower bound on the objective.
    public var bound: Double?
    /// Relative gap between objective and bound (0 when optimal).
    public var gap: Double?
    /// Wall-clock seconds spent planning.
    public var seconds: Double
    /// The lateness weight used (resolved when the scenario says `auto`).
    public var latenessWeight: Int
    /// Why the plan is infeasible, when it is and the reason is known.
    public var explanation: String?
    /// Objective of the heuristic's schedule, given to GLPK as the warm start.
    public var heuristicObjective: Int?
    /// Each level of the objective, in the order minimised, with its value, bound and whether it is
    /// proven; empty for an infeasible plan.
    public var levels: [PlanLevel] = []
    /// True when planning was stopped early (Ctrl-C) before it could prove its result.
    public var interrupted = false
    /// The size of the MIP that was not built because it exceeded ``PlanOptions/maximumModelSize``
    /// (the schedule is then the heuristic's, not proven optimal).
    public var skippedModel: ModelSize?
    /// For an infeasible plan: the smallest relaxations that would make it feasible.
    public var conflict: ConflictExplanation?
    /// The compilation of the portfolio the planner solved (unfolded), so that whatever works on the
    /// plan next — the risk simulation, the slippage analysis — reads the portfolio as the planner
    /// did, without compiling it again. Nil for a result made elsewhere, and from
    /// ``Planner/planAll(_:options:keepingCompilations:)`` unless it is asked to keep it.
    package var compilation: PlanningProblem?

    /// Creates a result.
    public init(status: PlanStatus, schedule: Schedule?, objective: Int?, bound: Double?, gap: Double?, seconds: Double,
                latenessWeight: Int, explanation: String? = nil, heuristicObjective: Int? = nil) {
        self.status = status
        self.schedule = schedule
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.seconds = seconds
        self.latenessWeight = latenessWeight
        self.explanation = explanation
        self.heuristicObjective = heuristicObjective
    }
}
