/// What the planner has established so far, told to ``PlanOptions/progress`` while it works: after
/// the heuristics, during GLPK's search (at most four times a second), after each level of the
/// objective, and once at the end.
public struct PlanProgress: Sendable, Hashable {
    /// Where the planner is.
    public enum Stage: Sendable, Hashable {
        /// The heuristics have a schedule (the warm start), or found none.
        case heuristic
        /// GLPK is searching a level of the objective.
        case searching
        /// GLPK finished a level: proven, or stopped (time or budget) with the bound it had.
        case levelDone
        /// Planning is over with this status.
        case finished(PlanStatus)
    }

    /// Where the planner is.
    public var stage: Stage
    /// The level of the objective the figures are about: `lateness` (urgency-weighted months
    /// late), `completion` or `weighted` (see ``PlanLevel``).
    public var level: String
    /// The best schedule's value on that level, nil before there is one.
    public var incumbent: Double?
    /// The best proven lower bound on that level, nil before there is one.
    public var bound: Double?
    /// True when the level's value is proven optimal.
    public var proven: Bool
    /// Seconds since planning started.
    public var seconds: Double
    /// The position of the portfolio in ``Planner/planAll(_:options:)``; nil for a single plan.
    public var portfolio: Int?

    /// Creates a report.
    public init(stage: Stage, level: String, incumbent: Double?, bound: Double?, proven: Bool, seconds: Double, portfolio: Int? = nil) {
        self.stage = stage
        self.level = level
        self.incumbent = incumbent
        self.bound = bound
        self.proven = proven
        self.seconds = seconds
        self.portfolio = portfolio
    }

    /// Relative gap between incumbent and bound, when both are known.
    public var gap: Double? {
        guard let incumbent, let bound else { return nil }
        return max(0, incumbent - bound) / max(1, abs(incumbent))
    }
}
