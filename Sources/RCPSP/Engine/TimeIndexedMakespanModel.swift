import GLPK

/// The time-indexed MIP of an RCPSP instance in "started by" (step) form, the formulation GLPK
/// solved best in the project's measurements (`glpk-notes.md`: same LP bound as the
/// disaggregated model with about six times fewer non-zeros). For every job and every period of
/// its window a binary `y[j,t] = 1` iff job j has started in or before period t:
///
/// - `y[j,t] ≤ y[j,t+1]` (once started, stays started);
/// - precedence `i → j`: `y[j,t] ≤ y[i,t−d_i]`;
/// - resource k in period t: `Σ_j r_jk (y[j,t] − y[j,t−d_j]) ≤ R_k`;
/// - makespan `C ≥ start_j + d_j` with `start_j = es_j + Σ_t (1 − y[j,t])`, minimised.
///
/// Windows come from propagation under a makespan limit, so the model only has the periods a
/// schedule within that limit can use.
struct TimeIndexedMakespanModel {
    let network: ProjectNetwork
    let earliest: [Int]
    let latest: [Int]
    let program: LinearProgram
    /// Per job, the columns of `y[j,t]` for t in earliest..<latest.
    private(set) var stepColumns: [[Int]] = []
    private(set) var makespanColumn = 0

    init(network: ProjectNetwork, earliest: [Int], latest: [Int], integer: Bool) throws {
        self.network = network
        self.earliest = earliest
        self.latest = latest
        program = LinearProgram(sense: .minimize, name: "rcpsp")
        try build(kind: integer ? .binary : .continuous)
    }

    private enum Step { case constant(Int), column(Int) }

    private func step(_ j: Int, _ t: Int) -> Step {
        if t < earliest[j] { return .constant(0) }
        if t >= latest[j] { return .constant(1) }
        return .column(stepColumns[j][t - earliest[j]])
    }

    private mutating func build(kind: VariableKind) throws {
        let net = network
        let n = net.jobCount
        for j in 0..<n {
            let count = latest[j] - earliest[j]
            stepColumns.append(count > 0 ? Array(try program.addColumns(count: count, kind: kind, lower: 0, upper: 1)) : [])
        }
        let upper = (0..<n).map { latest[$0] + net.durations[$0] }.max() ?? 0
        let lower = (0..<n).map { earliest[$0] + net.durations[$0] }.max() ?? 0
        makespanColumn = try program.addColumn(kind: kind == .binary ? .integer : .continuous, lower: Double(lower), upper: Double(upper), cost: 1)
        for j in 0..<n where stepColumns[j].count > 1 {
            for (a, b) in zip(stepColumns[j], stepColumns[j].dropFirst()) {
                try program.addRow([(a, 1), (b, -1)], lower: nil, upper: 0)
            }
        }
        for i in 0..<n {
            for j in net.successors[i] {
                for t in earliest[j]..<latest[j] {
                    guard case .column(let yj) = step(j, t) else { continue }
                    switch step(i, t - net.durations[i]) {
                    case .constant(1): continue
                    case .constant: try program.setColumnBounds(column: yj, lower: 0, upper: 0)
                    case .column(let yi): try program.addRow([(yj, 1), (yi, -1)], lower: nil, upper: 0)
                    }
                }
            }
        }
        for resource in 0..<net.resourceCount {
            var rows = Array(repeating: [(column: Int, coefficient: Double)](), count: upper)
            var constants = Array(repeating: 0.0, count: upper)
            for j in 0..<n {
                let amount = net.demand[j * net.resourceCount + resource]
                let d = net.durations[j]
                guard amount > 0, d > 0 else { continue }
                for t in earliest[j]..<min(upper, latest[j] + d) {
                    for (p, sign) in [(t, 1.0), (t - d, -1.0)] {
                        switch step(j, p) {
                        case .constant(let v): constants[t] += sign * Double(amount * v)
                        case .column(let c): rows[t].append((c, sign * Double(amount)))
                        }
                    }
                }
            }
            for t in 0..<upper where !rows[t].isEmpty {
                try program.addRow(rows[t], lower: nil, upper: Double(net.capacities[resource]) - constants[t])
            }
        }
        // C − Σ_t (1 − y[j,t]) ≥ es_j + d_j, i.e. C + Σ_t y[j,t] ≥ es_j + d_j + count, for jobs without successors.
        for j in 0..<n where net.successors[j].isEmpty && !stepColumns[j].isEmpty {
            var terms: [(column: Int, coefficient: Double)] = [(makespanColumn, 1)]
            for c in stepColumns[j] { terms.append((c, 1)) }
            try program.addRow(terms, lower: Double(earliest[j] + net.durations[j] + stepColumns[j].count), upper: nil)
        }
    }

    /// Column values encoding a schedule that lies within the windows.
    func columnValues(for starts: [Int]) -> [Double] {
        var values = Array(repeating: 0.0, count: program.columnCount)
        for j in 0..<network.jobCount {
            for (offset, column) in stepColumns[j].enumerated() where earliest[j] + offset >= starts[j] { values[column] = 1 }
        }
        values[makespanColumn] = Double((0..<network.jobCount).map { starts[$0] + network.durations[$0] }.max() ?? 0)
        return values
    }

    /// Start times read back from column values.
    func starts(from values: [Double]) -> [Int] {
        (0..<network.jobCount).map { j in earliest[j] + stepColumns[j].reduce(0) { $0 + (values[$1] < 0.5 ? 1 : 0) } }
    }
}
