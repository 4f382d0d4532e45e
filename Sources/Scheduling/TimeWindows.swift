/// Earliest and latest start of every task: from releases and dependencies forward, from the
/// horizon (and any bound on publication) backward. A task outside its window cannot be part of
/// a feasible (or, with bounds from an incumbent, of an improving) schedule, so the MIP only
/// gets variables inside the windows.
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
    /// (hard deadlines bound it too).
    init(_ problem: PlanningProblem, latestPublication: [Int?]? = nil, hardDeadlines: Bool = true) throws(Failure) {
        let n = problem.tasks.count
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

        var earliest = problem.tasks.map { $0.fixedStart ?? $0.release }
        for task in order where problem.tasks[task].fixedStart == nil {
            for (pred, delay) in predecessors[task] { earliest[task] = max(earliest[task], earliest[pred] + delay) }
        }
        var latest = problem.tasks.map { $0.fixedStart ?? (problem.periodCount - $0.duration - $0.tail) }
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
            if let fixed = problem.tasks[last].fixedStart {
                if problem.publication(of: standard, lastStart: fixed) > bound { throw .empty(task: last) }
            } else {
                latest[last] = min(latest[last], bound - problem.tasks[last].duration - problem.tasks[last].tail + 1)
            }
        }
        for task in order.reversed() where problem.tasks[task].fixedStart == nil {
            for (next, delay) in successors[task] { latest[task] = min(latest[task], latest[next] - delay) }
        }
        for task in 0..<n {
            let t = problem.tasks[task]
            if t.fixedStart != nil {
                // A fixed phase must still finish within the horizon, and its dependants must fit.
                if t.fixedStart! + t.duration + t.tail > problem.periodCount { throw .empty(task: task) }
                for (next, delay) in successors[task] where earliest[task] + delay > latest[next] { throw .empty(task: next) }
            } else if earliest[task] > latest[task] {
                throw .empty(task: task)
            }
        }
        self.earliest = earliest
        self.latest = latest
        self.order = order
    }
}
