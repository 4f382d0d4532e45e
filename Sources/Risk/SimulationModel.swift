import PlanModel
import Scheduling

/// A portfolio and its plan compiled for re-timing: every phase still to be worked on becomes a
/// task with the plan's lead unit, its loads, its dependencies and, when uncertain, the
/// distribution its duration is drawn from. Months become periods counted from the plan start.
///
/// It mirrors the scheduling engine's compilation (phase order, dependencies with lags as
/// resolved by `Portfolio.resolvedDependencies` for both, facts that dependencies do not hold
/// back), but with durations that change from sample to sample;
/// the zero-uncertainty tests check that it reproduces the plan. Tasks are plain values and
/// their lists live in flat arrays, so the inner loops copy no reference-counted storage.
struct SimulationModel: Sendable {
    /// A phase still to be worked on.
    struct Task: Sendable {
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
    struct OpenStandard: Sendable {
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
    struct Driver: Sendable {
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

    /// Compiles `portfolio` with the decisions of `plan` (lead units, starts).
    /// `holdPlannedStarts`: no standard starts before the plan starts it (the simulated policy);
    /// false lets every phase move as early as the constraints allow (used to explain a plan).
    init(portfolio: Portfolio, plan: Schedule, holdPlannedStarts: Bool = true) throws(RiskError) {
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
        let weights = portfolio.uncertainty?.correlation ?? SharedFactorWeights()
        correlation = weights

        var unitIndex: [UnitID: Int] = [:]
        for (i, unit) in portfolio.units.enumerated() where unitIndex[unit.id] == nil { unitIndex[unit.id] = i }
        var resourceIndex: [ResourceID: Int] = [:]
        for (i, resource) in portfolio.resources.enumerated() where resourceIndex[resource.id] == nil { resourceIndex[resource.id] = i }

        struct DistributionKey: Hashable {
            var kind: DurationDistribution
            var optimistic, likely, pessimistic: Double
        }
        var distributionIndex: [DistributionKey: Int] = [:]
        var distributions: [EstimateDistribution] = []
        var phaseDrivers: [PhaseID: Int] = [:]
        var phaseDriverList: [Driver] = []
        var unitTasks = Array(repeating: 0, count: unitCount)
        let categories = portfolio.categoriesInUse
        var categoryTasks = Array(repeating: 0, count: categories.count)
        var standardTasks: [Int] = []

        var tasks: [Task] = []
        var resourceRows: [Int] = [], resourceAmounts: [Int] = []
        var open: [OpenStandard] = []
        var taskOf: [Int: [Int: Int]] = [:]
        for (s, standard) in portfolio.standards.enumerated() {
            guard let first = standard.firstOpenPhaseIndex else { continue }
            guard let entry = plan.entry(for: standard.id) else {
                throw .scheduleMismatch(standard: standard.id, reason: "it has no entry in the plan")
            }
            let expected = standard.phases[first...].map(\.id)
            guard entry.phases.map(\.phase) == Array(expected) else {
                throw .scheduleMismatch(standard: standard.id, reason: "the plan lists phases \(entry.phases.map(\.phase.rawValue)), expected \(expected.map(\.rawValue))")
            }
            guard let unitID = entry.leadUnit, let unit = unitIndex[unitID] else {
                throw .scheduleMismatch(standard: standard.id, reason: "the plan gives it no lead unit of the scenario")
            }
            let k = open.count
            let category = categories.firstIndex(of: standard.category) ?? 0
            var uncertainHere = 0
            var release = 0
            if let earliest = standard.releaseMonth { release = max(release, earliest - start) }
            let firstTask = tasks.count
            for p in first..<standard.phases.count {
                let phase = standard.phases[p]
                let dated = entry.phases[p - first]
                var fixed: Int?
                var minimum = 1
                if p == first, case .inProgress(_, let since) = standard.status {
                    fixed = since - start
                    minimum = max(1, start - since + 1)
                }
                var plannedMonths = standard.plannedMonths(ofPhaseAt: p, planStart: start)
                var distribution = -1
                var floor = 0.0
                if let estimate = portfolio.uncertainty?.estimate(for: standard, phase: phase.id) {
                    let resolved = EstimateDistribution(estimate, plannedMonths: phase.months)
                    if resolved.isCertain {
                        // A certain estimate replaces the planned months, as a drawn one would.
                        plannedMonths = max(minimum, Int(resolved.optimistic.rounded()))
                    } else {
                        let key = DistributionKey(kind: resolved.kind, optimistic: resolved.optimistic, likely: resolved.likely, pessimistic: resolved.pessimistic)
                        if let known = distributionIndex[key] {
                            distribution = known
                        } else {
                            distribution = distributions.count
                            distributionIndex[key] = distribution
                            distributions.append(resolved)
                        }
                        if minimum > 1 { floor = resolved.cdf(Double(minimum) - 0.5) }
                    }
                }
                var phaseDriver = -1
                if distribution >= 0 {
                    if let known = phaseDrivers[phase.id] {
                        phaseDriver = known
                    } else {
                        phaseDriver = phaseDriverList.count
                        phaseDrivers[phase.id] = phaseDriver
                        phaseDriverList.append(Driver(kind: .phase, id: phase.id.rawValue, name: phase.name, tasks: 0, factor: -1))
                    }
                    phaseDriverList[phaseDriver].tasks += 1
                    unitTasks[unit] += 1
                    categoryTasks[category] += 1
                    uncertainHere += 1
                }
                let resourceFirst = resourceRows.count
                for load in phase.resourceLoads {
                    guard let row = resourceIndex[load.resource], load.amount > 0 else { continue }
                    resourceRows.append(unitCount + row)
                    resourceAmounts.append(load.amount)
                }
                taskOf[s, default: [:]][p] = tasks.count
                var task = Task(
                    open: k, phaseIndex: p, previous: p == first ? -1 : tasks.count - 1,
                    unitRow: phase.unitLoad > 0 ? unit : -1, unitLoad: phase.unitLoad,
                    resources: resourceFirst..<resourceRows.count, dependencies: 0..<0,
                    fixedStart: fixed, earliest: fixed ?? release, plannedStart: dated.start - start, plannedMonths: plannedMonths,
                    minimumMonths: minimum, distribution: distribution, conditionFloor: floor,
                    categoryFactor: category, unitFactor: unit, phaseDriver: phaseDriver, unitDriver: -1)
                if fixed == nil {
                    // Calendar gates hold in samples as in the plan: a phase bound to the regulator's
                    // batches waits for the next batch when its work is done.
                    task.startCalendar = phase.startsIn.flatMap { id in portfolio.calendars.firstIndex { $0.id == id } } ?? -1
                    task.endCalendar = phase.endsIn.flatMap { id in portfolio.calendars.firstIndex { $0.id == id } } ?? -1
                }
                tasks.append(task)
            }
            if holdPlannedStarts, tasks[firstTask].fixedStart == nil {
                tasks[firstTask].earliest = max(tasks[firstTask].earliest, tasks[firstTask].plannedStart)
            }
            standardTasks.append(uncertainHere)
            open.append(OpenStandard(
                standard: s, tasks: firstTask..<tasks.count, deadline: standard.deadline.map { $0 - start },
                weight: portfolio.weights.weight(urgency: standard.urgency), urgency: standard.urgency,
                plannedPublication: entry.published - start))
        }

        var waits = Array(repeating: [(task: Int, lag: Int)](), count: tasks.count)
        for dependency in portfolio.resolvedDependencies {
            // Facts beat plans: a phase already done or under way is not held back by a dependency.
            guard let waiting = taskOf[dependency.successor]?[dependency.successorPhaseIndex], tasks[waiting].fixedStart == nil else { continue }
            switch dependency.predecessor {
            case .publishedIn(let month):
                tasks[waiting].earliest = max(tasks[waiting].earliest, month - start + 1 + dependency.lag)
            case .phase(let p, let predecessorPhase):
                guard let finishing = taskOf[p]?[predecessorPhase] else { continue }  // that phase is already done
                waits[waiting].append((finishing, dependency.lag))
            }
        }
        var dependencyTasks: [Int] = [], dependencyLags: [Int] = []
        for t in tasks.indices {
            let first = dependencyTasks.count
            for wait in waits[t] {
                dependencyTasks.append(wait.task)
                dependencyLags.append(wait.lag)
            }
            tasks[t].dependencies = first..<dependencyTasks.count
        }

        // Shared factors, drawn only for the kinds with a positive weight.
        var factorCount = 0
        func block(_ weight: Double, _ size: Int) -> Int? {
            guard weight > 0 else { return nil }
            defer { factorCount += size }
            return factorCount
        }
        standardFactors = block(weights.standard, open.count)
        categoryFactors = block(weights.category, categories.count)
        unitFactors = block(weights.leadUnit, unitCount)
        self.factorCount = factorCount

        // Drivers: phases by their own draws; units, categories and standards by their shared
        // factor when they have one (so that a factor's effect shows under its own name, not
        // smeared over every phase), units by their phases' own draws otherwise.
        var drivers = phaseDriverList
        for unit in 0..<unitCount where unitTasks[unit] > 0 {
            let index = drivers.count
            drivers.append(Driver(kind: .unit, id: portfolio.units[unit].id.rawValue, name: portfolio.units[unit].name,
                                  tasks: unitTasks[unit], factor: unitFactors.map { $0 + unit } ?? -1))
            if unitFactors == nil { for t in tasks.indices where tasks[t].distribution >= 0 && tasks[t].unitFactor == unit { tasks[t].unitDriver = index } }
        }
        if let offset = categoryFactors {
            for (c, category) in categories.enumerated() where categoryTasks[c] > 0 {
                drivers.append(Driver(kind: .category, id: category.rawValue, name: category.name, tasks: categoryTasks[c], factor: offset + c))
            }
        }
        if let offset = standardFactors {
            for (k, item) in open.enumerated() where standardTasks[k] > 0 {
                let standard = portfolio.standards[item.standard]
                drivers.append(Driver(kind: .standard, id: standard.id.rawValue, name: standard.name, tasks: standardTasks[k], factor: offset + k))
            }
        }

        self.tasks = tasks
        self.resourceRows = resourceRows
        self.resourceAmounts = resourceAmounts
        self.dependencyTasks = dependencyTasks
        self.dependencyLags = dependencyLags
        self.open = open
        self.distributions = distributions
        self.drivers = drivers
        let compiled = tasks
        uncertain = compiled.indices.filter { compiled[$0].distribution >= 0 }
        // Facts first (they hold their capacity whatever happens), then the plan's order; every
        // predecessor starts earlier in the plan, so this order is also a topological one.
        order = compiled.indices.sorted { a, b in
            let x = compiled[a], y = compiled[b]
            let fx = x.fixedStart == nil ? 1 : 0, fy = y.fixedStart == nil ? 1 : 0
            return (fx, x.plannedStart, x.open, x.phaseIndex) < (fy, y.plannedStart, y.open, y.phaseIndex)
        }
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
