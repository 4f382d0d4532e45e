import GLPK
import Testing

/// Every case here would make GLPK call abort() if it reached C; each must throw instead.
@Suite("Input validation")
struct ValidationTests {
    @Test("Out-of-range column in addRow throws", arguments: [-1, 2, 1_000])
    func columnOutOfRange(column: Int) throws {
        let lp = LinearProgram()
        try lp.addColumns(count: 2, kind: .continuous, lower: 0, upper: nil)
        #expect {
            try lp.addRow([(0, 1), (column, 1)], lower: 0, upper: 1)
        } throws: { error in
            guard case let GLPKError.columnOutOfRange(bad, count) = error else { return false }
            return bad == column && count == 2
        }
        // Nothing was added by the failed call.
        #expect(lp.rowCount == 0)
    }

    @Test("Out-of-range column or row in setters throws")
    func settersOutOfRange() throws {
        let lp = LinearProgram()
        try lp.addColumn(kind: .continuous, lower: 0, upper: 1)
        #expect(throws: GLPKError.self) { try lp.setCost(column: 1, 1) }
        #expect(throws: GLPKError.self) { try lp.setColumnBounds(column: -1, lower: 0, upper: 1) }
        #expect(throws: GLPKError.self) { try lp.setRowBounds(row: 0, lower: 0, upper: 1) }
    }

    @Test("Invalid bounds throw", arguments: [
        (VariableKind.continuous, 2.0, 1.0),
        (.continuous, .nan, 1.0),
        (.continuous, 0.0, .nan),
        (.continuous, .infinity, nil),
        (.continuous, nil, -.infinity),
        (.integer, 0.5, 3.0),
        (.integer, 0.0, 2.5),
        (.binary, 0.0, 2.0),
        (.binary, -1.0, 1.0),
        (.binary, 1.0, 0.0),
    ] as [(VariableKind, Double?, Double?)])
    func invalidColumnBounds(kind: VariableKind, lower: Double?, upper: Double?) throws {
        let lp = LinearProgram()
        #expect {
            try lp.addColumn(kind: kind, lower: lower, upper: upper)
        } throws: { error in
            guard case GLPKError.invalidBounds = error else { return false }
            return true
        }
        #expect(lp.columnCount == 0)
        #expect(throws: GLPKError.self) { try lp.addColumns(count: 3, kind: kind, lower: lower, upper: upper) }
    }

    @Test("lower > upper throws for rows and for changed bounds")
    func lowerAboveUpper() throws {
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: 1)
        #expect(throws: GLPKError.self) { try lp.addRow([(x, 1)], lower: 5, upper: 4) }
        #expect(throws: GLPKError.self) { try lp.setColumnBounds(column: x, lower: 3, upper: 2) }
        let row = try lp.addRow([(x, 1)], lower: 0, upper: 1)
        #expect(throws: GLPKError.self) { try lp.setRowBounds(row: row, lower: 1, upper: 0) }
    }

    @Test("Infinite bounds mean unbounded on that side")
    func infiniteBoundsAreFree() throws {
        // Minimise x with x >= -inf (free) and row x >= 3: x = 3.
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: -.infinity, upper: .infinity, cost: 1)
        try lp.addRow([(x, 1)], lower: 3, upper: .infinity)
        #expect(abs(try lp.solveLP().objective - 3) < 1e-9)
    }

    @Test("Binary bounds default to [0, 1] and may fix the column")
    func binaryBounds() throws {
        // Maximise b0 + b1 with b1 fixed to 0: objective 1.
        let lp = LinearProgram(sense: .maximize)
        try lp.addColumn(kind: .binary, lower: nil, upper: nil, cost: 1)
        try lp.addColumn(kind: .binary, lower: 0, upper: 0, cost: 1)
        let solution = try lp.solveMIP()
        #expect(solution.objective == 1)
        #expect(solution.columnValues == [1, 0])
    }

    @Test("Non-finite coefficients throw", arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteCoefficient(value: Double) throws {
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: 1)
        let isNonFinite: @Sendable (any Error) -> Bool = { error in
            guard case GLPKError.nonFiniteCoefficient = error else { return false }
            return true
        }
        #expect(performing: { try lp.addRow([(x, value)], lower: 0, upper: 1) }, throws: isNonFinite)
        #expect(performing: { try lp.addColumn(kind: .continuous, lower: 0, upper: 1, cost: value) }, throws: isNonFinite)
        #expect(performing: { try lp.setCost(column: x, value) }, throws: isNonFinite)
        #expect(performing: { try lp.setObjectiveConstant(value) }, throws: isNonFinite)
        #expect(lp.rowCount == 0)
        #expect(lp.columnCount == 1)
    }

    @Test("Coefficients that overflow when summed throw")
    func overflowingSum() throws {
        let lp = LinearProgram()
        let x = try lp.addColumn(kind: .continuous, lower: 0, upper: 1)
        #expect(throws: GLPKError.self) {
            try lp.addRow([(x, .greatestFiniteMagnitude), (x, .greatestFiniteMagnitude)], lower: 0, upper: 1)
        }
    }

    @Test("Invalid names throw", arguments: [String(repeating: "n", count: 256), "line\nbreak", "tab\there"])
    func invalidName(name: String) throws {
        let lp = LinearProgram()
        #expect(throws: GLPKError.self) { try lp.addColumn(kind: .continuous, lower: 0, upper: 1, name: name) }
        #expect(throws: GLPKError.self) { try lp.addRow([], lower: 0, upper: 1, name: name) }
        #expect(lp.columnCount == 0 && lp.rowCount == 0)
        // The problem name cannot throw, so it is cleaned up instead of aborting.
        _ = LinearProgram(name: name)
    }

    @Test("addColumns handles zero and rejects negative counts")
    func addColumnsCounts() throws {
        let lp = LinearProgram()
        #expect(try lp.addColumns(count: 0, kind: .integer, lower: 0, upper: 5) == 0..<0)
        #expect(try lp.addColumns(count: 3, kind: .integer, lower: 0, upper: 5) == 0..<3)
        #expect(throws: GLPKError.self) { try lp.addColumns(count: -1, kind: .continuous, lower: nil, upper: nil) }
        #expect(lp.columnCount == 3)
    }

    @Test("Invalid warm starts throw instead of reaching GLPK", arguments: [
        [1.0, 1.0, 0.0],          // wrong length (too short)
        [1.0, 1.0, 0.0, 0.0, 0.0], // wrong length (too long)
        [1.0, 0.5, 0.0, 0.0],     // fractional binary
        [1.0, 1.0, 0.0, 2.0],     // outside the binary bounds
        [1.0, 1.0, 1.0, 0.0],     // weight 9 > capacity 7
        [1.0, .nan, 0.0, 0.0],    // NaN
    ])
    func invalidWarmStart(warmStart: [Double]) throws {
        let lp = try TestModels.knapsack()
        #expect {
            try lp.solveMIP(MIPOptions(warmStart: warmStart))
        } throws: { error in
            guard case GLPKError.warmStartInvalid = error else { return false }
            return true
        }
    }

    @Test("Invalid time limits throw", arguments: [0.0, -1.0, .nan, .infinity])
    func invalidTimeLimit(seconds: Double) throws {
        let lp = try TestModels.knapsack()
        #expect(throws: GLPKError.self) { try lp.solveMIP(MIPOptions(timeLimit: seconds)) }
        #expect(throws: GLPKError.self) { try lp.solveLP(LPOptions(timeLimit: seconds)) }
    }

    @Test("Invalid relative gaps throw", arguments: [-0.1, .nan, .infinity])
    func invalidRelativeGap(gap: Double) throws {
        let lp = try TestModels.knapsack()
        #expect(throws: GLPKError.self) { try lp.solveMIP(MIPOptions(relativeGap: gap)) }
    }

    @Test("Error descriptions explain the fix")
    func descriptions() {
        let text = GLPKError.columnOutOfRange(column: 5, columnCount: 2).description
        #expect(text.contains("0..<2"))
        #expect(GLPKError.wrongThread.description.contains("one thread"))
    }
}
