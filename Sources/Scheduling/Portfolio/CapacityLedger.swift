/// Free capacity of every lead unit and shared resource in every period, for the heuristics that
/// place tasks one at a time: what is left after the tasks reserved so far. Flat arrays, row-major
/// by unit (resource) with `periods` per row, so placing a task copies nothing.
struct CapacityLedger {
    private let problem: PlanningProblem
    private let periods: Int
    private var unitFree: [Int]
    private var resourceFree: [Int]

    /// All capacity free.
    init(_ problem: PlanningProblem) {
        self.problem = problem
        periods = problem.periodCount
        unitFree = problem.unitCapacity.flatMap { $0 }
        resourceFree = problem.resourceCapacity.flatMap { $0 }
    }

    /// Whether `task` led by `unit` (−1: no unit) fits when started in `start`, within the horizon.
    /// The months before the plan start belong to a phase under way and are not checked.
    func fits(_ task: Int, start: Int, unit: Int) -> Bool {
        let t = problem.tasks[task]
        if start + t.duration > periods { return false }
        for period in max(0, start)..<(start + t.duration) {
            if t.unitLoad > 0, unit >= 0, t.unitLoad > unitFree[unit * periods + period] { return false }
            for load in t.resourceLoads where load.amount > resourceFree[load.resource * periods + period] { return false }
        }
        return true
    }

    /// The first start in `from...latest` that the task's calendars allow and where it fits; nil if none.
    func earliestFit(_ task: Int, from: Int, latest: Int, unit: Int) -> Int? {
        let t = problem.tasks[task]
        var start = from
        while start <= latest {
            if t.mayStart(at: start), fits(task, start: start, unit: unit) { return start }
            start += 1
        }
        return nil
    }

    /// The last start in `earliest...latest` that the task's calendars allow and where it fits; nil if none.
    func latestFit(_ task: Int, earliest: Int, latest: Int, unit: Int) -> Int? {
        let t = problem.tasks[task]
        var start = latest
        while start >= earliest {
            if t.mayStart(at: start), fits(task, start: start, unit: unit) { return start }
            start -= 1
        }
        return nil
    }

    /// The unit's free capacity summed over every period.
    func freeCapacity(ofUnit unit: Int) -> Int { unitFree[(unit * periods)..<((unit + 1) * periods)].reduce(0, +) }

    /// Takes the capacity `task` uses when started in `start`.
    mutating func reserve(_ task: Int, start: Int, unit: Int) { adjust(task, start: start, unit: unit, by: -1) }

    /// Gives back the capacity `task` used when started in `start`.
    mutating func release(_ task: Int, start: Int, unit: Int) { adjust(task, start: start, unit: unit, by: 1) }

    private mutating func adjust(_ task: Int, start: Int, unit: Int, by sign: Int) {
        let t = problem.tasks[task]
        for period in max(0, start)..<min(start + t.duration, periods) {
            if unit >= 0 { unitFree[unit * periods + period] += sign * t.unitLoad }
            for load in t.resourceLoads { resourceFree[load.resource * periods + period] += sign * load.amount }
        }
    }
}
