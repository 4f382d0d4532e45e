import GLPK
import Testing

@Suite("Mixed-integer programs")
struct MIPTests {
    @Test("Knapsack optimum", arguments: [BacktrackingRule.bestLocalBound, .depthFirst, .breadthFirst, .bestProjection])
    func knapsack(backtracking: BacktrackingRule) throws {
        let lp = try TestModels.knapsack()
        let solution = try lp.solveMIP(MIPOptions(backtracking: backtracking))
        // Hand solution in TestModels.knapsack: a = b = 1, value 23.
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23)
        #expect(solution.bound == 23)
        #expect(solution.gap == 0)
        #expect(solution.columnValues == [1, 1, 0, 0])
        #expect(solution.warmStartAccepted == nil)
        #expect((solution.nodes ?? 0) >= 1)
    }

    @Test("Knapsack with every branching rule and cuts", arguments: [
        BranchingRule.firstFractional, .lastFractional, .mostFractional, .driebeckTomlin, .hybridPseudoCost,
    ])
    func knapsackWithCuts(branching: BranchingRule) throws {
        let solution = try TestModels.knapsack().solveMIP(MIPOptions(cuts: true, branching: branching))
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23)
    }

    @Test("Integer-infeasible MIP with a feasible relaxation")
    func infeasibleMIP() throws {
        // 2x = 1 with x integer in [0, 10]: the relaxation has x = 0.5, but no integer satisfies it.
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .integer, lower: 0, upper: 10, cost: 1)
        try lp.addRow([(x, 2)], lower: 1, upper: 1)
        let solution = try lp.solveMIP()
        #expect(solution.status == .infeasible)
        #expect(solution.objective == nil)
        #expect(solution.columnValues.isEmpty)
    }

    @Test("MIP whose relaxation is already infeasible")
    func infeasibleRelaxation() throws {
        // x + y >= 3 and x + y <= 2 contradict each other before integrality matters.
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .integer, lower: 0, upper: 10)
        let y = try lp.addColumn(kind: .binary, lower: nil, upper: nil)
        try lp.addRow([(x, 1), (y, 1)], lower: 3, upper: nil)
        try lp.addRow([(x, 1), (y, 1)], lower: nil, upper: 2)
        let solution = try lp.solveMIP()
        #expect(solution.status == .infeasible)
        #expect(solution.nodes == nil)
    }

    @Test("MIP with an unbounded relaxation")
    func unboundedMIP() throws {
        // Maximise x for integer x >= 0 with no upper limit.
        let lp = LinearProgram(sense: .maximize)
        try lp.addColumn(kind: .integer, lower: 0, upper: nil, cost: 1)
        #expect(try lp.solveMIP().status == .unbounded)
    }

    @Test("An accepted warm start still ends optimal")
    func warmStartAccepted() throws {
        let lp = try TestModels.knapsack()
        // The optimum itself (a = b = 1, value 23). The root relaxation is fractional (23.5), so GLPK asks
        // for a heuristic solution and, having no incumbent yet, accepts it.
        let solution = try lp.solveMIP(MIPOptions(warmStart: [1, 1, 0, 0]))
        #expect(solution.warmStartAccepted == true)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23)
        #expect(solution.columnValues == [1, 1, 0, 0])
    }

    @Test("A worse warm start is accepted and then improved on")
    func worseWarmStartImproved() throws {
        let lp = try TestModels.knapsack()
        // c alone (value 7) is feasible but poor; the search must still find 23.
        let solution = try lp.solveMIP(MIPOptions(warmStart: [0, 0, 1, 0]))
        #expect(solution.warmStartAccepted == true)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23)
    }

    @Test("A warm start within 1e-6 of integral is rounded and accepted")
    func nearlyIntegralWarmStart() throws {
        let solution = try TestModels.knapsack().solveMIP(MIPOptions(warmStart: [1 - 1e-7, 1 + 1e-7, 0, 1e-8]))
        #expect(solution.warmStartAccepted == true)
        #expect(solution.objective == 23)
    }

    @Test("Integral objective stops at the rounded bound with optimal status",
          arguments: [(OptimizationSense.minimize, 16.0), (.maximize, -16.0)])
    func integralObjective(sense: OptimizationSense, optimum: Double) throws {
        // Hand solution in TestModels.halfGap: optimum ±16 for n = 31, relaxation bound ±15.5, which rounds to ±16.
        let lp = try TestModels.halfGap(n: 31, sense: sense)
        let solution = try lp.solveMIP(MIPOptions(timeLimit: 20, integralObjective: true))
        #expect(solution.status == .optimal)
        #expect(solution.objective.map { abs($0 - optimum) < 1e-9 } == true)
        #expect(solution.bound == solution.objective)
        #expect(solution.gap == 0)
        #expect(solution.seconds < 5)
    }

    @Test("Without the integral objective the same model is not proven quickly, but reports its bound")
    func withoutIntegralObjective() throws {
        // GLPK cannot round this bound by itself (the objective column is continuous), so after a short
        // time it has found 16 but can only prove 15.5.
        let lp = try TestModels.halfGap(n: 31)
        let solution = try lp.solveMIP(MIPOptions(timeLimit: 0.3))
        #expect(solution.status == .feasible)
        #expect(solution.objective.map { abs($0 - 16) < 1e-9 } == true)
        #expect(solution.bound.map { abs($0 - 15.5) < 1e-6 } == true)
        #expect(solution.gap.map { abs($0 - 0.5 / 16) < 1e-6 } == true)
    }

    @Test("A relative gap stops early with a solution", arguments: [0.05, 0.5])
    func relativeGap(gap: Double) throws {
        // Same model: once 16 is found the gap is 0.5/16 ≈ 3.1 %, within both tolerances.
        let solution = try TestModels.halfGap(n: 31).solveMIP(MIPOptions(timeLimit: 20, relativeGap: gap))
        #expect(solution.status == .feasible)
        #expect(solution.objective.map { abs($0 - 16) < 1e-9 } == true)
        #expect((solution.gap ?? 1) <= gap)
    }

    @Test("A tight time limit yields a status, never an error", arguments: [0.01, 0.05])
    func timeLimit(seconds: Double) throws {
        let lp = try TestModels.randomKnapsack(items: 120, constraints: 8, seed: 42)
        let solution = try lp.solveMIP(MIPOptions(timeLimit: seconds))
        #expect([MIPStatus.feasible, .timeLimitWithoutSolution, .optimal].contains(solution.status))
        switch solution.status {
        case .feasible:
            let objective = try #require(solution.objective)
            let bound = try #require(solution.bound)
            // Maximisation: the bound lies above the incumbent.
            #expect(bound >= objective)
            #expect((solution.gap ?? -1) >= 0)
            #expect(solution.columnValues.count == 120)
        case .optimal:
            #expect(solution.bound == solution.objective)
        default:
            #expect(solution.objective == nil)
        }
        // GLPK checks its clock between nodes, so allow generous slack for loaded machines.
        #expect(solution.seconds < seconds + 2)
    }

    @Test("A log closure receives GLPK's MIP output")
    func logReceivesOutput() throws {
        let lines = Locked<[String]>([])
        _ = try TestModels.knapsack().solveMIP(MIPOptions(log: { line in lines.withLock { $0.append(line) } }))
        #expect(!lines.value.isEmpty)
    }
}
