/// The fast heuristic: serial schedule generation over standards. Standards are taken in a
/// dependency-respecting priority order; each is tried with every candidate lead unit, its
/// phases placed one by one at the earliest month where the unit and the shared resources have
/// room, and the unit that gives the cheapest publication is kept. Several priority rules and
/// seeded random perturbations of them are tried, and the best schedule wins.
///
/// It gives the MIP a feasible incumbent (warm start) and the bound that shrinks its time
/// windows, so that a time limit never leaves the user without a schedule.
struct SerialScheduler {
    let problem: PlanningProblem
    let windows: TimeWindows
    private var incoming: [[(predecessor: Int, delay: Int)]]
    private var openOf: [Int]
    private var standardSuccessors: [[Int]]
    /// Index of each task within its standard's task list.
    private var positionInStandard: [Int]

    init(problem: PlanningProblem, windows: TimeWindows) {
        self.problem = problem
        self.windows = windows
        incoming = Array(repeating: [], count: problem.tasks.count)
        for p in problem.precedences { incoming[p.successor].append((p.predecessor, p.delay)) }
        openOf = Array(repeating: -1, count: problem.portfolio.standards.count)
        for (k, standard) in problem.open.enumerated() { openOf[standard.standard] = k }
        var successors = Array(repeating: Set<Int>(), count: problem.open.count)
        for p in problem.precedences {
            let a = openOf[problem.tasks[p.predecessor].standard], b = openOf[problem.tasks[p.successor].standard]
            if a != b { successors[a].insert(b) }
        }
        standardSuccessors = successors.map { $0.sorted() }
        positionInStandard = Array(repeating: 0, count: problem.tasks.count)
        for standard in problem.open { for (position, task) in standard.tasks.enumerated() { positionInStandard[task] = position } }
    }

    /// The best schedule found over the priority rules and `iterations` random perturbations;
    /// after the first rule, stops early when `shouldStop` says so (Ctrl-C, time limit), with or
    /// without a schedule.
    func bestSchedule(iterations: Int, seed: UInt64 = 0x5EED, shouldStop: () -> Bool = { false }) -> Assignment? {
        let latestStart = problem.open.map { standard -> Double in
            // How late the standard may start and still meet its target (or the horizon).
            let first = standard.tasks[0]
            let total = standard.tasks.reduce(0) { $0 + problem.tasks[$1].duration }
            let target = standard.deadline ?? (problem.periodCount - 1)
            return Double(max(target - total + 1, windows.earliest[first]))
        }
        let weight = problem.open.map { Double($0.latenessWeight + $0.completionWeight) }
        let maxWeight = weight.max() ?? 1
        let rules: [[Double]] = [
            latestStart,
            problem.open.indices.map { latestStart[$0] - 24 * weight[$0] / maxWeight },
            problem.open.indices.map { -weight[$0] * 1000 + latestStart[$0] },
            problem.open.indices.map { Double(problem.open[$0].deadline ?? problem.periodCount) - weight[$0] / maxWeight },
        ]
        var best: Assignment?
        var bestCost = Int.max
        func consider(_ keys: [Double]) {
            guard let assignment = schedule(priority: keys) else { return }
            let cost = assignment.cost(in: problem)
            if cost < bestCost {
                bestCost = cost
                best = assignment
            }
        }
        for (index, rule) in rules.enumerated() where index == 0 || !shouldStop() { consider(rule) }
        var random = SplitMix64(seed: seed)
        for iteration in 0..<iterations where !shouldStop() {
            let base = rules[iteration % rules.count]
            let spread = 2.0 + Double(iteration % 7) * 3
            consider(base.map { $0 + Double.random(in: -spread...spread, using: &random) })
        }
        return best
    }

    /// One pass: standards in order of ascending `priority` key among those whose predecessors are done.
    func schedule(priority: [Double]) -> Assignment? {
        let n = problem.open.count
        var indegree = Array(repeating: 0, count: n)
        for list in standardSuccessors { for b in list { indegree[b] += 1 } }
        var ready = (0..<n).filter { indegree[$0] == 0 }
        var unitFree = problem.unitCapacity
        var resourceFree = problem.resourceCapacity
        var starts = Array(repeating: 0, count: problem.tasks.count)
        var units = Array(repeating: -1, count: n)
        var done = 0
        while !ready.isEmpty {
            let pick = ready.indices.min { priority[ready[$0]] < priority[ready[$1]] || (priority[ready[$0]] == priority[ready[$1]] && ready[$0] < ready[$1]) }!
            let k = ready.remove(at: pick)
            let standard = problem.open[k]
            var bestUnit = -1
            var bestCost = Int.max
            var bestStarts: [Int] = []
            var bestLoad = Int.max
            for unit in standard.candidates {
                guard let placed = place(standard, unit: unit, unitFree: unitFree, resourceFree: resourceFree, starts: starts) else { continue }
                let last = standard.tasks.count - 1
                let cost = standard.cost(publishedIn: problem.publication(of: standard, lastStart: placed[last]))
                // Ties go to the unit with more spare capacity, which keeps the others free for later standards.
                let spare = -unitFree[unit].reduce(0, +)
                if cost < bestCost || (cost == bestCost && spare < bestLoad) {
                    bestCost = cost
                    bestUnit = unit
                    bestStarts = placed
                    bestLoad = spare
                }
            }
            guard bestUnit >= 0 else { return nil }
            units[k] = bestUnit
            for (position, task) in standard.tasks.enumerated() {
                starts[task] = bestStarts[position]
                reserve(task, start: bestStarts[position], unit: bestUnit, unitFree: &unitFree, resourceFree: &resourceFree)
            }
            done += 1
            for next in standardSuccessors[k] {
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        return done == n ? Assignment(starts: starts, units: units) : nil
    }

    /// Earliest feasible starts for the standard's tasks with `unit` leading, or nil if they do not fit.
    private func place(_ standard: PlanningProblem.OpenStandard, unit: Int, unitFree: [[Int]], resourceFree: [[Int]], starts: [Int]) -> [Int]? {
        var unitFree = unitFree
        var resourceFree = resourceFree
        var placed: [Int] = []
        for task in standard.tasks {
            let t = problem.tasks[task]
            var start: Int
            if let fixed = t.fixedStart {
                start = fixed
                guard fits(task, start: start, unit: unit, unitFree: unitFree, resourceFree: resourceFree) else { return nil }
            } else {
                start = windows.earliest[task]
                for (pred, delay) in incoming[task] {
                    let predStart = problem.tasks[pred].standard == standard.standard
                        ? placed[positionInStandard[pred]] : starts[pred]
                    start = max(start, predStart + delay)
                }
                while start <= windows.latest[task], !fits(task, start: start, unit: unit, unitFree: unitFree, resourceFree: resourceFree) {
                    start += 1
                }
                guard start <= windows.latest[task] else { return nil }
            }
            reserve(task, start: start, unit: unit, unitFree: &unitFree, resourceFree: &resourceFree)
            placed.append(start)
        }
        return placed
    }

    private func fits(_ task: Int, start: Int, unit: Int, unitFree: [[Int]], resourceFree: [[Int]]) -> Bool {
        let t = problem.tasks[task]
        for period in max(0, start)..<(start + t.duration) {
            if period >= problem.periodCount { return false }
            if t.unitLoad > unitFree[unit][period] { return false }
            for load in t.resourceLoads where load.amount > resourceFree[load.resource][period] { return false }
        }
        return true
    }

    private func reserve(_ task: Int, start: Int, unit: Int, unitFree: inout [[Int]], resourceFree: inout [[Int]]) {
        let t = problem.tasks[task]
        for period in max(0, start)..<min(start + t.duration, problem.periodCount) {
            unitFree[unit][period] -= t.unitLoad
            for load in t.resourceLoads { resourceFree[load.resource][period] -= load.amount }
        }
    }
}
