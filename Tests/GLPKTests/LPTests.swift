import GLPK
import Testing

@Suite("Linear programs")
struct LPTests {
    @Test("Wyndor LP: optimum, values and shadow prices", arguments: [false, true])
    func wyndor(presolve: Bool) throws {
        let lp = try TestModels.wyndor()
        let solution = try lp.solveLP(LPOptions(presolve: presolve))
        // Hand solution in TestModels.wyndor: x = 2, y = 6, z = 36, shadow prices 0, 1.5, 1.
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 36) < 1e-9)
        #expect(abs(solution.columnValues[0] - 2) < 1e-9)
        #expect(abs(solution.columnValues[1] - 6) < 1e-9)
        #expect(abs(solution.rowDuals[0]) < 1e-9)
        #expect(abs(solution.rowDuals[1] - 1.5) < 1e-9)
        #expect(abs(solution.rowDuals[2] - 1) < 1e-9)
        #expect(abs(solution.rowValues[2] - 18) < 1e-9)
        #expect(solution.reducedCosts.count == 2)
        #expect(solution.seconds >= 0)
    }

    @Test("Objective constant is added to the optimum")
    func objectiveConstant() throws {
        let lp = try TestModels.wyndor()
        try lp.setObjectiveConstant(-6)
        // 36 - 6.
        #expect(abs(try lp.solveLP().objective - 30) < 1e-9)
    }

    @Test("Unbounded LP is a status, not an error", arguments: [false, true])
    func unbounded(presolve: Bool) throws {
        // Maximise x + y with x - y <= 1, x, y >= 0: (t, t) is feasible for every t, objective 2t grows without limit.
        let lp = LinearProgram(sense: .maximize)
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 1)
        let y = try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 1)
        try lp.addRow([(x, 1), (y, -1)], lower: nil, upper: 1)
        #expect(try lp.solveLP(LPOptions(presolve: presolve)).status == .unbounded)
    }

    @Test("Infeasible LP is a status, not an error", arguments: [false, true])
    func infeasible(presolve: Bool) throws {
        // x + y <= 1 and x + y >= 2 contradict each other.
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: nil)
        let y = try lp.addColumn(kind: .continuous, lower: 0, upper: nil)
        try lp.addRow([(x, 1), (y, 1)], lower: nil, upper: 1)
        try lp.addRow([(x, 1), (y, 1)], lower: 2, upper: nil)
        #expect(try lp.solveLP(LPOptions(presolve: presolve)).status == .infeasible)
    }

    @Test("Duplicate columns in a row are summed and zero terms dropped")
    func duplicateColumnsAreSummed() throws {
        // Row: x + x + y - y >= 4, i.e. 2x >= 4. Minimising x gives 2 (taking only the last x would give 4;
        // GLPK itself would abort on the duplicate).
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: nil, cost: 1)
        let y = try lp.addColumn(kind: .continuous, lower: 0, upper: 10)
        try lp.addRow([(x, 1), (y, 1), (x, 1), (y, -1), (y, 0)], lower: 4, upper: nil)
        let solution = try lp.solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.columnValues[x] - 2) < 1e-9)
        #expect(lp.rowCount == 1)
    }

    @Test("A model without rows solves to its column bounds")
    func noRows() throws {
        // Minimise x with 1 <= x <= 5: x = 1.
        let lp = LinearProgram()
        try lp.addColumn(kind: .continuous, lower: 1, upper: 5, cost: 1)
        let solution = try lp.solveLP()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 1) < 1e-9)
    }

    @Test("An empty model is optimal with the objective constant as its value")
    func emptyModel() throws {
        let lp = LinearProgram()
        try lp.setObjectiveConstant(7)
        let relaxation = try lp.solveLP()
        #expect(relaxation.status == .optimal)
        #expect(relaxation.objective == 7)
        let integer = try lp.solveMIP()
        #expect(integer.status == .optimal)
        #expect(integer.objective == 7)
    }

    @Test("Re-solving after changing bounds and costs uses the new data")
    func resolveAfterEdits() throws {
        let lp = try TestModels.wyndor()
        #expect(abs(try lp.solveLP().objective - 36) < 1e-9)
        // With r2 relaxed to 3x + 2y <= 24, x = 4 and y = 6 both reach their own limits (3·4 + 2·6 = 24): z = 12 + 30 = 42.
        try lp.setRowBounds(row: 2, lower: nil, upper: 24)
        #expect(abs(try lp.solveLP().objective - 42) < 1e-9)
        // Then making x worthless leaves 5·6 = 30.
        try lp.setCost(column: 0, 0)
        #expect(abs(try lp.solveLP().objective - 30) < 1e-9)
        // Fixing y at 1 leaves 5.
        try lp.setColumnBounds(column: 1, lower: 1, upper: 1)
        #expect(abs(try lp.solveLP().objective - 5) < 1e-9)
    }

    @Test("A log closure receives GLPK's output")
    func logReceivesOutput() throws {
        let lines = Locked<[String]>([])
        let lp = try TestModels.wyndor()
        _ = try lp.solveLP(LPOptions(log: { line in lines.withLock { $0.append(line) } }))
        #expect(!lines.value.isEmpty)
        #expect(lines.value.allSatisfy { !$0.contains("\n") })
    }
}
