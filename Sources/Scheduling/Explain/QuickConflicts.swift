import PlanModel

/// Conflicts visible without a solver, found in milliseconds before any model is built:
///
/// - a phase whose load on its lead unit, or on a shared resource, exceeds the capacity in
///   every stretch of months where it could run, whichever candidate unit leads it (the plan
///   is infeasible however the rest is arranged);
/// - facts (phases in progress, which keep their start) that together overload a unit or a
///   shared resource in some month, before anything else is planned.
enum QuickConflicts {
    /// Phases that can never fit, each with the capacity that would let it fit at its earliest start.
    static func impossiblePhases(_ problem: PlanningProblem, _ windows: TimeWindows) -> (lines: [String], shortfalls: [CapacityShortfall]) {
        var lines: [String] = []
        var shortfalls: [CapacityShortfall] = []
        let portfolio = problem.portfolio
        for standard in problem.open {
            let s = portfolio.standards[standard.standard]
            for task in standard.tasks {
                let t = problem.tasks[task]
                let starts = t.fixedStart.map { $0...$0 } ?? (windows.earliest[task]...max(windows.earliest[task], windows.latest[task]))
                func fits(_ capacity: [Int], _ load: Int) -> Bool {
                    load == 0 || starts.contains { start in
                        (max(0, start)..<min(problem.periodCount, start + t.duration)).allSatisfy { load <= capacity[$0] }
                    }
                }
                let phase = s.phases[t.phaseIndex]
                let months = problem.window(months: starts.lowerBound, duration: t.duration)
                if t.unitLoad > 0, !standard.candidates.isEmpty, !standard.candidates.contains(where: { fits(problem.unitCapacity[$0], t.unitLoad) }) {
                    let best = standard.candidates.max { problem.unitCapacity[$0].max() ?? 0 < problem.unitCapacity[$1].max() ?? 0 }!
                    let unit = portfolio.units[best]
                    let present = months.map { problem.unitCapacity[best][$0] }.max() ?? 0
                    lines.append("\(s.id) \(phase.id) needs \(t.unitLoad) of its lead unit in each of its \(t.duration) months, but "
                                 + standard.candidates.map { "\(portfolio.units[$0].id) has at most \(problem.unitCapacity[$0].max() ?? 0)" }.joined(separator: ", ")
                                 + " in any month it could run")
                    shortfalls.append(problem.shortfall(.unit(unit.id), name: unit.name, months: months, present: present, needed: t.unitLoad,
                                                        competing: ["\(s.id) \(phase.id)"]))
                }
                for load in t.resourceLoads where !fits(problem.resourceCapacity[load.resource], load.amount) {
                    let resource = portfolio.resources[load.resource]
                    let present = months.map { problem.resourceCapacity[load.resource][$0] }.max() ?? 0
                    lines.append("\(s.id) \(phase.id) needs \(load.amount) of resource \(resource.id) in each of its \(t.duration) months, "
                                 + "but it has at most \(problem.resourceCapacity[load.resource].max() ?? 0) in any month it could run")
                    shortfalls.append(problem.shortfall(.resource(resource.id), name: resource.name, months: months, present: present,
                                                        needed: load.amount, competing: ["\(s.id) \(phase.id)"]))
                }
            }
        }
        return (lines, shortfalls)
    }

    /// Months in which phases in progress alone overload a unit (when their standard's lead
    /// unit is fixed) or a shared resource, in words.
    static func overloadingFacts(_ problem: PlanningProblem) -> [String] {
        let portfolio = problem.portfolio
        var unitLoad = problem.unitCapacity.map { $0.map { _ in [(task: Int, load: Int)]() } }
        var resourceLoad = problem.resourceCapacity.map { $0.map { _ in [(task: Int, load: Int)]() } }
        for standard in problem.open {
            for task in standard.tasks {
                let t = problem.tasks[task]
                guard let start = t.fixedStart else { continue }
                for period in max(0, start)..<min(problem.periodCount, start + t.duration) {
                    if t.unitLoad > 0, standard.candidates.count == 1 { unitLoad[standard.candidates[0]][period].append((task, t.unitLoad)) }
                    for load in t.resourceLoads { resourceLoad[load.resource][period].append((task, load.amount)) }
                }
            }
        }
        func describe(_ loads: [[(task: Int, load: Int)]], _ capacity: [Int], _ holder: String) -> [String] {
            var out: [String] = []
            var period = 0
            while period < loads.count {
                let total = loads[period].reduce(0) { $0 + $1.load }
                guard total > capacity[period] else { period += 1; continue }
                let tasks = loads[period].map(\.task)
                var last = period
                while last + 1 < loads.count, loads[last + 1].map(\.task) == tasks, capacity[last + 1] == capacity[period] { last += 1 }
                let work = tasks.map { task -> String in
                    let t = problem.tasks[task], s = portfolio.standards[t.standard]
                    return "\(s.id) (\(s.phases[t.phaseIndex].id) since \(portfolio.planStart + (t.fixedStart ?? 0)))"
                }
                let months = period == last ? "\(portfolio.planStart + period)" : "\(portfolio.planStart + period)…\(portfolio.planStart + last)"
                out.append("\(work.joined(separator: " and ")) already load \(holder) with \(total) in \(months), "
                           + "more than its capacity \(capacity[period]): the facts contradict the capacity")
                period = last + 1
            }
            return out
        }
        var lines: [String] = []
        for (u, unit) in portfolio.units.enumerated() { lines += describe(unitLoad[u], problem.unitCapacity[u], "unit \(unit.id)") }
        for (r, resource) in portfolio.resources.enumerated() { lines += describe(resourceLoad[r], problem.resourceCapacity[r], "resource \(resource.id)") }
        return lines
    }
}

extension PlanningProblem {
    /// The periods from `first` for `duration` months, within the horizon.
    func window(months first: Int, duration: Int) -> [Int] {
        Array(max(0, first)..<max(max(0, first), min(periodCount, first + duration)))
    }

    /// A shortfall of `holder` over `months` (periods, consecutive) where it needs `needed` in all.
    func shortfall(_ holder: CapacityShortfall.Holder, name: String, months: [Int], present: Int, needed: Int, competing: [String]) -> CapacityShortfall {
        let first = months.first ?? 0, last = months.last ?? 0
        return CapacityShortfall(holder: holder, name: name, from: portfolio.planStart + first, until: portfolio.planStart + last,
                                 extra: max(0, needed - present), capacity: max(needed, present), present: present, competing: competing)
    }
}
