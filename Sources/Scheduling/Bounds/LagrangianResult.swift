/// What ``LagrangianBound/maximise(_:from:)`` established: the best lower bound found, the prices
/// that give it, and the subproblems' schedule there (per task a start that respects its own
/// standard's chain, but not necessarily the capacities: priorities for a heuristic to repair).
struct LagrangianResult: Sendable {
    /// Why the climb stopped.
    enum Stop: String, Sendable, Hashable {
        /// The iteration budget ran out.
        case iterations
        /// The time limit passed.
        case timeLimit
        /// θ fell below `smallestStep`: no progress left to expect.
        case stepTooSmall
        /// The bound reached the given upper bound (on the level, after rounding up): proven optimal.
        case reachedUpperBound
        /// A zero subgradient: these prices maximise the dual function.
        case dualOptimal
        /// Some standard has no schedule at all within the windows: the problem is infeasible.
        case infeasible
    }

    /// A lower bound, valid in exact arithmetic, on the objective (level plus guide) of every
    /// schedule within the windows; +∞ when there is none.
    var bound: Double
    /// The same as a bound on the level alone, rounded up since the level is integral; nil when infeasible.
    var levelBound: Int?
    /// The dual function as computed at the best prices (`bound` is this less the rounding margin).
    var dualValue: Double
    /// The prices that gave the best bound.
    var multipliers: LagrangianMultipliers
    /// Per task, its start in its standard's subproblem solution at those prices.
    var starts: [Int]
    /// Per open standard, the lead unit of its subproblem solution (−1: none).
    var units: [Int]
    /// Subgradient steps taken.
    var iterations: Int
    /// Wall-clock seconds.
    var seconds: Double
    /// Why it stopped.
    var stop: Stop
}
