import PlanModel
import Scheduling

/// A plan made ready for re-timing: every phase still to be worked on is a task with the plan's
/// lead unit, its loads, its dependencies and, when uncertain, the distribution its duration is
/// drawn from. Months become periods counted from the plan start.
///
/// Built on the planner's compilation of the portfolio (``PlanningProblem``, unfolded): task `t`
/// here is task `t` there, and its previous phase, its dependencies with their lags, its release by
/// the facts, the start of a phase under way, its loads and its calendars are taken from it, never
/// read from the portfolio again. Only what sampling needs is added: the plan's lead units and
/// starts, durations that change from sample to sample, shared factors and drivers, and capacity
/// beyond the horizon. The zero-uncertainty tests check that it reproduces the plan. Tasks are
/// plain values and their lists live in flat arrays, so the inner loops copy no reference-counted
/// storage.
struct SimulationModel: Sendable {
    /// A phase still to be worked on.
    struct Task: Sendable, Equatable {
        /// Index into ``SimulationModel/open``.
        var open: Int
        var phaseIndex: Int
        /// The previous phase of the same standard (−1 for the first open one).
        var previous: Int
        /// Capacity row of its lead unit, −1 when it puts no load on the unit.
        var unitRow: Int
        var unitLoad: Int
        /// Its shared-resource loads: `resourceRows[resources]`, `resourceAmounts[resources]`.
        var resources: Range<Int>
        /// Its dependencies: `start ≥ start(dependencyTasks[i]) + months(dependencyTasks[i]) + dependencyLags[i]`.
        var dependencies: Range<Int>
        /// The start of a phase under way at the plan start: a fact, kept in every sample.
        var fixedStart: Int?
        /// No start before this period: the plan start, the standard's earliest start, published
        /// predecessors, and (under ``holdsPlannedStarts``) the plan's start of the standard.
        var earliest: Int
        /// Start and duration in the plan.
        var plannedStart: Int
        var plannedMonths: Int
        /// At least this many months: 1, or for a phase under way since before the plan start,
        /// the months it has already taken plus the plan start month.
        var minimumMonths: Int
        /// Index into ``SimulationModel/distributions``; −1 when the duration is certain.
        var distribution: Int
        /// For a phase under way: P(duration < months already taken + ½), the part of the
        /// distribution that the facts rule out (draws are taken from the rest).
        var conditionFloor: Double
        /// Shared factors it loads on (indices by category and by unit).
        var categoryFactor: Int
        var unitFactor: Int
        /// Drivers its own draw counts towards (−1: none).
        var phaseDriver: Int
        var unitDriver: Int
        /// The calendars its start and its finish must fall in (indices into ``SimulationModel/calendars``; −1: none).
        var startCalendar: Int = -1
        var endCalendar: Int = -1
    }

    /// A standard whose work is open at the plan start.
    struct OpenStandard: Sendable, Equatable {
        /// Index into the portfolio's standards.
        var standard: Int
        /// Its tasks are `first..<end` (consecutive, in phase order).
        var tasks: Range<Int>
        /// Period of December of the target year (nil: no target).
        var deadline: Int?
        /// Urgency weight of the objective.
        var weight: Int
        var urgency: Int
        /// Publication period in the plan.
        var plannedPublication: Int
        /// Its publication task.
        var last: Int { tasks.upperBound - 1 }
    }

    /// What the sensitivity table groups draws by.
    struct Driver: Sendable, Equatable {
        var kind: SensitivityDriver.Kind
        var id: String
        var name: String
        /// Uncertain phases it covers.
        var tasks: Int
        /// The shared factor it follows, or −1 when its score is the mean percentile of the own
        /// draws of its phases.
        var factor: Int
    }

    let portfolio: Portfolio
    let tasks: [Task]
    let resourceRows: [Int]
    let resourceAmounts: [Int]
    let dependencyTasks: [Int]
    let dependencyLags: [Int]
    /// The plan's order (by planned start): the serial scheduler takes tasks in this order.
    let order: [Int]
    let open: [OpenStandard]
    /// Capacity per row (units, then shared resources) per period, row-major with ``periods`` per row.
    let capacity: [Int]
    let periods: Int
    let rowProfiles: [CapacityProfile]
    /// The id of the unit or resource of each row, for its capacity factors.
    let rowIDs: [String]
    let unitCount: Int
    let distributions: [EstimateDistribution]
    /// Tasks whose duration is drawn, in index order (the order of draws).
    let uncertain: [Int]
    let correlation: SharedFactorWeights
    /// Factors drawn per sample: one per open standard, per category and per unit, each only
    /// when its weight is positive; ``standardFactors`` etc. give where each kind starts.
    let factorCount: Int
    let standardFactors: Int?
    let categoryFactors: Int?
    let unitFactors: Int?
    let drivers: [Driver]
    /// True when a standard's first open phase may not start before the plan starts it.
    let holdsPlannedStarts: Bool

    /// The model of `plan` over `portfolio`, compiled here (see ``init(compiled:plan:holdPlannedStarts:ignoringUncertainty:)``).
    init(portfolio: Portfolio, plan: Schedule, holdPlannedStarts: Bool = true) throws(RiskError) {
        try self.init(compiled: PlanningProblem(portfolio), plan: plan, holdPlannedStarts: holdPlannedStarts)
    }

    /// The model of `plan`, a schedule of `compiled.portfolio`, with its decisions (lead units, starts).
    /// `holdPlannedStarts`: no standard starts before the plan starts it (the simulated policy);
    /// false lets every phase move as early as the constraints allow (used to explain a plan).
    /// `ignoringUncertainty`: every duration as planned, whatever the scenario's uncertainty section says.
    init(compiled: PlanningProblem, plan: Schedule, holdPlannedStarts: Bool = true, ignoringUncertainty: Bool = false) throws(RiskError) {
        precondition(compiled.facts.count == compiled.tasks.count, "the risk simulation needs the unfolded compilation")
        let portfolio = compiled.portfolio
        self.portfolio = portfolio
        holdsPlannedStarts = holdPlannedStarts
        let start = portfolio.planStart
        // Room beyond the horizon: samples may run later than any plan; rows grow further on demand.
        let periods = max(1, portfolio.horizonEnd - start + 1) + 120
        self.periods = periods
        let profiles = portfolio.units.map(\.capacity) + portfolio.resources.map(\.capacity)
        let ids = portfolio.units.map(\.id.rawValue) + portfolio.resources.map(\.id.rawValue)
        rowProfiles = profiles
        rowIDs = ids
        capacity = zip(ids, profiles).flatMap { id, profile in (0..<periods).map { Self.capacity(portfolio, id, profile, period: $0) } }
        let unitCount = portfolio.units.count
        self.unitCount = unitCount
        let uncertainty = ignoringUncertainty ? nil : portfolio.uncertainty
        let weights = uncertainty?.correlation ?? SharedFactorWeights()
        correlation = weights

        var unitIndex: [UnitID: Int] = [:]
        for (i, unit) in portfolio.units.enumerated() where unitIndex[unit.id] == nil { unitIndex[unit.id] = i }
        let categories = portfolio.categoriesInUse
        var draws = DurationDraws(unitCount: unitCount, categories: categories.count)
        var tasks: [Task] = []
        tasks.reserveCapacity(compiled.tasks.count)
        var resourceRows: [Int] = [], resourceAmounts: [Int] = []
        var open: [OpenStandard] = []
        for item in compiled.open {
            let standard = portfolio.standards[item.standard]
            let (entry, unit) = try Self.planned(standard, compiled.tasks[item.tasks[0]].phaseIndex, in: plan, units: unitIndex)
            let k = open.count
            let category = categories.firstIndex(of: standard.category) ?? 0
            let firstTask = tasks.count
            for (position, t) in item.tasks.enumerated() {
                // The compilation's tasks are its open standards' phases in order: task t is task t here.
                assert(t == tasks.count)
                let compiledTask = compiled.tasks[t], facts = compiled.facts[t]
                let phase = standard.phases[compiledTask.phaseIndex]
                // A phase under way since before the plan start has already taken the months since.
                let minimum = compiledTask.fixedStart.map { max(1, 1 - $0) } ?? 1
                let draw = draws.add(uncertainty?.estimate(for: standard, phase: phase.id), of: phase, plannedMonths: compiledTask.duration,
                                     minimumMonths: minimum, unit: unit, category: category)
                let resourceFirst = resourceRows.count
                for load in compiledTask.resourceLoads where load.amount > 0 {
                    resourceRows.append(unitCount + load.resource)
                    resourceAmounts.append(load.amount)
                }
                // Calendar gates hold in samples as in the plan: a phase bound to the regulator's
                // batches waits for the next batch when its work is done.
                tasks.append(Task(
                    open: k, phaseIndex: compiledTask.phaseIndex, previous: position == 0 ? -1 : t - 1,
                    unitRow: compiledTask.unitLoad > 0 ? unit : -1, unitLoad: compiledTask.unitLoad,
                    resources: resourceFirst..<resourceRows.count, dependencies: 0..<0,
                    fixedStart: compiledTask.fixedStart, earliest: facts.release, plannedStart: entry.phases[position].start - start,
                    plannedMonths: draw.plannedMonths, minimumMonths: minimum, distribution: draw.distribution, conditionFloor: draw.floor,
                    categoryFactor: category, unitFactor: unit, phaseDriver: draw.phaseDriver, unitDriver: -1,
                    startCalendar: facts.startCalendar ?? -1, endCalendar: facts.endCalendar ?? -1))
            }
            if holdPlannedStarts, tasks[firstTask].fixedStart == nil {
                tasks[firstTask].earliest = max(tasks[firstTask].earliest, tasks[firstTask].plannedStart)
            }
            draws.closeStandard()
            open.append(OpenStandard(
                standard: item.standard, tasks: firstTask..<tasks.count, deadline: item.deadline,
                weight: item.urgencyWeight, urgency: standard.urgency, plannedPublication: entry.published - start))
        }

        (dependencyTasks, dependencyLags) = Self.dependencyLists(compiled.dependencies, &tasks)
        (factorCount, standardFactors, categoryFactors, unitFactors) =
            Self.factors(weights, standards: open.count, categories: categories.count, units: unitCount)
        drivers = draws.drivers(portfolio, categories: categories, open: open, tasks: &tasks,
                                factors: (standardFactors, categoryFactors, unitFactors))

        self.tasks = tasks
        self.resourceRows = resourceRows
        self.resourceAmounts = resourceAmounts
        self.open = open
        self.distributions = draws.distributions
        uncertain = tasks.indices.filter { tasks[$0].distribution >= 0 }
        order = Self.order(tasks)
    }

    /// How many shared factors a sample draws, and where the blocks of the standards', the
    /// categories' and the units' start: only the kinds with a positive weight are drawn.
    private static func factors(_ weights: SharedFactorWeights, standards: Int, categories: Int, units: Int) -> (Int, Int?, Int?, Int?) {
        var count = 0
        func block(_ weight: Double, _ size: Int) -> Int? {
            guard weight > 0 else { return nil }
            defer { count += size }
            return count
        }
        let standard = block(weights.standard, standards), category = block(weights.category, categories), unit = block(weights.leadUnit, units)
        return (count, standard, category, unit)
    }

    /// Every task's dependencies (`dependencies`, in their order), as flat lists of predecessors
    /// and lags that each task's ``Task/dependencies`` ranges over.
    private static func dependencyLists(_ dependencies: [PlanningProblem.TaskDependency], _ tasks: inout [Task]) -> ([Int], [Int]) {
        var waits = Array(repeating: [(task: Int, lag: Int)](), count: tasks.count)
        for dependency in dependencies { waits[dependency.successor].append((dependency.predecessor, dependency.lag)) }
        var predecessors: [Int] = [], lags: [Int] = []
        for t in tasks.indices {
            let first = predecessors.count
            for wait in waits[t] {
                predecessors.append(wait.task)
                lags.append(wait.lag)
            }
            tasks[t].dependencies = first..<predecessors.count
        }
        return (predecessors, lags)
    }

    /// Facts first (they hold their capacity whatever happens), then the plan's order; every
    /// predecessor starts earlier in the plan, so this order is also a topological one.
    private static func order(_ tasks: [Task]) -> [Int] {
        tasks.indices.sorted { a, b in
            let x = tasks[a], y = tasks[b]
            let fx = x.fixedStart == nil ? 1 : 0, fy = y.fixedStart == nil ? 1 : 0
            return (fx, x.plannedStart, x.open, x.phaseIndex) < (fy, y.plannedStart, y.open, y.phaseIndex)
        }
    }

    /// The plan's entry for `standard`, whose first open phase is `first`, and the index of its lead
    /// unit (`units` gives each unit's index); throws when the plan does not match the portfolio.
    private static func planned(_ standard: Standard, _ first: Int, in plan: Schedule, units: [UnitID: Int]) throws(RiskError) -> (StandardSchedule, Int) {
        guard let entry = plan.entry(for: standard.id) else {
            throw .scheduleMismatch(standard: standard.id, reason: "it has no entry in the plan")
        }
        let expected = standard.phases[first...].map(\.id)
        guard entry.phases.map(\.phase) == Array(expected) else {
            throw .scheduleMismatch(standard: standard.id, reason: "the plan lists phases \(entry.phases.map(\.phase.rawValue)), expected \(expected.map(\.rawValue))")
        }
        guard let unitID = entry.leadUnit, let unit = units[unitID] else {
            throw .scheduleMismatch(standard: standard.id, reason: "the plan gives it no lead unit of the scenario")
        }
        return (entry, unit)
    }
}

extension SimulationModel {
    /// The capacity of a row in `period`. Beyond the horizon each capacity stays at its value in
    /// horizon_end (docs/risk.md: a change dated later is not applied; the loader warns about it,
    /// SP-W0501); capacity factors (e.g. the Spring Festival dip) follow the calendar in every
    /// month, in samples as in the plan.
    static func capacity(_ portfolio: Portfolio, _ id: String, _ profile: CapacityProfile, period: Int) -> Int {
        let month = portfolio.planStart + period
        let base = CapacityProfile.constant(profile.capacity(in: min(month, portfolio.horizonEnd)))
        return portfolio.capacity(of: id, base, in: month)
    }

    /// The capacity of row `row` in `period` (see the static form).
    func capacity(row: Int, profile: CapacityProfile, period: Int) -> Int { Self.capacity(portfolio, rowIDs[row], profile, period: period) }

    /// Whether the calendars a task is bound to let it start in `begin` and finish `duration` months later.
    func allowsStart(_ task: Task, _ begin: Int, _ duration: Int) -> Bool {
        let calendars = portfolio.calendars
        if task.startCalendar >= 0, !calendars[task.startCalendar].contains(portfolio.planStart + begin) { return false }
        if task.endCalendar >= 0, !calendars[task.endCalendar].contains(portfolio.planStart + begin + duration - 1) { return false }
        return true
    }
}
