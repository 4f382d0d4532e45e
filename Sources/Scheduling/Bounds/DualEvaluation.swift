/// The Lagrangian dual function at one set of multipliers: its value, a lower bound on the objective
/// over every schedule within the windows, and the subproblems' solutions with the excess of each
/// relaxed constraint (its subgradient).
struct DualEvaluation: Sendable {
    /// The dual function as computed in floating point (+∞ when some standard has no schedule at all).
    var value: Double
    /// How far round-off may have raised `value` above the exact dual function (see
    /// ``LagrangianBound/evaluate(_:)``): `value − margin` is a lower bound in exact arithmetic.
    var margin: Double
    /// Per task, its start in its standard's subproblem solution.
    var starts: [Int]
    /// Per open standard, the lead unit of its subproblem solution (−1 when it has none).
    var units: [Int]
    /// Load minus capacity of each lead unit in each period (flat, as ``LagrangianMultipliers/units``).
    var unitExcess: [Double]
    /// Load minus capacity of each shared resource in each period.
    var resourceExcess: [Double]
    /// Per precedence, `start(predecessor) + delay − start(successor)` (0 for those kept in a chain).
    var precedenceExcess: [Double]
    /// Per held level, its value minus the value it is held at.
    var heldExcess: [Double]

    /// The excesses in the order of the price tables: units, resources, precedences, held levels.
    var excesses: [[Double]] { [unitExcess, resourceExcess, precedenceExcess, heldExcess] }

    /// The rigorous lower bound this evaluation gives.
    var bound: Double { value - margin }
}
