/// What the optimizer could establish about a plan.
public enum PlanStatus: String, Sendable, Codable, Hashable {
    /// A schedule proven optimal (within the requested gap, which defaults to 0).
    case optimal
    /// A schedule, but its optimality is not proven; see the gap.
    case feasible
    /// No schedule satisfies the hard constraints.
    case infeasible
    /// The time limit ran out before any schedule was found.
    case timeLimit = "time_limit"
}
