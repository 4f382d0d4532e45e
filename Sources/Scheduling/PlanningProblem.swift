import PlanModel

/// A portfolio compiled for the solvers: months become period numbers `0..<periodCount`
/// counted from the plan start, and every phase still to be worked on becomes a task.
///
/// Both the heuristic and the MIP read this; the validator deliberately does not (it checks
/// schedules against the ``Portfolio`` directly, so a mistake here cannot hide itself).
struct PlanningProblem: Sendable {
    /// A phase still to be worked on.
    struct Task: Sendable {
        var standard: Int
        var phaseIndex: Int
        var duration: Int
        var unitLoad: Int
        /// (resource index, load).
        var resourceLoads: [(resource: Int, amount: Int)]
        /// Fixed start period (an in-progress phase keeps its start; may be negative).
        var fixedStart: Int?
        /// The earliest period it may start, from earliest starts and published predecessors.
        var release: Int
        /// Months of load-free phases folded away after this task (see ``PhaseFolding``): the
        /// standard's publication is `tail` months after this task's finish. Zero unless this is
        /// the last remaining task of a folded standard.
        var tail: Int = 0
    }

    /// `start(successor) ≥ start(predecessor) + delay` (delay = duration + lag).
    struct Precedence: Sendable {
        var predecessor: Int
        var successor: Int
        var delay: Int
    }

    /// A standard whose work is still open.
    struct OpenStandard: Sendable {
        var standard: Int
        /// Task indices in phase order.
        var tasks: [Int]
        /// Indices into `units` of its candidate lead units.
        var candidates: [Int]
        /// Cost weight per month late and per month to publication, already multiplied by urgency.
        var latenessWeight: Int
        var completionWeight: Int
        /// Period of December of the target year (nil: no target).
        var deadline: Int?
        /// True when publication after `deadline` is forbidden rather than penalised.
        var hardDeadline: Bool = false

        /// The objective's cost if the standard is published in period `p`.
        func cost(publishedIn p: Int) -> Int {
            var cost = completionWeight * (p + 1)
            if let deadline, p > deadline { cost += latenessWeight * (p - deadline) }
            return cost
        }
    }

    let portfolio: Portfolio
    let periodCount: Int
    var tasks: [Task] = []
    var precedences: [Precedence] = []
    var open: [OpenStandard] = []
    /// Capacity per unit per period.
    var unitCapacity: [[Int]] = []
    /// Capacity per shared resource per period.
    var resourceCapacity: [[Int]] = []
    /// The lateness weight actually used (resolved from `auto`).
    var latenessWeight = 0

    init(_ portfolio: Portfolio) {
        self.portfolio = portfolio
        let start = portfolio.planStart
        periodCount = max(0, portfolio.horizonEnd - start + 1)
        // Capacities above 2^40 act as unlimited; capping them keeps every sum of capacities finite.
        unitCapacity = portfolio.units.map { unit in (0..<periodCount).map { min(1 << 40, unit.capacity.capacity(in: start + $0)) } }
        resourceCapacity = portfolio.resources.map { resource in (0..<periodCount).map { min(1 << 40, resource.capacity.capacity(in: start + $0)) } }

        let weights = portfolio.weights
        // `auto`: one weighted month late must outweigh any possible saving in completion, so
        // lateness is minimised first and completion only breaks ties (exactly lexicographic).
        let maxCompletion = portfolio.standards.filter { !$0.isPublished }
            .reduce(0) { $0 + weights.weight(urgency: $1.urgency) * weights.completion * periodCount }
        latenessWeight = weights.lateness ?? (maxCompletion + 1)

        var unitIndex: [UnitID: Int] = [:]
        for (i, unit) in portfolio.units.enumerated() { unitIndex[unit.id] = i }
        var resourceIndex: [ResourceID: Int] = [:]
        for (i, resource) in portfolio.resources.enumerated() { resourceIndex[resource.id] = i }

        // Task index of (standard, phase index), for dependencies.
        var taskOf: [Int: [Int: Int]] = [:]
        for (s, standard) in portfolio.standards.enumerated() {
            guard let first = standard.firstOpenPhaseIndex else { continue }
            var release = 0
            if let earliest = standard.earliestStart { release = max(release, earliest - start) }
            var list: [Int] = []
            for p in first..<standard.phases.count {
                let phase = standard.phases[p]
                var fixed: Int?
                if p == first, case .inProgress(_, let since) = standard.status { fixed = since - start }
                let task = Task(
                    standard: s, phaseIndex: p, duration: standard.plannedMonths(ofPhaseAt: p, planStart: start),
                    unitLoad: phase.unitLoad,
                    resourceLoads: phase.resourceLoads.compactMap { load in resourceIndex[load.resource].map { ($0, load.amount) } },
                    fixedStart: fixed, release: fixed ?? release)
                taskOf[s, default: [:]][p] = tasks.count
                list.append(tasks.count)
                tasks.append(task)
            }
            for (a, b) in zip(list, list.dropFirst()) {
                precedences.append(Precedence(predecessor: a, successor: b, delay: tasks[a].duration))
            }
            let w = weights.weight(urgency: standard.urgency)
            open.append(OpenStandard(
                standard: s, tasks: list, candidates: standard.leadUnits.compactMap { unitIndex[$0] },
                latenessWeight: w * latenessWeight, completionWeight: w * weights.completion,
                deadline: standard.deadline.map { $0 - start }, hardDeadline: standard.hardDeadline && standard.deadline != nil))
        }

        for dependency in portfolio.resolvedDependencies {
            // Facts beat plans: a phase already done or under way is not held back by a dependency.
            guard let succTask = taskOf[dependency.successor]?[dependency.successorPhaseIndex], tasks[succTask].fixedStart == nil else { continue }
            switch dependency.predecessor {
            case .publishedIn(let month):
                tasks[succTask].release = max(tasks[succTask].release, month - start + 1 + dependency.lag)
            case .phase(let p, let predPhase):
                guard let predTask = taskOf[p]?[predPhase] else { continue }  // that phase is already done
                if let fixed = tasks[predTask].fixedStart {
                    let finish = fixed + tasks[predTask].duration - 1
                    tasks[succTask].release = max(tasks[succTask].release, finish + 1 + dependency.lag)
                } else {
                    precedences.append(Precedence(predecessor: predTask, successor: succTask, delay: tasks[predTask].duration + dependency.lag))
                }
            }
        }
        // Releases pass down each standard's chain, so later phases see them as well.
        for standard in open {
            for (a, b) in zip(standard.tasks, standard.tasks.dropFirst()) where tasks[b].fixedStart == nil {
                tasks[b].release = max(tasks[b].release, tasks[a].release + tasks[a].duration)
            }
        }
    }

    /// The standard's last task (its publication phase).
    func lastTask(of standard: OpenStandard) -> Int { standard.tasks[standard.tasks.count - 1] }

    /// The period the standard is published in when its last task starts in `start`.
    func publication(of standard: OpenStandard, lastStart start: Int) -> Int {
        let last = tasks[lastTask(of: standard)]
        return start + last.duration + last.tail - 1
    }
}
