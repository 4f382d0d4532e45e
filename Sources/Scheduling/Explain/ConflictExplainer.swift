import GLPK
import PlanModel

/// Explains an infeasible plan: for capacities, hard deadlines and the horizon in turn, the
/// smallest relaxation of that kind alone that makes the plan feasible, found by solving an
/// ``ElasticModel`` in GLPK; plus the conflicts visible without a solver (``QuickConflicts``).
///
/// Every elastic model has a feasible solution to start from (the earliest starts with slack for
/// every overload, or the heuristic's schedule over relaxed deadlines or a longer horizon), handed
/// to GLPK as its warm start, so even a search cut short by the time limit yields a relaxation
/// that works; it is then marked as not proven smallest.
struct ConflictExplainer {
    let problem: PlanningProblem
    /// Seconds the explanation may take in all.
    let timeLimit: Double
    let cancellation: CancellationFlag?
    /// Largest elastic model built (columns and rows, as ``ModelSize``).
    let maximumModelSize: Int

    /// The explanation, within ``timeLimit``.
    func explain() -> ConflictExplanation {
        let clock = ContinuousClock()
        let started = clock.now
        func remaining() -> Double {
            let d = clock.now - started
            return timeLimit - (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
        }
        let facts = QuickConflicts.overloadingFacts(problem)
        var alternatives: [ConflictExplanation.Alternative] = []
        var notes: [String] = []
        var modes: [ElasticModel.Mode] = [.capacity]
        if problem.open.contains(where: { $0.hardDeadline }) { modes.append(.deadlines) }
        modes.append(.horizon(periods: problem.periodCount))
        for (index, mode) in modes.enumerated() {
            // Each relaxation gets an equal share of what is left.
            let budget = remaining() / Double(modes.count - index)
            guard budget > 0.05, cancellation?.isCancelled != true else {
                notes.append("no time was left to look for the smallest relaxation of every kind; give a longer --time-limit")
                break
            }
            switch relaxation(mode, timeLimit: budget) {
            case .found(let alternative): alternatives.append(alternative)
            case .none: break
            case .tooLarge(let size):
                notes.append("the relaxation models would have \(size.columns) columns and \(size.rows) rows, more than the bound "
                             + "of \(maximumModelSize); plan a shorter horizon or fewer standards to see the smallest relaxations")
            }
        }
        if alternatives.isEmpty, notes.isEmpty {
            notes.append("no relaxation of capacities alone, deadlines alone or the horizon alone makes the plan feasible; "
                         + "look at the facts and dependencies, or relax several kinds of rules at once")
        }
        return ConflictExplanation(alternatives: alternatives, facts: facts, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    private enum Outcome {
        case found(ConflictExplanation.Alternative)
        case none
        case tooLarge(ModelSize)
    }

    /// The smallest relaxation of `mode`'s kind, if one exists.
    private func relaxation(_ mode: ElasticModel.Mode, timeLimit: Double) -> Outcome {
        // The problem and windows this mode relaxes; no windows means no relaxation of this kind helps.
        var relaxed = problem
        let windows: TimeWindows
        switch mode {
        case .capacity:
            guard let built = try? TimeWindows(problem) else { return .none }
            windows = built
        case .deadlines:
            guard let built = try? TimeWindows(problem, hardDeadlines: false) else { return .none }
            windows = built
        case .horizon:
            guard let (extended, built) = extendedHorizon() else { return .none }
            (relaxed, windows) = (extended, built)
        }
        let size = ModelSize(relaxed, windows)
        guard size.total <= maximumModelSize else { return .tooLarge(size) }
        do {
            let model = try ElasticModel(problem: relaxed, windows: windows, mode: mode)
            var options = MIPOptions()
            options.timeLimit = max(0.05, timeLimit)
            options.integralObjective = true
            options.shouldStop = cancellation?.stopRequest
            let start = warmStart(model, relaxed, windows)
            options.warmStart = start
            let solution = try model.program.solveMIP(options)
            switch solution.status {
            case .optimal, .feasible:
                return .found(alternative(model, solution.columnValues, proven: solution.status == .optimal))
            case .timeLimitWithoutSolution:
                // GLPK had no time to take the warm start (it is offered after the root LP): it is
                // a relaxation that works all the same, if not the smallest.
                return start.map { .found(alternative(model, $0, proven: false)) } ?? .none
            case .infeasible, .unbounded:
                return .none
            }
        } catch {
            return .none
        }
    }

    /// A feasible start for the elastic model: the heuristic's schedule of the relaxed problem
    /// when it finds one, else (capacity mode) every task at its earliest start.
    private func warmStart(_ model: ElasticModel, _ relaxed: PlanningProblem, _ windows: TimeWindows) -> [Double]? {
        if let schedule = SerialScheduler(problem: relaxed, windows: windows).bestSchedule(iterations: 8),
           let values = model.columnValues(for: schedule) {
            return values
        }
        let earliest = Assignment(starts: relaxed.tasks.indices.map { relaxed.tasks[$0].fixedStart ?? windows.earliest[$0] },
                                  units: relaxed.open.map { $0.candidates.first ?? -1 })
        return model.columnValues(for: earliest)
    }

    /// The problem over a longer horizon, with its windows: long enough for every standard's
    /// chain of phases, and two more years for capacity to spread the work. Beyond the
    /// scenario's horizon each capacity stays at its value in the horizon's last month.
    private func extendedHorizon() -> (PlanningProblem, TimeWindows)? {
        var portfolio = problem.portfolio
        guard problem.periodCount > 0 else { return nil }
        let longest = problem.tasks.reduce(0) { $0 + $1.duration }
        portfolio.horizonEnd = portfolio.horizonEnd + min(1200, longest + 24)
        var extended = PlanningProblem(portfolio)
        guard extended.periodCount == problem.periodCount + min(1200, longest + 24) else { return nil }
        for u in extended.unitCapacity.indices {
            for t in problem.periodCount..<extended.periodCount { extended.unitCapacity[u][t] = problem.unitCapacity[u][problem.periodCount - 1] }
        }
        for r in extended.resourceCapacity.indices {
            for t in problem.periodCount..<extended.periodCount { extended.resourceCapacity[r][t] = problem.resourceCapacity[r][problem.periodCount - 1] }
        }
        guard var windows = try? TimeWindows(extended) else { return nil }
        // Only as long as needed: the latest earliest publication plus the two years.
        let needed = extended.open.map { extended.publication(of: $0, lastStart: windows.earliest[extended.lastTask(of: $0)]) }.max() ?? 0
        let periods = min(extended.periodCount, max(problem.periodCount, needed + 1) + 24)
        if periods < extended.periodCount {
            portfolio.horizonEnd = problem.portfolio.planStart + (periods - 1)
            var shorter = PlanningProblem(portfolio)
            shorter.unitCapacity = extended.unitCapacity.map { Array($0.prefix(periods)) }
            shorter.resourceCapacity = extended.resourceCapacity.map { Array($0.prefix(periods)) }
            guard let built = try? TimeWindows(shorter) else { return nil }
            (extended, windows) = (shorter, built)
        }
        return (extended, windows)
    }

    /// The relaxation a solution of `model` makes, in the scenario's terms.
    private func alternative(_ model: ElasticModel, _ values: [Double], proven: Bool) -> ConflictExplanation.Alternative {
        let relaxed = model.problem
        let portfolio = problem.portfolio
        let assignment = model.assignment(from: values)
        switch model.mode {
        case .capacity:
            var capacities: [CapacityShortfall] = []
            var amount = 0
            for (u, unit) in portfolio.units.enumerated() {
                let extra = (0..<relaxed.periodCount).map { ElasticModel.amount(model.unitSlack[.init(holder: u, period: $0)] ?? nil, values) }
                amount += extra.reduce(0, +)
                capacities += runs(extra, capacity: relaxed.unitCapacity[u], holder: .unit(unit.id), name: unit.name) { period in
                    relaxed.open.enumerated().flatMap { k, standard -> [String] in
                        guard assignment.units[k] == u else { return [] }
                        return standard.tasks.filter { relaxed.tasks[$0].unitLoad > 0 && runs(assignment, $0, period) }.map { label($0) }
                    }
                }
            }
            for (r, resource) in portfolio.resources.enumerated() {
                let extra = (0..<relaxed.periodCount).map { ElasticModel.amount(model.resourceSlack[.init(holder: r, period: $0)] ?? nil, values) }
                amount += extra.reduce(0, +)
                capacities += runs(extra, capacity: relaxed.resourceCapacity[r], holder: .resource(resource.id), name: resource.name) { period in
                    relaxed.tasks.indices.filter { task in
                        relaxed.tasks[task].resourceLoads.contains { $0.resource == r && $0.amount > 0 } && runs(assignment, task, period)
                    }.map { label($0) }
                }
            }
            return .init(kind: .capacity, capacities: capacities, amount: amount, proven: proven)
        case .deadlines:
            let deadlines = model.deadlineSlack.sorted { $0.key < $1.key }.compactMap { k, column -> DeadlineShortfall? in
                let months = ElasticModel.amount(column, values)
                let standard = portfolio.standards[relaxed.open[k].standard]
                guard months > 0, let deadline = standard.deadline else { return nil }
                return DeadlineShortfall(standard: standard.id, name: standard.name, deadline: deadline, months: months)
            }
            return .init(kind: .deadlines, deadlines: deadlines, amount: deadlines.reduce(0) { $0 + $1.months }, proven: proven)
        case .horizon:
            let months = ElasticModel.amount(model.horizonSlack, values)
            return .init(kind: .horizon, horizonMonths: months, horizonEnd: portfolio.horizonEnd + months, amount: months, proven: proven)
        }
    }

    /// True when `task` runs in `period` under `assignment`.
    private func runs(_ assignment: Assignment, _ task: Int, _ period: Int) -> Bool {
        let start = assignment.starts[task]
        return period >= start && period < start + problem.tasks[task].duration
    }

    /// "standard phase" for a task.
    private func label(_ task: Int) -> String {
        let t = problem.tasks[task], standard = problem.portfolio.standards[t.standard]
        return "\(standard.id) \(standard.phases[t.phaseIndex].id)"
    }

    /// Runs of consecutive months with `extra` > 0, as shortfalls with the work loading the
    /// holder then (`competing(period)`), deduplicated in order.
    private func runs(_ extra: [Int], capacity: [Int], holder: CapacityShortfall.Holder, name: String,
                      competing: (Int) -> [String]) -> [CapacityShortfall] {
        var out: [CapacityShortfall] = []
        var period = 0
        while period < extra.count {
            guard extra[period] > 0 else { period += 1; continue }
            var last = period
            while last + 1 < extra.count, extra[last + 1] > 0 { last += 1 }
            let months = Array(period...last)
            var seen: Set<String> = []
            let work = months.flatMap(competing).filter { seen.insert($0).inserted }
            let start = problem.portfolio.planStart
            out.append(CapacityShortfall(
                holder: holder, name: name, from: start + period, until: start + last, extra: months.map { extra[$0] }.max() ?? 0,
                capacity: months.map { capacity[$0] + extra[$0] }.max() ?? 0, present: months.map { capacity[$0] }.max() ?? 0,
                competing: work))
            period = last + 1
        }
        return out
    }
}
