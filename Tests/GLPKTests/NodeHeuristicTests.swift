import GLPK
import Testing

/// A caller's primal heuristic inside branch-and-cut: GLPK takes only what passes the wrapper's
/// check, so a heuristic that proposes nonsense cannot corrupt the search (GLPK checks nothing).
@Suite("MIP node heuristic")
struct NodeHeuristicTests {
    /// Item weights of every row of a model built by `TestModels.randomKnapsack`, read back for the
    /// greedy repair below.
    static func greedyFill(_ values: [Double], lp: LinearProgram, rows: [[Double]], capacities: [Double]) -> [Double] {
        var chosen = values.map { $0 >= 1 - 1e-9 ? 1.0 : 0.0 }
        var load = rows.map { row in zip(row, chosen).reduce(0) { $0 + $1.0 * $1.1 } }
        // Then the items the LP likes best, while every row has room.
        for j in values.indices.sorted(by: { (values[$0], -$0) > (values[$1], -$1) }) where chosen[j] == 0 {
            if rows.indices.allSatisfy({ load[$0] + rows[$0][j] <= capacities[$0] }) {
                chosen[j] = 1
                for r in rows.indices { load[r] += rows[r][j] }
            }
        }
        return chosen
    }

    static func knapsack(seed: UInt64) throws -> (LinearProgram, rows: [[Double]], capacities: [Double]) {
        var generator = SplitMix64(state: seed)
        let lp = LinearProgram(sense: .maximize)
        let items = 40
        let x = try lp.addColumns(count: items, kind: .binary, lower: nil, upper: nil)
        for j in x { try lp.setCost(column: j, Double(10 + generator.next() % 90)) }
        var rows: [[Double]] = [], capacities: [Double] = []
        for _ in 0..<4 {
            let weights = x.map { _ in Double(5 + generator.next() % 60) }
            let capacity = (weights.reduce(0, +) / 2).rounded(.down)
            try lp.addRow(Array(zip(x, weights)), lower: nil, upper: capacity)
            rows.append(weights)
            capacities.append(capacity)
        }
        return (lp, rows, capacities)
    }

    @Test("a repairing heuristic is asked on a doubling schedule, every proposal passes, and the optimum is GLPK's own",
          arguments: [UInt64(3), 11, 27])
    func repairing(seed: UInt64) throws {
        let (plain, _, _) = try Self.knapsack(seed: seed)
        let reference = try plain.solveMIP(MIPOptions(integralObjective: true))
        let (lp, rows, capacities) = try Self.knapsack(seed: seed)
        let solution = try lp.solveMIP(MIPOptions(integralObjective: true)) { values in
            Self.greedyFill(values, lp: lp, rows: rows, capacities: capacities)
        }
        #expect(solution.status == .optimal && reference.status == .optimal)
        #expect(solution.objective == reference.objective)
        let calls = try #require(solution.heuristicCalls)
        #expect(calls.asked >= 1)
        #expect(calls.valid == calls.asked, "rounding down and filling greedily never breaks a row")
        #expect(calls.accepted <= calls.valid)
    }

    @Test("proposals that break a row, a bound or integrality are never handed to GLPK", arguments: ["row", "bound", "fraction"])
    func rejected(kind: String) throws {
        let (plain, _, _) = try Self.knapsack(seed: 5)
        let reference = try plain.solveMIP(MIPOptions(integralObjective: true))
        let (lp, _, _) = try Self.knapsack(seed: 5)
        let solution = try lp.solveMIP(MIPOptions(integralObjective: true)) { values in
            switch kind {
            case "row": values.map { _ in 1 }  // every item: far over every capacity, and a better objective
            case "bound": values.map { _ in 2 }
            default: values.map { _ in 0.5 }
            }
        }
        #expect(solution.status == .optimal)
        #expect(solution.objective == reference.objective)
        let calls = try #require(solution.heuristicCalls)
        #expect(calls.asked >= 1)
        #expect(calls.valid == 0 && calls.accepted == 0)
    }

    @Test("without a heuristic there are no calls to report")
    func none() throws {
        let solution = try TestModels.knapsack().solveMIP(MIPOptions())
        #expect(solution.heuristicCalls == nil)
    }
}
