import PlanModel

/// Re-times the plan for one set of durations: a serial schedule-generation pass over the
/// plan's order of tasks that keeps the plan's lead units and puts each task at the earliest
/// month its predecessors, its release and the capacities (of the tasks already placed) allow.
/// It records why each task starts when it does, so the chain that decides a publication can be
/// traced back. Holds its scratch arrays so one pass serves many samples on one thread.
struct RetimingPass {
    let model: SimulationModel
    /// Duration of each task in months.
    var months: [Int]
    /// Start period of each task.
    private(set) var start: [Int]
    /// The task that held the capacity a task waited for (−1: it did not wait, or no task held it).
    private(set) var blocker: [Int]
    /// The capacity row a task waited for (−1: it started as soon as its predecessors allowed; −2:
    /// it waited for a month its calendars allow).
    private(set) var waitRow: [Int]
    /// `waitRow` of a task that waited for its calendars.
    static let calendarWait = -2
    /// Free capacity per row and period, row-major with `periods` per row.
    private var free: [Int]
    private var periods: Int
    /// Tasks placed on each row, to find who holds a capacity a task waits for.
    private var rowTasks: [[Int]]
    private var visited: [Bool]
    private var stack: [Int] = []

    init(model: SimulationModel) {
        self.model = model
        months = model.tasks.map(\.plannedMonths)
        start = Array(repeating: 0, count: model.tasks.count)
        blocker = Array(repeating: -1, count: model.tasks.count)
        waitRow = Array(repeating: -1, count: model.tasks.count)
        free = model.capacity
        periods = model.periods
        rowTasks = Array(repeating: [], count: model.rowProfiles.count)
        visited = Array(repeating: false, count: model.tasks.count)
    }

    /// Publication period of open standard `k`.
    func publication(_ k: Int) -> Int {
        let last = model.open[k].last
        return start[last] + months[last] - 1
    }

    /// Places every task for the current ``months``.
    mutating func retime() {
        if periods == model.periods {
            free.withUnsafeMutableBufferPointer { target in
                model.capacity.withUnsafeBufferPointer { source in
                    target.baseAddress!.update(from: source.baseAddress!, count: source.count)
                }
            }
        } else {
            free = model.capacity
            periods = model.periods
        }
        for row in rowTasks.indices { rowTasks[row].removeAll(keepingCapacity: true) }
        for t in model.order {
            let task = model.tasks[t]
            let duration = months[t]
            var begin: Int
            var row = -1
            if let fixed = task.fixedStart {
                begin = fixed
            } else {
                var ready = task.earliest
                if task.previous >= 0 { ready = max(ready, start[task.previous] + months[task.previous]) }
                for i in task.dependencies {
                    let predecessor = model.dependencyTasks[i]
                    ready = max(ready, start[predecessor] + months[predecessor] + model.dependencyLags[i])
                }
                begin = ready
                // A capacity that drops to zero for good would leave a long sample's task without
                // room forever: past 100 years beyond the horizon it is placed regardless (and
                // counts as that late), so every sample ends.
                let limit = model.periods + 1200
                while begin <= limit {
                    if !model.allowsStart(task, begin, duration) {
                        begin += 1
                        row = Self.calendarWait
                        continue
                    }
                    let shortage = firstShortage(task, begin, duration)
                    if shortage.row < 0 { break }
                    // Every start up to the short month would include it: try the month after.
                    begin = shortage.period + 1
                    row = shortage.row
                }
            }
            start[t] = begin
            waitRow[t] = row
            blocker[t] = row >= 0 ? holder(of: row, in: begin - 1) : -1
            if row == Self.calendarWait { waitRow[t] = Self.calendarWait }
            reserve(t, task, begin, duration)
        }
    }

    /// The first month in which `task`, started at `begin`, would not fit, and the row short
    /// then; row −1 when it fits.
    private mutating func firstShortage(_ task: SimulationModel.Task, _ begin: Int, _ duration: Int) -> (period: Int, row: Int) {
        let end = begin + duration
        if end > periods { grow(to: end) }
        let from = max(0, begin)
        if task.unitRow >= 0 {
            let base = task.unitRow * periods
            for period in from..<max(from, end) where free[base + period] < task.unitLoad { return (period, task.unitRow) }
        }
        for i in task.resources {
            let row = model.resourceRows[i], amount = model.resourceAmounts[i]
            let base = row * periods
            for period in from..<max(from, end) where free[base + period] < amount { return (period, row) }
        }
        return (0, -1)
    }

    private mutating func reserve(_ t: Int, _ task: SimulationModel.Task, _ begin: Int, _ duration: Int) {
        let end = begin + duration
        if end > periods { grow(to: end) }
        let from = max(0, begin)
        guard end > from else { return }
        if task.unitRow >= 0 {
            let base = task.unitRow * periods
            for period in from..<end { free[base + period] -= task.unitLoad }
            rowTasks[task.unitRow].append(t)
        }
        for i in task.resources {
            let row = model.resourceRows[i], amount = model.resourceAmounts[i]
            let base = row * periods
            for period in from..<end { free[base + period] -= amount }
            rowTasks[row].append(t)
        }
    }

    /// Extends every row so that periods before `end` exist (long samples run past the horizon).
    private mutating func grow(to end: Int) {
        let wider = max(end, periods * 2)
        var grown: [Int] = []
        grown.reserveCapacity(wider * model.rowProfiles.count)
        for (row, profile) in model.rowProfiles.enumerated() {
            grown += free[(row * periods)..<((row + 1) * periods)]
            for period in periods..<wider { grown.append(model.capacity(row: row, profile: profile, period: period)) }
        }
        free = grown
        periods = wider
    }

    /// Of the tasks placed on `row`, the one running in `period` that finishes last (ties: the
    /// lowest index), or −1 if none runs then (the capacity itself is zero).
    private func holder(of row: Int, in period: Int) -> Int {
        var best = -1
        for t in rowTasks[row] where start[t] <= period && period < start[t] + months[t] {
            if best < 0 || start[t] + months[t] > start[best] + months[best] || (start[t] + months[t] == start[best] + months[best] && t < best) {
                best = t
            }
        }
        return best
    }

    /// Marks in `critical` every open standard on the chains that decide the publication of the
    /// standards in `late`: back from each publication through the predecessor whose finish
    /// fixed a task's start, or the task holding the capacity it waited for.
    mutating func markChains(from late: [Int], into critical: inout [Bool]) {
        for t in visited.indices { visited[t] = false }
        stack.removeAll(keepingCapacity: true)
        for k in late { stack.append(model.open[k].last) }
        while let t = stack.popLast() {
            if visited[t] { continue }
            visited[t] = true
            let task = model.tasks[t]
            critical[task.open] = true
            if task.fixedStart != nil { continue }
            if waitRow[t] >= 0 {
                if blocker[t] >= 0 { stack.append(blocker[t]) }
                continue
            }
            let begin = start[t]
            if task.previous >= 0, start[task.previous] + months[task.previous] == begin { stack.append(task.previous) }
            for i in task.dependencies {
                let predecessor = model.dependencyTasks[i]
                if start[predecessor] + months[predecessor] + model.dependencyLags[i] == begin { stack.append(predecessor) }
            }
        }
    }
}
