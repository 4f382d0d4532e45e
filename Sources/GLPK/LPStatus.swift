/// Outcome of solving a linear program (the model's answer, not whether the call worked).
public enum LPStatus: Sendable, Equatable {
    /// An optimal basic solution was found.
    case optimal
    /// The constraints contradict each other.
    case infeasible
    /// The objective can be improved without limit.
    case unbounded
    /// The time limit ran out before the solver finished.
    case timeLimit
    /// The solver finished without a definite answer (should not happen with the options offered here).
    case undefined
}
