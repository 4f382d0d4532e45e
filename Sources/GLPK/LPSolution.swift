/// Result of `LinearProgram.solveLP`.
///
/// All arrays are indexed by 0-based column or row and always have full length; their values are only
/// meaningful when `status == .optimal` (otherwise they are whatever GLPK's last basis held).
public struct LPSolution: Sendable {
    /// What the solver concluded about the model.
    public var status: LPStatus
    /// Objective value, including the objective constant.
    public var objective: Double
    /// Primal value of every column.
    public var columnValues: [Double]
    /// Activity (left-hand side value) of every row.
    public var rowValues: [Double]
    /// Shadow price of every row: change of the objective per unit increase of the row's active bound.
    /// Non-zero entries mark binding constraints, which is what bottleneck analysis looks for.
    public var rowDuals: [Double]
    /// Reduced cost of every column.
    public var reducedCosts: [Double]
    /// Wall-clock time spent in the solver.
    public var seconds: Double
}
