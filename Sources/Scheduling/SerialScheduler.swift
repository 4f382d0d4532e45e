import RCPSP
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
    /// The max-wait limit into each task from the previous task of its standard, if any.
    private var lagInto: [PlanningProblem.MaxLag?]
    /// Per open standard: it has a phase under way at the plan start (a fixed task).
    private var underWay: [Bool]

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
        underWay = problem.open.map { $0.tasks.contains { problem.tasks[$0].fixedStart != nil } }
        lagInto = Array(repeating: nil, count: problem.tasks.count)
        for lag in problem.maxLags { lagInto[lag.successor] = lag }
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
        for iteration in 0..<iterations {
            if shouldStop() { break }
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
        var ledger = CapacityLedger(problem)
        var starts = Array(repeating: 0, count: problem.tasks.count)
        var units = Array(repeating: -1, count: n)
        var done = 0
        // Work under way at the plan start goes first, whatever the rule: its phase is a fact and must
        // get its capacity before anything planned takes it.
        func key(_ k: Int) -> (Int, Double, Int) { (underWay[k] ? 0 : 1, priority[k], k) }
        while !ready.isEmpty {
            let pick = ready.indices.min { key(ready[$0]) < key(ready[$1]) }!
            let k = ready.remove(at: pick)
            let standard = problem.open[k]
            var bestUnit = -1
            var bestCost = Int.max
            var bestStarts: [Int] = []
            var bestLoad = Int.max
            for unit in standard.candidates {
                // Placed tentatively, scored, and taken back: the best unit is placed again below.
                guard let placed = place(standard, unit: unit, ledger: &ledger, starts: starts) else { continue }
                for (position, task) in standard.tasks.enumerated() { ledger.release(task, start: placed[position], unit: unit) }
                var trial = starts
                for (position, task) in standard.tasks.enumerated() { trial[task] = placed[position] }
                let last = standard.tasks.count - 1
                let cost = standard.cost(publishedIn: problem.publication(of: standard, lastStart: placed[last]))
                    + standard.stabilityScale * problem.idleCost(of: standard, starts: trial)
                // Ties go to the unit with more spare capacity, which keeps the others free for later standards.
                let spare = -ledger.freeCapacity(ofUnit: unit)
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
                ledger.reserve(task, start: bestStarts[position], unit: bestUnit)
            }
            done += 1
            for next in standardSuccessors[k] {
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        return done == n ? Assignment(starts: starts, units: units) : nil
    }

    /// Places the standard's tasks in order with `unit` leading, each at the earliest start its
    /// predecessors, window, calendars and the capacity left allow, reserving them in `ledger`.
    /// When a phase would wait longer than its `max_wait`, the phase before it is taken back and
    /// placed again later, as a planner would start that step later rather than let the draft sit.
    /// Nil, with nothing left reserved, when the standard does not fit.
    private func place(_ standard: PlanningProblem.OpenStandard, unit: Int, ledger: inout CapacityLedger, starts: [Int]) -> [Int]? {
        let count = standard.tasks.count
        var placed = Array(repeating: Int?.none, count: count)
        var floor = Array(repeating: Int.min, count: count)
        func undo() -> [Int]? {
            for (position, start) in placed.enumerated() {
                if let start { ledger.release(standard.tasks[position], start: start, unit: unit) }
            }
            return nil
        }
        var i = 0
        while i < count {
            let task = standard.tasks[i]
            let t = problem.tasks[task]
            if let fixed = t.fixedStart {
                guard ledger.fits(task, start: fixed, unit: unit) else { return undo() }
                ledger.reserve(task, start: fixed, unit: unit)
                placed[i] = fixed
                i += 1
                continue
            }
            var from = max(windows.earliest[task], floor[i])
            for (pred, delay) in incoming[task] {
                let predStart = problem.tasks[pred].standard == standard.standard ? placed[positionInStandard[pred]] : starts[pred]
                from = max(from, (predStart ?? from) + delay)
            }
            guard let start = ledger.earliestFit(task, from: from, latest: windows.latest[task], unit: unit) else { return undo() }
            if let lag = lagInto[task], let previous = placed[positionInStandard[lag.predecessor]], start > previous + lag.limit {
                let p = positionInStandard[lag.predecessor]
                guard problem.tasks[lag.predecessor].fixedStart == nil else { return undo() }
                ledger.release(lag.predecessor, start: previous, unit: unit)
                placed[p] = nil
                floor[p] = start - lag.limit
                i = p
                continue
            }
            ledger.reserve(task, start: start, unit: unit)
            placed[i] = start
            i += 1
        }
        return placed.map { $0! }
    }
}
