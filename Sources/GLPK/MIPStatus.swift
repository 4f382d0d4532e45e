/// Outcome of solving a mixed-integer program (the model's answer, not whether the call worked).
public enum MIPStatus: Sendable, Equatable {
    /// The solution is proven optimal (possibly by the integral-objective bound).
    case optimal
    /// A solution was found but the search stopped early (time, root-iteration or node limit, or relative gap reached).
    case feasible
    /// Proven to have no integer solution (this includes an infeasible LP relaxation).
    case infeasible
    /// The time limit (or a root-iteration or node limit) ran out before any integer solution was found.
    case timeLimitWithoutSolution
    /// The LP relaxation is unbounded, so the MIP is unbounded or (rarely) has no integer solution at all.
    case unbounded
}
