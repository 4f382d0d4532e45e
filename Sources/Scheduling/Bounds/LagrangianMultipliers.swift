/// The prices of the relaxed constraints, all non-negative: per lead unit and per shared resource a
/// price per unit of load in each period (λ), per precedence between tasks of different standards a
/// price per month it is broken by (μ), and per held level a price per unit above its value (ν).
///
/// Arrays are flat, row-major by unit (resource) with `periodCount` entries per row, as in
/// ``CapacityLedger``; memory is linear in (units + resources) × months plus precedences.
struct LagrangianMultipliers: Sendable, Equatable {
    /// Months per row.
    let periodCount: Int
    /// λ of lead unit `u` in period `t` at `u * periodCount + t`.
    var units: [Double]
    /// λ of shared resource `r` in period `t` at `r * periodCount + t`.
    var resources: [Double]
    /// μ per entry of `problem.precedences`; those kept inside a standard's own chain stay 0.
    var precedences: [Double]
    /// ν per held level of the objective.
    var held: [Double]

    /// All prices zero: the bound of unlimited capacity and no links between standards.
    init(zeroFor problem: PlanningProblem, heldCount: Int = 0) {
        periodCount = problem.periodCount
        units = Array(repeating: 0, count: problem.unitCapacity.count * problem.periodCount)
        resources = Array(repeating: 0, count: problem.resourceCapacity.count * problem.periodCount)
        precedences = Array(repeating: 0, count: problem.precedences.count)
        held = Array(repeating: 0, count: heldCount)
    }

    /// The price of one unit of lead unit `unit`'s capacity in `period`.
    func unit(_ unit: Int, period: Int) -> Double { units[unit * periodCount + period] }

    /// The price of one unit of shared resource `resource` in `period`.
    func resource(_ resource: Int, period: Int) -> Double { resources[resource * periodCount + period] }

    /// Sets the price of lead unit `unit`'s capacity in `period`.
    mutating func setUnit(_ unit: Int, period: Int, to price: Double) { units[unit * periodCount + period] = price }

    /// Sets the price of shared resource `resource` in `period`.
    mutating func setResource(_ resource: Int, period: Int, to price: Double) { resources[resource * periodCount + period] = price }

    /// Whether the tables are shaped for `problem` with `heldCount` held levels.
    func hasShape(for problem: PlanningProblem, heldCount: Int) -> Bool {
        periodCount == problem.periodCount
            && units.count == problem.unitCapacity.count * periodCount
            && resources.count == problem.resourceCapacity.count * periodCount
            && precedences.count == problem.precedences.count && held.count == heldCount
    }

    /// Whether the tables are shaped for `problem` and every price is finite and ≥ 0.
    func isValid(for problem: PlanningProblem, heldCount: Int) -> Bool {
        hasShape(for: problem, heldCount: heldCount)
            && [units, resources, precedences, held].allSatisfy { $0.allSatisfy { $0 >= 0 && $0.isFinite } }
    }
}
