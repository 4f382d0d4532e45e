/// How far one level of the objective was established: the planner minimises the levels in turn
/// (urgency-weighted months late first, then completion), each with the ones before held at
/// their optimum.
public struct PlanLevel: Sendable, Hashable {
    /// `lateness` (Σ urgency weight × months late), `completion` (Σ urgency weight × completion
    /// weight × months to publication), or `weighted` (the scenario's own weighted sum).
    public var name: String
    /// The plan's value on this level; nil without a schedule.
    public var value: Int?
    /// The best proven lower bound on this level, given the levels before it; nil when the search
    /// did not reach it.
    public var bound: Double?
    /// True when `value` is proven optimal (no schedule does better on this level without doing
    /// worse on one before it).
    public var proven: Bool

    /// Creates a level outcome.
    public init(name: String, value: Int?, bound: Double?, proven: Bool) {
        self.name = name
        self.value = value
        self.bound = bound
        self.proven = proven
    }
}
