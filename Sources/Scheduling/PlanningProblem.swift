import PlanModel

/// A portfolio compiled for the solvers: months become period numbers `0..<periodCount`
/// counted from the plan start, and every phase still to be worked on becomes a task.
///
/// This is the one compilation of a portfolio: the heuristic, the MIP, the bounds and the
/// explanations read it, and the risk simulation builds its model on it (task `t` there is task
/// `t` here), so the structure of the work — which phases remain, in which order, what they load,
/// what holds them back — is read from the ``Portfolio`` in this initialiser alone. The validator
/// deliberately does not read it (it checks schedules against the ``Portfolio`` directly, so a
/// mistake here cannot hide itself).
///
/// Durations here are the planned ones. What holds whatever the durations turn out to be is kept
/// apart for consumers that draw durations: ``facts`` (each task's release by the facts alone and
/// its calendars) and ``dependencies`` (with their lags, not yet added to a duration).
package struct PlanningProblem: Sendable {
    /// A phase still to be worked on.
    package struct Task: Sendable {
        /// Index into the portfolio's standards.
        package internal(set) var standard: Int
        /// Index of the phase in its standard's phases.
        package internal(set) var phaseIndex: Int
        /// Planned months (``PlanModel/Standard/plannedMonths(ofPhaseAt:planStart:)``).
        package internal(set) var duration: Int
        /// Load on the standard's lead unit in every month it runs.
        package internal(set) var unitLoad: Int
        /// (resource index, load) for every load on a shared resource the portfolio has.
        package internal(set) var resourceLoads: [(resource: Int, amount: Int)]
        /// Fixed start period (an in-progress phase keeps its start; may be negative).
        package internal(set) var fixedStart: Int?
        /// The earliest period it may start, from earliest starts and published predecessors, and
        /// from what the planned durations imply: a predecessor under way finishing, the previous
        /// phase's release plus its duration (``TaskFacts/release`` is the part without durations).
        package internal(set) var release: Int
        /// Months of load-free phases folded away after this task (see ``PhaseFolding``): the
        /// standard's publication is `tail` months after this task's finish. Zero unless this is
        /// the last remaining task of a folded standard.
        var tail: Int = 0
        /// Cost per month this task waits after the previous task of its standard finishes.
        var idleCost: Int = 0
        /// Periods it may start in, from the calendars its phase is bound to (`starts_in`, and
        /// `ends_in` through its duration); nil when every period is allowed. Indexed by period,
        /// `0..<periodCount`.
        var allowedStarts: [Bool]? = nil

        /// Whether the calendars let it start in `period`.
        func mayStart(at period: Int) -> Bool {
            guard let allowedStarts else { return true }
            return period >= 0 && period < allowedStarts.count && allowedStarts[period]
        }
    }

    /// `start(successor) ≤ start(predecessor) + limit`: the most a phase may wait (its `max_wait`)
    /// after the previous one, as a limit on the distance between their starts.
    struct MaxLag: Sendable {
        var predecessor: Int
        var successor: Int
        var limit: Int
    }

    /// `start(successor) ≥ start(predecessor) + delay` (delay = duration + lag).
    struct Precedence: Sendable {
        var predecessor: Int
        var successor: Int
        var delay: Int
    }

    /// A standard whose work is still open.
    package struct OpenStandard: Sendable {
        /// Index into the portfolio's standards.
        package internal(set) var standard: Int
        /// Task indices in phase order (consecutive in the unfolded problem).
        package internal(set) var tasks: [Int]
        /// Indices into `units` of its candidate lead units.
        var candidates: [Int]
        /// Cost weight per month late and per month to publication, already multiplied by urgency.
        /// `latenessWeight` folds the levels into one exact integer key for the heuristics
        /// (see ``PlanningProblem/latenessWeight``); the MIP solves the levels one at a time.
        var latenessWeight: Int
        var completionWeight: Int
        /// The urgency weight alone: the lateness level counts `urgencyWeight × months late`.
        package internal(set) var urgencyWeight: Int
        /// Period of its publication in the reference plan, when there is one (see ``ObjectiveLevel/stability``).
        var referencePublication: Int? = nil
        /// Weight of the levels before stability in the folded key: one more than the most months any
        /// plan can move, so that stability only breaks ties (1 without a reference).
        var stabilityScale = 1
        /// Period of December of the target year (nil: no target).
        package internal(set) var deadline: Int?
        /// True when publication after `deadline` is forbidden rather than penalised.
        var hardDeadline: Bool = false

        /// The objective's cost if the standard is published in period `p`, all levels folded into one
        /// exact integer (lexicographic when the lateness weight is automatic).
        func cost(publishedIn p: Int) -> Int {
            var cost = completionWeight * (p + 1)
            if let deadline, p > deadline { cost += latenessWeight * (p - deadline) }
            // Every standard keeps its scaled weight; those absent from the reference just have no move to count.
            return stabilityScale * cost + (referencePublication.map { abs(p - $0) } ?? 0)
        }

        /// The objective as reported (lateness and completion folded, without stability).
        func reportedCost(publishedIn p: Int) -> Int {
            var cost = completionWeight * (p + 1)
            if let deadline, p > deadline { cost += latenessWeight * (p - deadline) }
            return cost
        }

        /// The cost of level `level` of the objective if the standard is published in period `p`.
        func cost(publishedIn p: Int, level: ObjectiveLevel) -> Int {
            switch level {
            case .lateness:
                guard let deadline, p > deadline else { return 0 }
                return urgencyWeight * (p - deadline)
            case .completion:
                return completionWeight * (p + 1)
            case .weighted:
                return reportedCost(publishedIn: p)
            case .stability:
                return referencePublication.map { abs(p - $0) } ?? 0
            }
        }
    }

    /// The portfolio compiled.
    package let portfolio: Portfolio
    /// Periods from the plan start to the horizon end.
    package let periodCount: Int
    /// The phases still to be worked on, standard by standard in phase order.
    package internal(set) var tasks: [Task] = []
    var precedences: [Precedence] = []
    var maxLags: [MaxLag] = []
    /// The standards whose work is open, in the portfolio's order.
    package internal(set) var open: [OpenStandard] = []
    /// Per task, what holds whatever its duration (see ``TaskFacts``). Indexed like ``tasks`` of the
    /// problem as compiled; empty in ``PhaseFolding``'s reduced problem.
    package internal(set) var facts: [TaskFacts] = []
    /// Every dependency between two tasks, in the order of ``PlanModel/Portfolio/resolvedDependencies``,
    /// with its lag: those on a phase under way too, which ``precedences`` leaves out (the solvers see
    /// them as releases). Empty in ``PhaseFolding``'s reduced problem.
    package internal(set) var dependencies: [TaskDependency] = []
    /// Capacity per unit per period.
    var unitCapacity: [[Int]] = []
    /// Capacity per shared resource per period.
    var resourceCapacity: [[Int]] = []
    /// The lateness weight actually used (resolved from `auto`).
    var latenessWeight = 0
    /// The levels the MIP minimises one after the other, each with the ones before held at their
    /// optimum: lateness, then completion when the lateness weight is automatic (exactly
    /// lexicographic, with every level's objective small enough for GLPK to compare to one unit);
    /// the one weighted sum the scenario asked for otherwise.
    var levels: [ObjectiveLevel] = []

    /// Compiles `portfolio`; with a `reference` plan (the base of a what-if), a last level keeps
    /// publications where the reference has them unless an earlier level gains by moving them.
    package init(_ portfolio: Portfolio, reference: Schedule? = nil) {
        self.portfolio = portfolio
        let start = portfolio.planStart
        periodCount = max(0, portfolio.horizonEnd - start + 1)
        // Capacities above 2^40 act as unlimited; capping them keeps every sum of capacities finite.
        unitCapacity = portfolio.units.map { unit in (0..<periodCount).map { min(1 << 40, portfolio.capacity(of: unit, in: start + $0)) } }
        resourceCapacity = portfolio.resources.map { resource in
            (0..<periodCount).map { min(1 << 40, portfolio.capacity(of: resource, in: start + $0)) }
        }

        let weights = portfolio.weights
        // `auto`: one weighted month late must outweigh any possible saving in completion, so
        // lateness is minimised first and completion only breaks ties (exactly lexicographic).
        let maxCompletion = portfolio.standards.filter(\.isOpen)
            .reduce(0) { $0 + weights.weight(urgency: $1.urgency) * weights.completion * periodCount }
        // Idle months cost at the completion level too, so lateness must outweigh them as well.
        let maxIdle = portfolio.standards.filter(\.isOpen)
            .reduce(0) { total, standard in total + standard.phases.reduce(0) { $0 + $1.idleCost * periodCount } }
        latenessWeight = weights.lateness ?? (maxCompletion + maxIdle + 1)
        levels = weights.lateness == nil ? [.lateness, .completion] : [.weighted]

        var unitIndex: [UnitID: Int] = [:]
        for (i, unit) in portfolio.units.enumerated() { unitIndex[unit.id] = i }
        var resourceIndex: [ResourceID: Int] = [:]
        for (i, resource) in portfolio.resources.enumerated() { resourceIndex[resource.id] = i }

        // Task index of (standard, phase index), for dependencies.
        var taskOf: [Int: [Int: Int]] = [:]
        for (s, standard) in portfolio.standards.enumerated() {
            guard let first = standard.firstOpenPhaseIndex else { continue }
            var release = 0
            if let earliest = standard.releaseMonth { release = max(release, earliest - start) }
            var list: [Int] = []
            for p in first..<standard.phases.count {
                let phase = standard.phases[p]
                var fixed: Int?
                if p == first, case .inProgress(_, let since) = standard.status { fixed = since - start }
                let duration = standard.plannedMonths(ofPhaseAt: p, planStart: start)
                var task = Task(
                    standard: s, phaseIndex: p, duration: duration, unitLoad: phase.unitLoad,
                    resourceLoads: phase.resourceLoads.compactMap { load in resourceIndex[load.resource].map { ($0, load.amount) } },
                    fixedStart: fixed, release: fixed ?? release)
                if p > first {
                    task.idleCost = phase.idleCost
                    // The wait after a phase under way at the plan start is not limited: that phase's
                    // start is a fact, so nothing the planner decides could keep it short.
                    if let wait = phase.maxWait, let previous = list.last, tasks[previous].fixedStart == nil {
                        maxLags.append(MaxLag(predecessor: previous, successor: tasks.count, limit: tasks[previous].duration + wait))
                    }
                }
                if fixed == nil { task.allowedStarts = allowedStarts(phase, duration: duration) }
                taskOf[s, default: [:]][p] = tasks.count
                list.append(tasks.count)
                tasks.append(task)
                facts.append(TaskFacts(release: task.release, startCalendar: fixed == nil ? calendarIndex(phase.startsIn) : nil,
                                       endCalendar: fixed == nil ? calendarIndex(phase.endsIn) : nil))
            }
            for (a, b) in zip(list, list.dropFirst()) {
                precedences.append(Precedence(predecessor: a, successor: b, delay: tasks[a].duration))
            }
            let w = weights.weight(urgency: standard.urgency)
            open.append(OpenStandard(
                standard: s, tasks: list, candidates: standard.leadUnits.compactMap { unitIndex[$0] },
                latenessWeight: w * latenessWeight, completionWeight: w * weights.completion, urgencyWeight: w,
                deadline: standard.deadline.map { $0 - start }, hardDeadline: standard.hardDeadline && standard.deadline != nil))
        }

        for dependency in portfolio.resolvedDependencies {
            // Facts beat plans: a phase already done or under way is not held back by a dependency.
            guard let succTask = taskOf[dependency.successor]?[dependency.successorPhaseIndex], tasks[succTask].fixedStart == nil else { continue }
            switch dependency.predecessor {
            case .publishedIn(let month):
                let release = month - start + 1 + dependency.lag
                tasks[succTask].release = max(tasks[succTask].release, release)
                facts[succTask].release = max(facts[succTask].release, release)
            case .phase(let p, let predPhase):
                guard let predTask = taskOf[p]?[predPhase] else { continue }  // that phase is already done
                dependencies.append(TaskDependency(predecessor: predTask, successor: succTask, lag: dependency.lag))
                if let fixed = tasks[predTask].fixedStart {
                    let finish = fixed + tasks[predTask].duration - 1
                    tasks[succTask].release = max(tasks[succTask].release, finish + 1 + dependency.lag)
                } else {
                    precedences.append(Precedence(predecessor: predTask, successor: succTask, delay: tasks[predTask].duration + dependency.lag))
                }
            }
        }
        if let reference { addStabilityLevel(reference) }
        // Releases pass down each standard's chain, so later phases see them as well.
        for standard in open {
            for (a, b) in zip(standard.tasks, standard.tasks.dropFirst()) where tasks[b].fixedStart == nil {
                tasks[b].release = max(tasks[b].release, tasks[a].release + tasks[a].duration)
            }
        }
    }

    /// The index of calendar `id` in the portfolio's calendars (nil: no gate, or no such calendar).
    private func calendarIndex(_ id: CalendarID?) -> Int? {
        id.flatMap { id in portfolio.calendars.firstIndex { $0.id == id } }
    }

    /// The periods a phase of `duration` months may start in under its calendar gates; nil without gates.
    private func allowedStarts(_ phase: Phase, duration: Int) -> [Bool]? {
        guard phase.startsIn != nil || phase.endsIn != nil else { return nil }
        let start = portfolio.planStart
        return (0..<periodCount).map { period in
            portfolio.allows(phase, start: start + period, finish: start + period + duration - 1)
        }
    }

    /// Adds the stability level: months each publication moves from `reference`. Left out when no
    /// open standard is in the reference, or when the folded key could overflow (it never does below
    /// several thousand standards).
    private mutating func addStabilityLevel(_ reference: Schedule) {
        let start = portfolio.planStart
        var found = false
        for k in open.indices {
            let id = portfolio.standards[open[k].standard].id
            guard let month = reference.entry(for: id)?.published else { continue }
            open[k].referencePublication = month - start
            found = true
        }
        let scale = periodCount * max(1, open.count) + 1
        let largest = open.reduce(0) { $0 + $1.reportedCost(publishedIn: periodCount) }
        guard found, largest.multipliedReportingOverflow(by: scale).overflow == false,
              largest * scale < Int.max / 4 else {
            for k in open.indices { open[k].referencePublication = nil }
            return
        }
        for k in open.indices { open[k].stabilityScale = scale }
        levels.append(.stability)
    }

    /// The idle cost of an open standard under `starts`: each task's idle cost times the months it
    /// waits after the previous task of the standard (as it stands in this problem) finishes.
    func idleCost(of standard: OpenStandard, starts: [Int]) -> Int {
        var total = 0
        for (a, b) in zip(standard.tasks, standard.tasks.dropFirst()) where tasks[b].idleCost > 0 {
            total += tasks[b].idleCost * max(0, starts[b] - starts[a] - tasks[a].duration)
        }
        return total
    }

    /// True when some task costs when it idles.
    var hasIdleCosts: Bool { tasks.contains { $0.idleCost > 0 } }

    /// The standard's last task (its publication phase).
    func lastTask(of standard: OpenStandard) -> Int { standard.tasks[standard.tasks.count - 1] }

    /// The period the standard is published in when its last task starts in `start`.
    func publication(of standard: OpenStandard, lastStart start: Int) -> Int {
        let last = tasks[lastTask(of: standard)]
        return start + last.duration + last.tail - 1
    }
}
