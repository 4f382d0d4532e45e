/// Closes the waits a schedule leaves between the phases of a standard, where they cost, by
/// starting earlier phases later (publication never moves): serial schedule generation puts every
/// phase as early as it fits, so a draft finished early waits for its review slot, and a planner
/// would rather start that drafting later.
///
/// Per standard, from its second-to-last phase back to its first, each phase moves as late as the
/// next phase, its dependants in other standards, its window, its calendars, the capacity left and
/// the most its own wait may grow (`max_wait`) allow. A phase moves only when the wait after it
/// costs at least as much per month as the wait before it (nothing before the first phase costs),
/// so no move raises the idle cost.
struct IdleCompaction {
    let problem: PlanningProblem
    let windows: TimeWindows

    /// `assignment` with its costly waits closed as far as possible; never more costly.
    func compact(_ assignment: Assignment) -> Assignment {
        guard problem.hasIdleCosts else { return assignment }
        var ledger = CapacityLedger(problem)
        var openOf = Array(repeating: -1, count: problem.tasks.count)
        for (k, standard) in problem.open.enumerated() { for task in standard.tasks { openOf[task] = k } }
        for task in problem.tasks.indices {
            ledger.reserve(task, start: assignment.starts[task], unit: openOf[task] >= 0 ? assignment.units[openOf[task]] : -1)
        }
        var outgoing = Array(repeating: [(successor: Int, delay: Int)](), count: problem.tasks.count)
        for p in problem.precedences { outgoing[p.predecessor].append((p.successor, p.delay)) }
        var lagInto = Array(repeating: PlanningProblem.MaxLag?.none, count: problem.tasks.count)
        for lag in problem.maxLags { lagInto[lag.successor] = lag }

        var starts = assignment.starts
        for (k, standard) in problem.open.enumerated() {
            let unit = assignment.units[k]
            for position in stride(from: standard.tasks.count - 2, through: 0, by: -1) {
                let task = standard.tasks[position], next = standard.tasks[position + 1]
                guard problem.tasks[task].fixedStart == nil else { continue }
                let before = position == 0 ? 0 : problem.tasks[task].idleCost
                guard problem.tasks[next].idleCost > 0, problem.tasks[next].idleCost >= before else { continue }
                var latest = windows.latest[task]
                for (successor, delay) in outgoing[task] { latest = min(latest, starts[successor] - delay) }
                if let lag = lagInto[task] { latest = min(latest, starts[lag.predecessor] + lag.limit) }
                guard latest > starts[task] else { continue }
                ledger.release(task, start: starts[task], unit: unit)
                let moved = ledger.latestFit(task, earliest: starts[task], latest: latest, unit: unit) ?? starts[task]
                ledger.reserve(task, start: moved, unit: unit)
                starts[task] = moved
            }
        }
        let compacted = Assignment(starts: starts, units: assignment.units)
        return compacted.cost(in: problem) <= assignment.cost(in: problem) ? compacted : assignment
    }
}
