import GLPK
import Testing

/// The root relaxation's method, starting basis and presolver change how the root LP is solved,
/// never what the MIP finds.
@Suite("MIP root LP options")
struct RootLPOptionTests {
    static let methods: [SimplexMethod] = [.primal, .dualThenPrimal, .dual]
    static let bases: [InitialBasis] = [.current, .standard, .advanced, .bixby]

    @Test("Knapsack optimum with every root method, basis and presolver setting",
          arguments: methods, bases)
    func knapsack(method: SimplexMethod, basis: InitialBasis) throws {
        for presolve in [false, true] {
            let solution = try TestModels.knapsack().solveMIP(MIPOptions(rootMethod: method, rootBasis: basis, rootPresolve: presolve))
            // Hand solution in TestModels.knapsack: a = b = 1, value 23.
            #expect(solution.status == .optimal)
            #expect(solution.objective == 23)
            #expect(solution.columnValues == [1, 1, 0, 0])
        }
    }

    @Test("A warm start is still accepted after a presolved root with an advanced basis")
    func warmStartAfterPresolve() throws {
        let solution = try TestModels.knapsack().solveMIP(MIPOptions(
            warmStart: [1, 1, 0, 0], integralObjective: true, rootMethod: .dualThenPrimal, rootBasis: .advanced, rootPresolve: true))
        #expect(solution.status == .optimal)
        #expect(solution.objective == 23)
        #expect(solution.warmStartAccepted == true)
    }

    @Test("Infeasible and unbounded relaxations keep their statuses with the presolver", arguments: methods)
    func statusesWithPresolve(method: SimplexMethod) throws {
        // x + y >= 3 and x + y <= 2 contradict each other before integrality matters.
        let infeasible = LinearProgram()
        let x = try infeasible.addColumn(kind: .integer, lower: 0, upper: 10)
        let y = try infeasible.addColumn(kind: .binary, lower: nil, upper: nil)
        try infeasible.addRow([(x, 1), (y, 1)], lower: 3, upper: nil)
        try infeasible.addRow([(x, 1), (y, 1)], lower: nil, upper: 2)
        #expect(try infeasible.solveMIP(MIPOptions(rootMethod: method, rootPresolve: true)).status == .infeasible)

        // Maximise x for integer x >= 0 with no upper limit.
        let unbounded = LinearProgram(sense: .maximize)
        try unbounded.addColumn(kind: .integer, lower: 0, upper: nil, cost: 1)
        #expect(try unbounded.solveMIP(MIPOptions(rootMethod: method, rootPresolve: true)).status == .unbounded)
    }

    @Test("A random knapsack has the same optimum under every root setting")
    func randomKnapsackAgrees() throws {
        let reference = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7).solveMIP().objective
        for method in Self.methods {
            for basis in Self.bases {
                let solution = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7)
                    .solveMIP(MIPOptions(rootMethod: method, rootBasis: basis, rootPresolve: basis == .advanced))
                #expect(solution.status == .optimal)
                #expect(solution.objective == reference)
            }
        }
    }

    @Test("Work limits are checked like every other option", arguments: [0, -3])
    func invalidLimits(limit: Int) throws {
        #expect(throws: GLPKError.self) { try TestModels.knapsack().solveMIP(MIPOptions(rootIterationLimit: limit)) }
        #expect(throws: GLPKError.self) { try TestModels.knapsack().solveMIP(MIPOptions(nodeLimit: limit)) }
    }

    @Test("A node limit stops the search with the incumbent and its bound, the same on every machine")
    func nodeLimit() throws {
        // halfGap(31) cannot be proven without the integral objective (see MIPTests): a node limit ends it.
        let first = try TestModels.halfGap(n: 31).solveMIP(MIPOptions(nodeLimit: 20))
        let again = try TestModels.halfGap(n: 31).solveMIP(MIPOptions(nodeLimit: 20))
        #expect(first.status == .feasible || first.status == .timeLimitWithoutSolution)
        #expect((first.nodes ?? 0) >= 20)
        #expect(first.status == again.status && first.objective == again.objective && first.nodes == again.nodes)
    }

    @Test("A root iteration limit that the relaxation needs more than ends without a solution")
    func rootIterationLimit() throws {
        let solution = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7).solveMIP(MIPOptions(rootIterationLimit: 1))
        #expect(solution.status == .timeLimitWithoutSolution)
        let enough = try TestModels.randomKnapsack(items: 30, constraints: 3, seed: 7).solveMIP(MIPOptions(rootIterationLimit: 100_000))
        #expect(enough.status == .optimal)
    }
}
