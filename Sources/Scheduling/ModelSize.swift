/// The size of the time-indexed MIP of a problem, estimated from its time windows before the
/// model is built: one binary per task and month of its window, one row per precedence and
/// month, capacity rows per unit, resource and month, and the lead-unit choice's shares. The
/// count is of the order of what ``TimeIndexedModel`` builds (on the baseline repeated 100
/// times: 0.75 million columns estimated, 0.92 million built); it decides whether the
/// model is built at all (``PlanOptions/maximumModelSize``), since a model of millions of
/// columns takes gigabytes and more time than any time limit allows.
public struct ModelSize: Sendable, Hashable {
    /// Columns (variables).
    public var columns: Int
    /// Rows (constraints).
    public var rows: Int
    /// Tasks (phases still to schedule) and months of the horizon, for messages.
    public var tasks: Int
    /// See ``tasks``.
    public var months: Int

    /// Columns and rows together, the figure compared with the bound.
    public var total: Int { columns + rows }

    /// Creates an estimate.
    public init(columns: Int, rows: Int, tasks: Int, months: Int) {
        self.columns = columns
        self.rows = rows
        self.tasks = tasks
        self.months = months
    }

    /// The estimate for `problem` over `windows`.
    init(_ problem: PlanningProblem, _ windows: TimeWindows) {
        var columns = 0, rows = 0
        for task in problem.tasks.indices where problem.tasks[task].fixedStart == nil {
            let steps = max(0, windows.latest[task] - windows.earliest[task])
            columns += steps
            rows += max(0, steps - 1)
        }
        for precedence in problem.precedences where problem.tasks[precedence.successor].fixedStart == nil {
            rows += max(0, windows.latest[precedence.successor] - windows.earliest[precedence.successor])
        }
        rows += (problem.unitCapacity.count + problem.resourceCapacity.count) * problem.periodCount
        for standard in problem.open where standard.candidates.count > 1 {
            let span = standard.tasks.reduce(0) { total, task in
                total + max(0, windows.latest[task] - windows.earliest[task]) + problem.tasks[task].duration
            }
            let months = min(problem.periodCount, span)
            columns += standard.candidates.count * (1 + months)
            rows += 1 + months * (1 + standard.candidates.count)
        }
        self.init(columns: columns, rows: rows, tasks: problem.tasks.count, months: problem.periodCount)
    }
}
