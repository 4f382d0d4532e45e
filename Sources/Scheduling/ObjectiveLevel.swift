/// One level of the planner's objective. Levels are minimised in order, each with the ones before
/// it held at their proven optimum, so that no level's figures dwarf another's and GLPK compares
/// each to one unit (see `MIPOptions.integralObjective`).
enum ObjectiveLevel: String, Sendable, Hashable, CaseIterable {
    /// Σ urgency weight × months late.
    case lateness
    /// Σ urgency weight × completion weight × months to publication.
    case completion
    /// The scenario's own weighted sum, when it sets the lateness weight itself.
    case weighted
    /// Σ months by which each publication moves from a reference plan (the base of a what-if): among
    /// equally good plans, the one that changes least.
    case stability
}
