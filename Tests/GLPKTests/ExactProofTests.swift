import GLPK
import Testing

/// GLPK prunes a node whose bound is within `tol_obj · (1 + |incumbent|)` of the incumbent. With the
/// default 1e-7 that hides several units once an objective reaches 1e7, and a proof rule that treats
/// one unit as decisive then claims a wrong optimum (it did, on a 100-standard portfolio). The model
/// here puts a better solution exactly where the default tolerance prunes it.
@Suite("Exact proofs of an integral objective")
struct ExactProofTests {
    /// The 30-item, 3-constraint random knapsack (optimum 1044, measured below) with `offset` subtracted
    /// from its objective, and a warm start 26 units worse (the optimum without one item). Measured with
    /// GLPK's default tolerance: at offset 5e8 it prunes every node within 50 units and reports the warm
    /// start, 1018, as optimal; at 1e9 it reports 998–1010.
    static func offsetKnapsack(offset: Double) throws -> (LinearProgram, warmStart: [Double], optimum: Double) {
        let exact = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7)
        let best = try exact.solveMIP(MIPOptions(integralObjective: true))
        var warm = best.columnValues
        warm[1] = 0
        let lp = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7)
        try lp.setObjectiveConstant(-offset)
        return (lp, warm, try #require(best.objective) - offset)
    }

    @Test("the knapsack's optimum without offset", arguments: [0.0])
    func knapsackOptimum(offset: Double) throws {
        let (_, _, optimum) = try Self.offsetKnapsack(offset: offset)
        #expect(optimum == 1044)
    }

    @Test("below the exact limit the better solution is found and proven", arguments: [0.0, 1e5, 5e6, 9.9e6])
    func smallObjectives(offset: Double) throws {
        let (lp, warm, optimum) = try Self.offsetKnapsack(offset: offset)
        #expect(lp.objectiveMagnitude <= MIPOptions.exactIntegralMagnitude)
        let solution = try lp.solveMIP(MIPOptions(warmStart: warm, integralObjective: true))
        #expect(solution.status == .optimal)
        #expect(solution.objective == optimum)
        #expect(solution.provenExactly)
    }

    @Test("above the exact limit nothing wrong is claimed", arguments: [3e7, 5e8, 1e9])
    func largeObjectives(offset: Double) throws {
        let (lp, warm, optimum) = try Self.offsetKnapsack(offset: offset)
        #expect(lp.objectiveMagnitude > MIPOptions.exactIntegralMagnitude)
        let solution = try lp.solveMIP(MIPOptions(warmStart: warm, integralObjective: true))
        // Maximising: a claim of optimality needs the true optimum, and a bound may never be below it.
        let objective = try #require(solution.objective)
        #expect(solution.status != .optimal || objective == optimum)
        #expect(objective <= optimum)
        if let bound = solution.bound, solution.status == .feasible { #expect(bound >= objective) }
    }

    @Test("the objective's magnitude is read over the column bounds")
    func magnitude() throws {
        let lp = LinearProgram()
        try lp.addColumn(kind: .binary, lower: nil, upper: nil, cost: -3)
        let y = try lp.addColumn(kind: .integer, lower: -5, upper: 2, cost: 2)
        try lp.setObjectiveConstant(7)
        #expect(lp.objectiveMagnitude == 7 + 3 + 10)
        try lp.setCost(column: y, 0)
        #expect(lp.objectiveMagnitude == 10)
        try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 1)
        #expect(lp.objectiveMagnitude == .infinity)
    }
}
