import GLPK

/// The plan's time-indexed model with one kind of rule made elastic: a whole-number slack
/// column, each unit of it costing 1, lets that rule give way, and minimising the slack finds
/// the smallest relaxation of that kind that makes the plan feasible.
///
/// - ``Mode/capacity``: each unit's and shared resource's capacity in each month may grow
///   (slack in unit-months); deadlines and the horizon hold.
/// - ``Mode/deadlines``: each hard deadline may move (slack in months); capacities and the
///   horizon hold. The windows must be built without hard deadlines.
/// - ``Mode/horizon``: the horizon may move (one slack, in months) up to the periods of the
///   problem, which must be compiled over the extended horizon; capacities and deadlines hold.
///
/// The rest is the planner's formulation ("started by" steps `y[i,t]`, a lead-unit choice `z`
/// with shares `q`), built here from the ``PlanningProblem`` on its own so that the planner's
/// model can change without this one; only the objective differs, and the model is kept as small.
struct ElasticModel {
    enum Mode: Equatable {
        case capacity
        case deadlines
        /// The horizon of the scenario, in periods; the problem's further periods are the extension.
        case horizon(periods: Int)
    }

    /// A (unit or resource, period) pair.
    struct Cell: Hashable {
        var holder: Int
        var period: Int
    }

    let problem: PlanningProblem
    let windows: TimeWindows
    let mode: Mode
    let program = LinearProgram(sense: .minimize, name: "stdplan-elastic")
    /// Step columns y[i,t] per task for t in earliest..<latest (empty for fixed tasks).
    private(set) var steps: [[Int]] = []
    /// Per open standard with a choice: its z columns, and its share columns per (unit, period).
    private(set) var choices: [Int: [Int]] = [:]
    private(set) var shares: [Int: [Cell: Int]] = [:]
    /// Capacity rows per (unit, period) and (resource, period) that exist, with their slack
    /// column (nil outside capacity mode); deadline slack per open standard; the horizon's.
    private(set) var unitSlack: [Cell: Int?] = [:]
    private(set) var resourceSlack: [Cell: Int?] = [:]
    private(set) var deadlineSlack: [Int: Int] = [:]
    private(set) var horizonSlack: Int?

    init(problem: PlanningProblem, windows: TimeWindows, mode: Mode) throws {
        self.problem = problem
        self.windows = windows
        self.mode = mode
        try build()
    }

    // MARK: the model

    /// y[i,t] as a known 0/1 or a column.
    private func step(_ task: Int, _ period: Int) -> (constant: Int, column: Int?) {
        if let fixed = problem.tasks[task].fixedStart { return (period >= fixed ? 1 : 0, nil) }
        let earliest = windows.earliest[task], latest = windows.latest[task]
        if period < earliest { return (0, nil) }
        if period >= latest { return (1, nil) }
        return (0, steps[task][period - earliest])
    }

    /// Adds `coefficient` × "task runs in `period`" (y[t] − y[t − d]) to a row.
    private func addRunning(_ task: Int, _ period: Int, _ coefficient: Double, _ terms: inout [(column: Int, coefficient: Double)], _ constant: inout Double) {
        for (p, sign) in [(period, 1.0), (period - problem.tasks[task].duration, -1.0)] {
            let (value, column) = step(task, p)
            if let column { terms.append((column, sign * coefficient)) } else { constant += sign * coefficient * Double(value) }
        }
    }

    private func periods(of task: Int) -> ClosedRange<Int>? {
        let first = max(0, windows.earliest[task])
        let last = min(problem.periodCount - 1, windows.latest[task] + problem.tasks[task].duration - 1)
        return first <= last ? first...last : nil
    }

    /// Publication of open standard `k` as `constant − Σ y` over the steps of its last task.
    private func publication(_ k: Int) -> (constant: Int, steps: [Int]) {
        let standard = problem.open[k], last = problem.lastTask(of: standard)
        let tail = problem.tasks[last].duration + problem.tasks[last].tail - 1
        if let fixed = problem.tasks[last].fixedStart { return (fixed + tail, []) }
        return (windows.earliest[last] + steps[last].count + tail, steps[last])
    }

    private mutating func build() throws {
        let tasks = problem.tasks
        for task in tasks.indices {
            let count = tasks[task].fixedStart == nil ? max(0, windows.latest[task] - windows.earliest[task]) : 0
            steps.append(count > 0 ? Array(try program.addColumns(count: count, kind: .binary, lower: 0, upper: 1)) : [])
            for (a, b) in zip(steps[task], steps[task].dropFirst()) { try program.addRow([(a, 1), (b, -1)], lower: nil, upper: 0) }
        }
        for precedence in problem.precedences where tasks[precedence.successor].fixedStart == nil {
            let j = precedence.successor
            for (offset, yj) in steps[j].enumerated() {
                let (value, yi) = step(precedence.predecessor, windows.earliest[j] + offset - precedence.delay)
                if let yi { try program.addRow([(yj, 1), (yi, -1)], lower: nil, upper: 0) } else if value == 0 {
                    try program.setColumnBounds(column: yj, lower: 0, upper: 0)
                }
            }
        }
        // The most a phase may wait, and its calendars, hold as in the planner's model (they are
        // rules of the process, not something a relaxation should quietly break).
        for lag in problem.maxLags {
            let i = lag.predecessor, j = lag.successor
            let first = tasks[i].fixedStart ?? windows.earliest[i], last = tasks[i].fixedStart ?? windows.latest[i]
            for t in first...last {
                // y[i,t] ≤ y[j,t+limit]: columns on the left, known values on the right.
                let (vi, yi) = step(i, t), (vj, yj) = step(j, t + lag.limit)
                var terms: [(column: Int, coefficient: Double)] = []
                var right = 0
                if let yi { terms.append((yi, 1)) } else { right -= vi }
                if let yj { terms.append((yj, -1)) } else { right += vj }
                if terms.isEmpty, right >= 0 { continue }
                try program.addRow(terms, lower: nil, upper: Double(right))
            }
        }
        for task in tasks.indices where tasks[task].fixedStart == nil && tasks[task].allowedStarts != nil {
            for (offset, y) in steps[task].enumerated() where !tasks[task].mayStart(at: windows.earliest[task] + offset) {
                let (value, previous) = step(task, windows.earliest[task] + offset - 1)
                if let previous { try program.addRow([(y, 1), (previous, -1)], lower: 0, upper: 0) } else {
                    try program.addRow([(y, 1)], lower: Double(value), upper: Double(value))
                }
            }
        }
        var unitRows = Array(repeating: Array(repeating: [(column: Int, coefficient: Double)](), count: problem.periodCount), count: problem.unitCapacity.count)
        var unitConstants = Array(repeating: Array(repeating: 0.0, count: problem.periodCount), count: problem.unitCapacity.count)
        for (k, standard) in problem.open.enumerated() {
            let loaded = standard.tasks.filter { tasks[$0].unitLoad > 0 }
            guard standard.candidates.count > 1 else {
                guard let unit = standard.candidates.first else { continue }
                for task in loaded {
                    for t in periods(of: task) ?? 1...0 {
                        addRunning(task, t, Double(tasks[task].unitLoad), &unitRows[unit][t], &unitConstants[unit][t])
                    }
                }
                continue
            }
            let z = Array(try program.addColumns(count: standard.candidates.count, kind: .binary, lower: 0, upper: 1))
            choices[k] = z
            try program.addRow(z.map { ($0, 1.0) }, lower: 1, upper: 1)
            let peak = Double(loaded.map { tasks[$0].unitLoad }.max() ?? 0)
            var months = Set<Int>()
            for task in loaded { if let range = periods(of: task) { months.formUnion(range) } }
            var cells: [Cell: Int] = [:]
            for t in months.sorted() {
                var link: [(column: Int, coefficient: Double)] = []
                var constant = 0.0
                for task in loaded where periods(of: task)?.contains(t) == true {
                    addRunning(task, t, -Double(tasks[task].unitLoad), &link, &constant)
                }
                for (position, unit) in standard.candidates.enumerated() {
                    let q = try program.addColumn(kind: .continuous, lower: 0, upper: peak)
                    cells[Cell(holder: unit, period: t)] = q
                    link.append((q, 1))
                    try program.addRow([(q, 1), (z[position], -peak)], lower: nil, upper: 0)
                    unitRows[unit][t].append((q, 1))
                }
                try program.addRow(link, lower: -constant, upper: -constant)
            }
            shares[k] = cells
        }
        for unit in unitRows.indices {
            for t in 0..<problem.periodCount {
                guard let row = try capacityRow(unitRows[unit][t], unitConstants[unit][t], problem.unitCapacity[unit][t]) else { continue }
                unitSlack.updateValue(row.slack, forKey: Cell(holder: unit, period: t))
            }
        }
        for resource in problem.resourceCapacity.indices {
            var rows = Array(repeating: [(column: Int, coefficient: Double)](), count: problem.periodCount)
            var constants = Array(repeating: 0.0, count: problem.periodCount)
            for task in tasks.indices {
                guard let amount = tasks[task].resourceLoads.first(where: { $0.resource == resource })?.amount, amount > 0 else { continue }
                for t in periods(of: task) ?? 1...0 { addRunning(task, t, Double(amount), &rows[t], &constants[t]) }
            }
            for t in 0..<problem.periodCount {
                guard let row = try capacityRow(rows[t], constants[t], problem.resourceCapacity[resource][t]) else { continue }
                resourceSlack.updateValue(row.slack, forKey: Cell(holder: resource, period: t))
            }
        }
        switch mode {
        case .capacity:
            break
        case .deadlines:
            for (k, standard) in problem.open.enumerated() where standard.hardDeadline {
                guard let deadline = standard.deadline else { continue }
                let (constant, columns) = publication(k)
                // publication − g ≤ deadline, i.e. −Σ y − g ≤ deadline − constant; g at least what a fixed publication forces.
                let g = try program.addColumn(kind: .integer, lower: Double(max(0, columns.isEmpty ? constant - deadline : 0)),
                                              upper: Double(problem.periodCount), cost: 1)
                deadlineSlack[k] = g
                if !columns.isEmpty {
                    try program.addRow(columns.map { ($0, -1.0) } + [(g, -1)], lower: nil, upper: Double(deadline - constant))
                }
            }
        case .horizon(let scenarioPeriods):
            // At least what the chains of phases need with unlimited capacity (from the windows).
            let chains = problem.open.map { problem.publication(of: $0, lastStart: windows.earliest[problem.lastTask(of: $0)]) }.max() ?? 0
            let floor = min(problem.periodCount - scenarioPeriods, max(0, chains - (scenarioPeriods - 1)))
            let e = try program.addColumn(kind: .integer, lower: Double(floor), upper: Double(problem.periodCount - scenarioPeriods), cost: 1)
            horizonSlack = e
            for k in problem.open.indices {
                let (constant, columns) = publication(k)
                // publication − e ≤ last period of the scenario's horizon.
                try program.addRow(columns.map { ($0, -1.0) } + [(e, -1)], lower: nil, upper: Double(scenarioPeriods - 1 - constant))
            }
        }
    }

    /// A capacity row `terms + constant ≤ capacity` where anything may load it, with a slack
    /// column in capacity mode; nil when nothing loads the holder in that month.
    private mutating func capacityRow(_ terms: [(column: Int, coefficient: Double)], _ constant: Double, _ capacity: Int) throws -> (row: Int, slack: Int?)? {
        guard !terms.isEmpty || constant > 0 else { return nil }
        var row = terms
        var slack: Int?
        if mode == .capacity {
            // Never more than all the load that could run then: a finite bound keeps the objective's
            // magnitude known, which exact proofs need (MIPOptions.integralObjective).
            let peak = Double(max(1, problem.tasks.map(\.unitLoad).max() ?? 1))
            let most = (terms.reduce(constant) { $0 + abs($1.coefficient) } * peak).rounded(.up)
            let column = try program.addColumn(kind: .integer, lower: 0, upper: max(0, most), cost: 1)
            row.append((column, -1))
            slack = column
        }
        return (try program.addRow(row, lower: nil, upper: Double(capacity) - constant), slack)
    }

    // MARK: solutions

    /// The column values of `assignment` with the smallest slacks it needs, for GLPK's warm
    /// start; nil when the assignment breaks a rule this mode does not relax.
    func columnValues(for assignment: Assignment) -> [Double]? {
        var values = Array(repeating: 0.0, count: program.columnCount)
        for task in problem.tasks.indices {
            let start = assignment.starts[task]
            if problem.tasks[task].fixedStart == nil, start < windows.earliest[task] || start > windows.latest[task] { return nil }
            for (offset, column) in steps[task].enumerated() where windows.earliest[task] + offset >= start { values[column] = 1 }
        }
        var unitLoad = Array(repeating: Array(repeating: 0, count: problem.periodCount), count: problem.unitCapacity.count)
        var resourceLoad = Array(repeating: Array(repeating: 0, count: problem.periodCount), count: problem.resourceCapacity.count)
        for (k, standard) in problem.open.enumerated() {
            let unit = assignment.units[k]
            for task in standard.tasks {
                let t = problem.tasks[task], start = assignment.starts[task]
                for period in max(0, start)..<min(problem.periodCount, start + t.duration) {
                    if unit >= 0 { unitLoad[unit][period] += t.unitLoad }
                    for load in t.resourceLoads { resourceLoad[load.resource][period] += load.amount }
                }
            }
            guard let z = choices[k], let position = standard.candidates.firstIndex(of: unit) else { continue }
            values[z[position]] = 1
            for (cell, column) in shares[k] ?? [:] where cell.holder == unit {
                values[column] = Double(standard.tasks.reduce(0) { total, task in
                    let start = assignment.starts[task]
                    return total + (cell.period >= start && cell.period < start + problem.tasks[task].duration ? problem.tasks[task].unitLoad : 0)
                })
            }
        }
        for (cell, column) in unitSlack {
            let over = unitLoad[cell.holder][cell.period] - problem.unitCapacity[cell.holder][cell.period]
            if over > 0 { if let column { values[column] = Double(over) } else { return nil } }
        }
        for (cell, column) in resourceSlack {
            let over = resourceLoad[cell.holder][cell.period] - problem.resourceCapacity[cell.holder][cell.period]
            if over > 0 { if let column { values[column] = Double(over) } else { return nil } }
        }
        for (k, column) in deadlineSlack {
            values[column] = Double(max(0, problem.publication(of: problem.open[k], lastStart: assignment.starts[problem.lastTask(of: problem.open[k])])
                                        - (problem.open[k].deadline ?? 0)))
        }
        if let horizonSlack, case .horizon(let scenarioPeriods) = mode {
            let latest = problem.open.map { problem.publication(of: $0, lastStart: assignment.starts[problem.lastTask(of: $0)]) }.max() ?? 0
            values[horizonSlack] = Double(max(0, latest - (scenarioPeriods - 1)))
        }
        return values
    }

    /// Starts and units of a solution.
    func assignment(from values: [Double]) -> Assignment {
        var starts = Array(repeating: 0, count: problem.tasks.count)
        for task in problem.tasks.indices {
            starts[task] = problem.tasks[task].fixedStart ?? (windows.earliest[task] + steps[task].reduce(0) { $0 + (values[$1] < 0.5 ? 1 : 0) })
        }
        let units = problem.open.enumerated().map { k, standard -> Int in
            guard let z = choices[k] else { return standard.candidates.first ?? -1 }
            return standard.candidates[z.indices.max { values[z[$0]] < values[z[$1]] } ?? 0]
        }
        return Assignment(starts: starts, units: units)
    }

    /// A slack column's value, rounded (slacks are whole numbers).
    static func amount(_ column: Int?, _ values: [Double]) -> Int {
        guard let column else { return 0 }
        return Int(values[column].rounded())
    }
}
