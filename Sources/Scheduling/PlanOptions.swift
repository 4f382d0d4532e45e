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

    /// Creates options; defaults prove optimality within a minute.
    public init(timeLimit: Double = 60, relativeGap: Double = 0, heuristicIterations: Int = 200, seed: UInt64 = 0x5EED) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.heuristicIterations = heuristicIterations
        self.seed = seed
    }
}
