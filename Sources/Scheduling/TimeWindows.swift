/// Earliest and latest start of every task: from releases and dependencies forward, from the
/// horizon (and any bound on publication) backward, with the most a phase may wait (`max_wait`)
/// and the months calendars allow it to start in taken into account until nothing changes. A
/// task outside its window cannot be part of a feasible (or, with bounds from an incumbent, of an
/// improving) schedule, so the MIP only gets variables inside the windows.
struct TimeWindows: Sendable {
    var earliest: [Int]
    var latest: [Int]
    /// Tasks in an order where every precedence goes forward.
    var order: [Int]

    /// Why windows could not be built.
    enum Failure: Error {
        /// The dependencies among tasks form a cycle.
        case cycle
        /// This task cannot fit between its earliest start and the horizon.
        case empty(task: Int)
    }

    /// Builds windows; `latestPublication[k]` optionally bounds the last period of open standard `k`
    /// (hard deadlines bound it too), and `startWithin[task]` optionally the starts of a task (e.g.
    /// those Lagrangian reduced-cost fixing leaves, ``LagrangianBound/reducedStarts(at:ceiling:)``).
    init(_ problem: PlanningProblem, latestPublication: [Int?]? = nil, hardDeadlines: Bool = true,
         startWithin: [ClosedRange<Int>?]? = nil) throws(Failure) {
        let n = problem.tasks.count
        let tasks = problem.tasks
        var successors = Array(repeating: [(Int, Int)](), count: n)
        var predecessors = Array(repeating: [(Int, Int)](), count: n)
        var indegree = Array(repeating: 0, count: n)
        for p in problem.precedences {
            successors[p.predecessor].append((p.successor, p.delay))
            predecessors[p.successor].append((p.predecessor, p.delay))
            indegree[p.successor] += 1
        }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(n)
        while let task = queue.popLast() {
            order.append(task)
            for (next, _) in successors[task] {
                indegree[next] -= 1
                if indegree[next] == 0 { queue.append(next) }
            }
        }
        guard order.count == n else { throw .cycle }

        var earliest = tasks.map { $0.fixedStart ?? $0.release }
        var latest = tasks.map { $0.fixedStart ?? (problem.periodCount - $0.duration - $0.tail) }
        if let startWithin {
            for (task, range) in startWithin.enumerated() where task < n && tasks[task].fixedStart == nil {
                guard let range else { continue }
                earliest[task] = max(earliest[task], range.lowerBound)
                latest[task] = min(latest[task], range.upperBound)
            }
        }
        for (k, standard) in problem.open.enumerated() {
            let hard = hardDeadlines && standard.hardDeadline ? standard.deadline : nil
            let given = latestPublication?[k] ?? nil
            let bound: Int? = switch (hard, given) {
            case let (a?, b?): min(a, b)
            case let (a?, nil): a
            case let (nil, b?): b
            case (nil, nil): nil
            }
            guard let bound else { continue }
            let last = problem.lastTask(of: standard)
            if let fixed = tasks[last].fixedStart {
                if problem.publication(of: standard, lastStart: fixed) > bound { throw .empty(task: last) }
            } else {
                latest[last] = min(latest[last], bound - tasks[last].duration - tasks[last].tail + 1)
            }
        }

        // Forward for earliest starts and backward for latest, then the max-wait limits and the
        // calendars, again until nothing moves. Every change moves a bound by at least a month, so
        // this ends; a window that empties means no schedule exists.
        var changed = true
        while changed {
            changed = false
            for task in order where tasks[task].fixedStart == nil {
                var value = earliest[task]
                for (pred, delay) in predecessors[task] { value = max(value, earliest[pred] + delay) }
                value = Self.allowedAtOrAfter(value, tasks[task], limit: latest[task])
                if value != earliest[task] { earliest[task] = value; changed = true }
            }
            for task in order.reversed() where tasks[task].fixedStart == nil {
                var value = latest[task]
                for (next, delay) in successors[task] { value = min(value, latest[next] - delay) }
                value = Self.allowedAtOrBefore(value, tasks[task], limit: earliest[task])
                if value != latest[task] { latest[task] = value; changed = true }
            }
            for lag in problem.maxLags {
                // start(successor) ≤ start(predecessor) + limit, read both ways.
                let (a, b) = (lag.predecessor, lag.successor)
                if tasks[a].fixedStart == nil, earliest[b] - lag.limit > earliest[a] {
                    earliest[a] = Self.allowedAtOrAfter(earliest[b] - lag.limit, tasks[a], limit: latest[a])
                    changed = true
                }
                if tasks[b].fixedStart == nil, latest[a] + lag.limit < latest[b] {
                    latest[b] = Self.allowedAtOrBefore(latest[a] + lag.limit, tasks[b], limit: earliest[b])
                    changed = true
                }
                if earliest[b] > latest[a] + lag.limit { throw .empty(task: tasks[b].fixedStart == nil ? b : a) }
            }
            for task in 0..<n where earliest[task] > latest[task] { throw .empty(task: task) }
        }
        for task in 0..<n {
            let t = tasks[task]
            if let fixed = t.fixedStart {
                // A fixed phase must still finish within the horizon, and its dependants must fit.
                if fixed + t.duration + t.tail > problem.periodCount { throw .empty(task: task) }
                for (next, delay) in successors[task] where earliest[task] + delay > latest[next] { throw .empty(task: next) }
            }
        }
        self.earliest = earliest
        self.latest = latest
        self.order = order
    }

    /// The first period at or after `period` the task's calendars allow (`limit` + 1 when none up to `limit`).
    static func allowedAtOrAfter(_ period: Int, _ task: PlanningProblem.Task, limit: Int) -> Int {
        guard task.allowedStarts != nil else { return period }
        var value = period
        while value <= limit, !task.mayStart(at: value) { value += 1 }
        return value
    }

    /// The last period at or before `period` the task's calendars allow (`limit` − 1 when none down to `limit`).
    static func allowedAtOrBefore(_ period: Int, _ task: PlanningProblem.Task, limit: Int) -> Int {
        guard task.allowedStarts != nil else { return period }
        var value = period
        while value >= limit, !task.mayStart(at: value) { value -= 1 }
        return value
    }
}
