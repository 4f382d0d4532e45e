import PlanModel

/// What a ``SimulationModel`` draws, gathered as its tasks are added: the distinct distributions,
/// and for the sensitivity table the phases, units, categories and standards the uncertain
/// phases belong to.
struct DurationDraws {
    /// How one task's duration is drawn.
    struct Draw {
        /// Its months when certain: the planned months, or a certain estimate's.
        var plannedMonths: Int
        /// Index into ``DurationDraws/distributions``; −1 when the duration is certain.
        var distribution = -1
        /// For a phase under way: the part of the distribution the facts rule out.
        var floor = 0.0
        /// Index of its phase's driver; −1 when certain.
        var phaseDriver = -1
    }

    private struct Key: Hashable {
        var kind: DurationDistribution
        var optimistic, likely, pessimistic: Double
    }

    /// The distinct distributions, in order of first use.
    private(set) var distributions: [EstimateDistribution] = []
    private var distributionIndex: [Key: Int] = [:]
    private var phaseDrivers: [PhaseID: Int] = [:]
    private var phaseDriverList: [SimulationModel.Driver] = []
    /// Uncertain phases per unit, per category, and per open standard (closed ones).
    private var unitTasks: [Int]
    private var categoryTasks: [Int]
    private var standardTasks: [Int] = []
    private var uncertainInStandard = 0

    /// Nothing drawn yet, for `unitCount` units and `categories` categories.
    init(unitCount: Int, categories: Int) {
        unitTasks = Array(repeating: 0, count: unitCount)
        categoryTasks = Array(repeating: 0, count: categories)
    }

    /// How the duration of a task of `phase` is drawn under `estimate` (nil: certain), with
    /// `plannedMonths` planned and at least `minimumMonths`, led by `unit` in `category`.
    mutating func add(_ estimate: ThreePointEstimate?, of phase: Phase, plannedMonths: Int, minimumMonths: Int,
                      unit: Int, category: Int) -> Draw {
        var draw = Draw(plannedMonths: plannedMonths)
        guard let estimate else { return draw }
        let resolved = EstimateDistribution(estimate, plannedMonths: phase.months)
        if resolved.isCertain {
            // A certain estimate replaces the planned months, as a drawn one would.
            draw.plannedMonths = max(minimumMonths, Int(resolved.optimistic.rounded()))
            return draw
        }
        let key = Key(kind: resolved.kind, optimistic: resolved.optimistic, likely: resolved.likely, pessimistic: resolved.pessimistic)
        if let known = distributionIndex[key] {
            draw.distribution = known
        } else {
            draw.distribution = distributions.count
            distributionIndex[key] = draw.distribution
            distributions.append(resolved)
        }
        if minimumMonths > 1 { draw.floor = resolved.cdf(Double(minimumMonths) - 0.5) }
        if let known = phaseDrivers[phase.id] {
            draw.phaseDriver = known
        } else {
            draw.phaseDriver = phaseDriverList.count
            phaseDrivers[phase.id] = draw.phaseDriver
            phaseDriverList.append(SimulationModel.Driver(kind: .phase, id: phase.id.rawValue, name: phase.name, tasks: 0, factor: -1))
        }
        phaseDriverList[draw.phaseDriver].tasks += 1
        unitTasks[unit] += 1
        categoryTasks[category] += 1
        uncertainInStandard += 1
        return draw
    }

    /// Ends the tasks of the current open standard.
    mutating func closeStandard() {
        standardTasks.append(uncertainInStandard)
        uncertainInStandard = 0
    }

    /// The drivers: phases by their own draws; units, categories and standards by their shared
    /// factor when they have one (so that a factor's effect shows under its own name, not smeared
    /// over every phase), units by their phases' own draws otherwise (recorded in `tasks`).
    func drivers(_ portfolio: Portfolio, categories: [PlanModel.Category], open: [SimulationModel.OpenStandard],
                 tasks: inout [SimulationModel.Task], factors: (standard: Int?, category: Int?, unit: Int?)) -> [SimulationModel.Driver] {
        var drivers = phaseDriverList
        for unit in unitTasks.indices where unitTasks[unit] > 0 {
            let index = drivers.count
            drivers.append(SimulationModel.Driver(kind: .unit, id: portfolio.units[unit].id.rawValue, name: portfolio.units[unit].name,
                                                  tasks: unitTasks[unit], factor: factors.unit.map { $0 + unit } ?? -1))
            if factors.unit == nil { for t in tasks.indices where tasks[t].distribution >= 0 && tasks[t].unitFactor == unit { tasks[t].unitDriver = index } }
        }
        if let offset = factors.category {
            for (c, category) in categories.enumerated() where categoryTasks[c] > 0 {
                drivers.append(SimulationModel.Driver(kind: .category, id: category.rawValue, name: category.name, tasks: categoryTasks[c], factor: offset + c))
            }
        }
        if let offset = factors.standard {
            for (k, item) in open.enumerated() where standardTasks[k] > 0 {
                let standard = portfolio.standards[item.standard]
                drivers.append(SimulationModel.Driver(kind: .standard, id: standard.id.rawValue, name: standard.name, tasks: standardTasks[k], factor: offset + k))
            }
        }
        return drivers
    }
}
