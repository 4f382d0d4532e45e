import RCPSP
/// Iterated local search over phase-level activity lists, started from the standard-level
/// heuristic's schedule.
///
/// ``SerialScheduler`` places a standard's phases all at once, so two standards' phases never
/// interleave in its schedules, and it picks each lead unit greedily. Neither restriction holds
/// for the optimum: an urgent standard may take the review slot between two phases of another.
/// Here a solution is a list of all movable tasks (every precedence pointing forward in the
/// list) plus a lead unit per standard; the serial schedule-generation scheme places each task
/// at the earliest month its predecessors and the capacities allow. Every schedule that starts
/// each task as early as the others permit (an *active* schedule) is the decoding of some list,
/// and the objective is regular, so an optimal schedule is reachable.
///
/// Moves: one task to another place in the list (between its last predecessor and its first
/// successor), or another candidate lead unit for one standard. A move is kept when the first
/// level of the objective (urgency-weighted months late) does not rise, whatever it does to the
/// levels after it: sideways moves let the search drift over the wide plateaus of lateness, which
/// a rule on the whole objective closed whenever a move cost a month of completion (at 100
/// generated standards, seed 3: 379 weighted months late instead of 382, the optimum being 378).
/// The best schedule is kept by the whole objective. After a run of moves without a new best, the
/// search restarts from the best list with a few random moves.
/// The budget is a number of decodings, and the random source is seeded, so the result depends
/// on the input and the seed only, never on the machine's speed.
struct PhaseListSearch {
    let problem: PlanningProblem
    let windows: TimeWindows
    private let incoming: [[(predecessor: Int, delay: Int)]]
    private let outgoing: [[Int]]
    /// Open standard of each task.
    private let openOf: [Int]
    private let fixedTasks: [Int]
    /// Successors of each task with the delay of the precedence.
    private let outgoingDelays: [[(successor: Int, delay: Int)]]
    /// The max-wait limit into each task from the previous task of its standard, if any.
    private let lagInto: [PlanningProblem.MaxLag?]
    private let movable: [Int]

    init(problem: PlanningProblem, windows: TimeWindows) {
        self.problem = problem
        self.windows = windows
        var incoming = Array(repeating: [(predecessor: Int, delay: Int)](), count: problem.tasks.count)
        var outgoing = Array(repeating: [Int](), count: problem.tasks.count)
        for p in problem.precedences {
            incoming[p.successor].append((p.predecessor, p.delay))
            outgoing[p.predecessor].append(p.successor)
        }
        self.incoming = incoming
        self.outgoing = outgoing
        var delays = Array(repeating: [(successor: Int, delay: Int)](), count: problem.tasks.count)
        for p in problem.precedences { delays[p.predecessor].append((p.successor, p.delay)) }
        outgoingDelays = delays
        var lagInto = Array(repeating: PlanningProblem.MaxLag?.none, count: problem.tasks.count)
        for lag in problem.maxLags { lagInto[lag.successor] = lag }
        self.lagInto = lagInto
        var openOf = Array(repeating: -1, count: problem.tasks.count)
        for (k, standard) in problem.open.enumerated() { for task in standard.tasks { openOf[task] = k } }
        self.openOf = openOf
        fixedTasks = problem.tasks.indices.filter { problem.tasks[$0].fixedStart != nil }
        movable = problem.tasks.indices.filter { problem.tasks[$0].fixedStart == nil }
    }

    /// The best schedule found, starting from `start`; never worse than `start`. The search stops once
    /// `iterations` decodings have passed without a new best (every new best buys another `iterations`,
    /// up to `extensionLimit` times `iterations` in all; 1 stops after `iterations` whatever happens),
    /// or earlier when `shouldStop` says so (Ctrl-C, time limit). A search that keeps improving is worth its time: at 100 generated standards the
    /// schedule GLPK needed to prove lateness came after 31,000 decodings (20,000 had ended at 305
    /// weighted months late instead of 300, and the proof took 22 s instead of 4 s); a search that stalls
    /// stops as soon as before. Moves are kept by the first level of the objective (see the type's
    /// comment), or with `judgingWhole` by the whole objective, for a caller that holds the first level.
    func improve(_ start: Assignment, iterations: Int, extensionLimit: Int = PhaseListSearch.defaultExtensionLimit, seed: UInt64,
                 judgingWhole: Bool = false, shouldStop: () -> Bool = { false }) -> Assignment {
        guard iterations > 0, !movable.isEmpty else { return start }
        // Sorting by start keeps every precedence forward: a successor starts at least one month later.
        var list = movable.sorted { (start.starts[$0], $0) < (start.starts[$1], $1) }
        var units = start.units
        var best = start
        var bestCost = start.cost(in: problem)
        var bestList = list, bestUnits = units
        // The current list's value by the acceptance rule: the first level of the objective, or the
        // whole objective when `judgingWhole` (the first level is then held by the caller).
        let firstLevel = problem.levels[0]
        func judged(_ assignment: Assignment) -> Int {
            judgingWhole ? assignment.cost(in: problem) : assignment.cost(in: problem, level: firstLevel)
        }
        var current = judged(start)
        if let decoded = decode(list, units: units) {
            let cost = decoded.cost(in: problem)
            current = judgingWhole ? cost : judged(decoded)
            if cost < bestCost { (best, bestCost) = (decoded, cost) }
        }
        let choosers = problem.open.indices.filter { problem.open[$0].candidates.count > 1 }
        var random = SplitMix64(seed: seed)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var stale = 0
        let patience = max(50, 4 * list.count)

        var remaining = iterations
        // Decodings left before the cap; `Int.max` (search until stopped) is never extended.
        let limit = max(1, extensionLimit)
        var allowance = iterations > Int.max / limit ? Int.max : iterations * limit
        while remaining > 0, allowance > 0, !shouldStop() {
            remaining -= 1
            allowance -= 1
            if stale >= patience {
                // Restart from the best with a kick of a few unevaluated moves.
                list = bestList
                units = bestUnits
                for _ in 0..<(2 + below(4)) { randomMove(&list, &units, choosers, below) }
                current = decode(list, units: units).map(judged) ?? Int.max
                stale = 0
                continue
            }
            var candidateList = list, candidateUnits = units
            randomMove(&candidateList, &candidateUnits, choosers, below)
            stale += 1
            guard let decoded = decode(candidateList, units: candidateUnits) else { continue }
            let value = judged(decoded)
            guard value <= current else { continue }
            list = candidateList
            units = candidateUnits
            current = value
            let cost = judgingWhole ? value : decoded.cost(in: problem)
            if cost < bestCost {
                (best, bestCost) = (decoded, cost)
                bestList = list
                bestUnits = units
                stale = 0
                remaining = iterations
            }
        }
        return best
    }

    /// How many times its base budget a search that keeps finding better schedules may take.
    static let defaultExtensionLimit = 10

    /// One random move: a task to another feasible place in the list (three times in four), else
    /// another lead unit for a standard that has a choice.
    private func randomMove(_ list: inout [Int], _ units: inout [Int], _ choosers: [Int], _ below: (Int) -> Int) {
        if !choosers.isEmpty, below(4) == 0 {
            let k = choosers[below(choosers.count)]
            let candidates = problem.open[k].candidates
            let others = candidates.filter { $0 != units[k] }
            if !others.isEmpty { units[k] = others[below(others.count)] }
            return
        }
        let from = below(list.count)
        let task = list[from]
        // Feasible positions once the task is taken out: after every predecessor, before every successor.
        var lo = 0, hi = list.count - 1
        for position in 0..<list.count where position != from {
            let other = list[position]
            let slot = position < from ? position : position - 1
            if incoming[task].contains(where: { $0.predecessor == other }) { lo = max(lo, slot + 1) }
            if outgoing[task].contains(other) { hi = min(hi, slot) }
        }
        guard lo < hi else { return }
        var to = lo + below(hi - lo)
        if to >= from { to += 1 }
        if to > hi { to = hi }
        list.remove(at: from)
        list.insert(task, at: to)
    }

    /// Serial schedule generation: fixed tasks first, then `list` in order, each at its earliest fit
    /// (calendars allowing). When a task would start later than its `max_wait` allows after the
    /// previous task of its standard, that task is moved later to close the gap, if it still fits and
    /// no task already placed depends on its old start. Nil if a task finds no room inside its window.
    func decode(_ list: [Int], units: [Int]) -> Assignment? {
        switch place(list, units: units) {
        case .placed(let assignment): assignment
        case .failed: nil
        }
    }

    /// Decodes `list`; when a task does not fit its window, moves it to the front of the part of the
    /// list its predecessors allow (or, already there, its last-listed predecessor, and so on up the
    /// chain) and decodes again, at most `attempts` times in all. A list ordered by some other
    /// measure than the windows (an LP's expected starts) often places a standard that the level
    /// budget pins to its earliest publication a month too late: at 100 generated standards (seed 2,
    /// lateness proven at every standard's earliest) every such list failed to decode as it was.
    func decodeRepairing(_ list: [Int], units: [Int], attempts: Int) -> Assignment? {
        var list = list
        var position = Array(repeating: -1, count: problem.tasks.count)
        for (index, task) in list.enumerated() { position[task] = index }
        for _ in 0..<max(1, attempts) {
            var task: Int
            switch place(list, units: units) {
            case .placed(let assignment): return assignment
            case .failed(nil): return nil  // the fixed work itself does not fit
            case .failed(let failing?): task = failing
            }
            // The task goes just after its last-listed predecessor; if it is there already, the
            // predecessor goes forward instead (its finish is what held the task back).
            var moved = false
            while !moved {
                let predecessors = incoming[task].map(\.predecessor).filter { position[$0] >= 0 }
                let front = (predecessors.map { position[$0] }.max() ?? -1) + 1
                if position[task] > front {
                    list.remove(at: position[task])
                    list.insert(task, at: front)
                    for index in front..<list.count { position[list[index]] = index }
                    moved = true
                } else if let last = predecessors.max(by: { position[$0] < position[$1] }) {
                    task = last
                } else {
                    return nil  // first in the list and still late: no order helps
                }
            }
        }
        return nil
    }

    private enum Placement {
        case placed(Assignment)
        /// The task that did not fit (nil: a fixed task).
        case failed(Int?)
    }

    private func place(_ list: [Int], units: [Int]) -> Placement {
        var ledger = CapacityLedger(problem)
        var starts = Array(repeating: 0, count: problem.tasks.count)
        var placed = Array(repeating: false, count: problem.tasks.count)

        for task in fixedTasks {
            let start = problem.tasks[task].fixedStart!
            let unit = units[openOf[task]]
            guard ledger.fits(task, start: start, unit: unit) else { return .failed(nil) }
            ledger.reserve(task, start: start, unit: unit)
            starts[task] = start
            placed[task] = true
        }
        for task in list {
            let unit = units[openOf[task]]
            var from = windows.earliest[task]
            for (pred, delay) in incoming[task] { from = max(from, starts[pred] + delay) }
            guard let start = ledger.earliestFit(task, from: from, latest: windows.latest[task], unit: unit) else { return .failed(task) }
            if let lag = lagInto[task], start > starts[lag.predecessor] + lag.limit {
                guard close(lag, successorStart: start, unit: unit, ledger: &ledger, starts: &starts, placed: placed) else {
                    return .failed(task)
                }
            }
            ledger.reserve(task, start: start, unit: unit)
            starts[task] = start
            placed[task] = true
        }
        return .placed(Assignment(starts: starts, units: units))
    }

    /// Moves the predecessor of `lag` later so that its successor, starting in `successorStart`,
    /// waits no longer than allowed. False when it cannot move there.
    private func close(_ lag: PlanningProblem.MaxLag, successorStart: Int, unit: Int, ledger: inout CapacityLedger,
                       starts: inout [Int], placed: [Bool]) -> Bool {
        let p = lag.predecessor
        guard problem.tasks[p].fixedStart == nil else { return false }
        var latest = windows.latest[p]
        for (successor, delay) in outgoingDelays[p] where placed[successor] || successor == lag.successor {
            latest = min(latest, (successor == lag.successor ? successorStart : starts[successor]) - delay)
        }
        if let before = lagInto[p] { latest = min(latest, starts[before.predecessor] + before.limit) }
        ledger.release(p, start: starts[p], unit: unit)
        guard let moved = ledger.earliestFit(p, from: successorStart - lag.limit, latest: latest, unit: unit) else {
            ledger.reserve(p, start: starts[p], unit: unit)
            return false
        }
        ledger.reserve(p, start: moved, unit: unit)
        starts[p] = moved
        return true
    }
}
