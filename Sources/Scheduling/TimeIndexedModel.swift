import GLPK

/// The time-indexed MIP in "started by" (step) form, which GLPK solved best in our
/// measurements (see glpk-notes.md): for every task and every month of its window a binary
/// `y[i,t] = 1` iff task i has started in or before period t.
///
/// - phase order and dependencies: `y[j,t] ≤ y[i,t−delay]`;
/// - running in period t: `y[i,t] − y[i,t−d]`, so capacities are linear in y;
/// - lead-unit choice: a binary `z[k,u]` per candidate and a continuous share `q[k,u,t]` of the
///   standard's unit load that only the chosen unit may carry (`q ≤ M·z`);
/// - cost of publishing in period p (non-decreasing in p) telescopes onto the step variables.
struct TimeIndexedModel {
    /// A step variable's value is either decided by the window or a column of the MIP.
    enum Step {
        case constant(Int)
        case column(Int)
    }

    let problem: PlanningProblem
    let windows: TimeWindows
    let program: LinearProgram
    /// Per task, the columns of y[i,t] for t in earliest..<latest (empty for fixed tasks).
    private(set) var stepColumns: [[Int]] = []
    /// Per open standard with a choice, the z columns in candidate order.
    private(set) var choiceColumns: [Int: [Int]] = [:]
    /// Per open standard with a choice: (unit, period) → q column.
    private(set) var shareColumns: [Int: [UnitPeriod: Int]] = [:]
    /// Capacity rows of each shared resource and each unit, one per month where anything may run:
    /// their duals price one more unit of capacity.
    private(set) var resourceRows: [[Int]] = []
    private(set) var unitCapacityRows: [[Int]] = []
    /// Columns with a cost in the current objective.
    private var costedColumns: [Int] = []

    struct ColumnPair: Hashable {
        var a: Int
        var b: Int
    }

    struct UnitPeriod: Hashable {
        var unit: Int
        var period: Int
    }

    init(problem: PlanningProblem, windows: TimeWindows) throws {
        self.problem = problem
        self.windows = windows
        program = LinearProgram(sense: .minimize, name: "stdplan")
        try build()
    }

    /// y[i,t] as a constant or a column.
    func step(_ task: Int, _ period: Int) -> Step {
        if let fixed = problem.tasks[task].fixedStart { return .constant(period >= fixed ? 1 : 0) }
        let es = windows.earliest[task], ls = windows.latest[task]
        if period < es { return .constant(0) }
        if period >= ls { return .constant(1) }
        return .column(stepColumns[task][period - es])
    }

    /// Adds `coefficient × (y[i,t] − y[i,t−d])`, "task i runs in period t", to a row.
    private func addRunning(_ task: Int, _ period: Int, _ coefficient: Double, to terms: inout [(column: Int, coefficient: Double)], constant: inout Double) {
        let d = problem.tasks[task].duration
        for (p, sign) in [(period, 1.0), (period - d, -1.0)] {
            switch step(task, p) {
            case .constant(let value): constant += sign * coefficient * Double(value)
            case .column(let column): terms.append((column, sign * coefficient))
            }
        }
    }

    /// Periods in which the task may run at all.
    private func runRange(_ task: Int) -> ClosedRange<Int>? {
        let first = max(0, windows.earliest[task])
        let last = min(problem.periodCount - 1, windows.latest[task] + problem.tasks[task].duration - 1)
        return first <= last ? first...last : nil
    }

    private mutating func build() throws {
        let tasks = problem.tasks
        for task in tasks.indices {
            if tasks[task].fixedStart != nil {
                stepColumns.append([])
                continue
            }
            // A month the calendars rule out as a start shares the column of the month before: the
            // step cannot rise there. The windows begin in an allowed month, so every run has a first.
            var columns: [Int] = []
            for t in windows.earliest[task]..<windows.latest[task] {
                if let previous = columns.last, !tasks[task].mayStart(at: t) {
                    columns.append(previous)
                } else {
                    columns.append(try program.addColumn(kind: .binary, lower: 0, upper: 1))
                }
            }
            stepColumns.append(columns)
        }
        // Monotone: once started, stays started.
        for task in tasks.indices where stepColumns[task].count > 1 {
            for (a, b) in zip(stepColumns[task], stepColumns[task].dropFirst()) where a != b {
                try program.addRow([(a, 1), (b, -1)], lower: nil, upper: 0)
            }
        }
        // Two-column rows `a ≤ b` already added: a shared column would otherwise repeat them.
        var atMost = Set<ColumnPair>()
        func addAtMost(_ a: Int, _ b: Int) throws {
            guard a != b, atMost.insert(ColumnPair(a: a, b: b)).inserted else { return }
            try program.addRow([(a, 1), (b, -1)], lower: nil, upper: 0)
        }
        // Precedence: j may have started by t only if i had started by t − delay.
        for precedence in problem.precedences {
            let i = precedence.predecessor, j = precedence.successor
            guard tasks[j].fixedStart == nil else { continue }
            for t in windows.earliest[j]..<windows.latest[j] {
                guard case .column(let yj) = step(j, t) else { continue }
                switch step(i, t - precedence.delay) {
                case .constant(1): continue
                case .constant: try program.setColumnBounds(column: yj, lower: 0, upper: 0)
                case .column(let yi): try addAtMost(yj, yi)
                }
            }
        }
        // Most a phase may wait: if i has started by t, j must have started by t + limit.
        for lag in problem.maxLags {
            let i = lag.predecessor, j = lag.successor
            let first = tasks[i].fixedStart ?? windows.earliest[i], last = tasks[i].fixedStart ?? windows.latest[i]
            for t in first...last {
                let later = step(j, t + lag.limit)
                // Rows rather than bound changes, so no other constraint's bound on the same column is overwritten.
                switch (step(i, t), later) {
                case (.constant(0), _), (_, .constant(1)): continue
                case (.column(let yi), .constant): try program.addRow([(yi, 1)], lower: nil, upper: 0)
                case (.column(let yi), .column(let yj)): try addAtMost(yi, yj)
                case (.constant, .column(let yj)): try program.addRow([(yj, 1)], lower: 1, upper: nil)
                case (.constant, .constant): try program.addRow([], lower: 1, upper: nil)  // the windows rule this out: infeasible
                }
            }
        }
        // Shared resources.
        resourceRows = Array(repeating: [], count: problem.resourceCapacity.count)
        unitCapacityRows = Array(repeating: [], count: problem.unitCapacity.count)
        for resource in problem.resourceCapacity.indices {
            var rows = Array(repeating: [(column: Int, coefficient: Double)](), count: problem.periodCount)
            var constants = Array(repeating: 0.0, count: problem.periodCount)
            for task in tasks.indices {
                guard let amount = tasks[task].resourceLoads.first(where: { $0.resource == resource })?.amount, amount > 0,
                      let range = runRange(task) else { continue }
                for t in range { addRunning(task, t, Double(amount), to: &rows[t], constant: &constants[t]) }
            }
            for t in 0..<problem.periodCount where !rows[t].isEmpty || constants[t] > 0 {
                resourceRows[resource].append(
                    try program.addRow(rows[t], lower: nil, upper: Double(problem.resourceCapacity[resource][t]) - constants[t]))
            }
        }
        // Lead units.
        var unitRows = Array(repeating: Array(repeating: [(column: Int, coefficient: Double)](), count: problem.periodCount), count: problem.unitCapacity.count)
        var unitConstants = Array(repeating: Array(repeating: 0.0, count: problem.periodCount), count: problem.unitCapacity.count)
        for (k, standard) in problem.open.enumerated() {
            let loaded = standard.tasks.filter { tasks[$0].unitLoad > 0 }
            if standard.candidates.count == 1 {
                let unit = standard.candidates[0]
                for task in loaded {
                    guard let range = runRange(task) else { continue }
                    for t in range { addRunning(task, t, Double(tasks[task].unitLoad), to: &unitRows[unit][t], constant: &unitConstants[unit][t]) }
                }
                continue
            }
            let choices = Array(try program.addColumns(count: standard.candidates.count, kind: .binary, lower: 0, upper: 1))
            choiceColumns[k] = choices
            try program.addRow(choices.map { ($0, 1.0) }, lower: 1, upper: 1)
            guard !loaded.isEmpty else { continue }
            let peak = Double(loaded.map { tasks[$0].unitLoad }.max() ?? 0)
            var periods = Set<Int>()
            for task in loaded { if let range = runRange(task) { periods.formUnion(range) } }
            var shares: [UnitPeriod: Int] = [:]
            for t in periods.sorted() {
                // Σ_u q[k,u,t] = load of standard k in t.
                var link: [(column: Int, coefficient: Double)] = []
                var constant = 0.0
                for task in loaded where runRange(task)?.contains(t) == true {
                    addRunning(task, t, -Double(tasks[task].unitLoad), to: &link, constant: &constant)
                }
                for (position, unit) in standard.candidates.enumerated() {
                    let q = try program.addColumn(kind: .continuous, lower: 0, upper: peak)
                    shares[UnitPeriod(unit: unit, period: t)] = q
                    link.append((q, 1))
                    try program.addRow([(q, 1), (choices[position], -peak)], lower: nil, upper: 0)
                    unitRows[unit][t].append((q, 1))
                }
                try program.addRow(link, lower: -constant, upper: -constant)
            }
            shareColumns[k] = shares
        }
        for unit in unitRows.indices {
            for t in 0..<problem.periodCount where !unitRows[unit][t].isEmpty || unitConstants[unit][t] > 0 {
                unitCapacityRows[unit].append(
                    try program.addRow(unitRows[unit][t], lower: nil, upper: Double(problem.unitCapacity[unit][t]) - unitConstants[unit][t]))
            }
        }
        try setObjective(problem.levels[0])
    }

    /// Level `level` of the objective as a linear expression in the step variables: the cost c(s) of
    /// a standard whose last task starts in s telescopes to c(latest) + Σ_t y[t]·(c(t) − c(t+1)).
    func terms(of level: ObjectiveLevel) -> (constant: Double, terms: [(column: Int, coefficient: Double)]) {
        let tasks = problem.tasks
        var constant = 0.0
        var terms: [(column: Int, coefficient: Double)] = []
        for standard in problem.open {
            let last = problem.lastTask(of: standard)
            let d = tasks[last].duration + tasks[last].tail
            if let fixed = tasks[last].fixedStart {
                constant += Double(standard.cost(publishedIn: fixed + d - 1, level: level))
                continue
            }
            let es = windows.earliest[last], ls = windows.latest[last]
            constant += Double(standard.cost(publishedIn: ls + d - 1, level: level))
            for t in es..<ls {
                let delta = standard.cost(publishedIn: t + d - 1, level: level) - standard.cost(publishedIn: t + d, level: level)
                if delta != 0 { terms.append((stepColumns[last][t - es], Double(delta))) }
            }
        }
        if level == .completion || level == .weighted { addIdleTerms(to: &terms, constant: &constant) }
        return (constant, terms)
    }

    /// Idle months cost with completion: for consecutive tasks a, b of a standard, idle cost ×
    /// (start_b − start_a − duration_a), where a task's start is its latest start minus the step
    /// variables of its window that are 1 (or its fixed start).
    private func addIdleTerms(to terms: inout [(column: Int, coefficient: Double)], constant: inout Double) {
        let tasks = problem.tasks
        for standard in problem.open {
            for (a, b) in zip(standard.tasks, standard.tasks.dropFirst()) where tasks[b].idleCost > 0 {
                let cost = Double(tasks[b].idleCost)
                // idle = start_b − start_a − duration_a, with start = latest − Σ y over the window.
                let latestB = tasks[b].fixedStart ?? windows.latest[b], latestA = tasks[a].fixedStart ?? windows.latest[a]
                constant += cost * Double(latestB - latestA - tasks[a].duration)
                for column in stepColumns[b] { terms.append((column, -cost)) }
                for column in stepColumns[a] { terms.append((column, cost)) }
            }
        }
    }

    /// Makes `level` the objective GLPK minimises, replacing the previous one, plus `guide` (if given)
    /// scaled by `scale`: a small tie-breaking term that makes the LP far less degenerate.
    mutating func setObjective(_ level: ObjectiveLevel, guide: (level: ObjectiveLevel, scale: Double)? = nil) throws {
        for column in costedColumns { try program.setCost(column: column, 0) }
        var (constant, terms) = terms(of: level)
        if let guide {
            let (guideConstant, guideTerms) = self.terms(of: guide.level)
            constant += guide.scale * guideConstant
            terms += guideTerms.map { ($0.column, guide.scale * $0.coefficient) }
        }
        var costs: [Int: Double] = [:]
        for term in terms { costs[term.column, default: 0] += term.coefficient }
        for (column, cost) in costs { try program.setCost(column: column, cost) }
        costedColumns = Array(costs.keys)
        try program.setObjectiveConstant(constant)
    }

    /// An upper bound on the value `level` takes in any schedule of the model: its constant plus every
    /// positive coefficient (all columns are binary).
    func largestValue(of level: ObjectiveLevel) -> Double {
        let (constant, terms) = terms(of: level)
        return constant + terms.reduce(0) { $0 + max(0, $1.coefficient) }
    }

    /// Holds `level` at `value` or below: how a level proven optimal stays so while the next is minimised.
    func hold(_ level: ObjectiveLevel, atMost value: Int) throws {
        let (constant, terms) = terms(of: level)
        try program.addRow(terms, lower: nil, upper: Double(value) - constant)
    }

    /// The column values that encode `assignment`, for GLPK's warm start.
    func columnValues(for assignment: Assignment) -> [Double] {
        var values = Array(repeating: 0.0, count: program.columnCount)
        for task in problem.tasks.indices {
            let es = windows.earliest[task]
            for (offset, column) in stepColumns[task].enumerated() where es + offset >= assignment.starts[task] {
                values[column] = 1
            }
        }
        for (k, choices) in choiceColumns {
            let standard = problem.open[k]
            for (position, unit) in standard.candidates.enumerated() where unit == assignment.units[k] {
                values[choices[position]] = 1
            }
            for (key, column) in shareColumns[k] ?? [:] where key.unit == assignment.units[k] {
                values[column] = Double(standard.tasks.reduce(0) { load, task in
                    let start = assignment.starts[task]
                    let runs = key.period >= start && key.period < start + problem.tasks[task].duration
                    return load + (runs ? problem.tasks[task].unitLoad : 0)
                })
            }
        }
        return values
    }

    /// The starts an LP solution suggests: each task's window start plus the (fractional) months its
    /// step variables say it has not yet started, i.e. its expected start; fixed tasks at their start.
    func expectedStarts(from values: [Double]) -> [Double] {
        problem.tasks.indices.map { task in
            if let fixed = problem.tasks[task].fixedStart { return Double(fixed) }
            return Double(windows.earliest[task]) + stepColumns[task].reduce(0) { $0 + (1 - min(1, max(0, values[$1]))) }
        }
    }

    /// Reads starts and units back from a MIP solution.
    func assignment(from values: [Double]) -> Assignment {
        var starts = Array(repeating: 0, count: problem.tasks.count)
        for task in problem.tasks.indices {
            if let fixed = problem.tasks[task].fixedStart {
                starts[task] = fixed
                continue
            }
            let notStarted = stepColumns[task].reduce(0) { $0 + (values[$1] < 0.5 ? 1 : 0) }
            starts[task] = windows.earliest[task] + notStarted
        }
        let units = problem.open.enumerated().map { k, standard -> Int in
            guard let choices = choiceColumns[k] else { return standard.candidates.first ?? -1 }
            let best = choices.indices.max { values[choices[$0]] < values[choices[$1]] } ?? 0
            return standard.candidates[best]
        }
        return Assignment(starts: starts, units: units)
    }
}
