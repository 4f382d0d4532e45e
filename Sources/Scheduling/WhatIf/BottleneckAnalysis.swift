import GLPK
import PlanModel

/// Which unit or shared resource limits the plan most: every candidate is given one more unit
/// of capacity in every month and the plan re-solved (exact), and the LP relaxation's shadow
/// prices are read as the cheap first-order estimate beside it.
public struct BottleneckAnalysis: Sendable {
    /// The plan of the portfolio as it is.
    public var base: PlanResult
    /// One entry per unit that leads or may lead open work, and per shared resource; ranked by
    /// exact lateness gain, then objective gain, then shadow price, then id.
    public var ranking: [Bottleneck]

    /// Runs the analysis; re-solves run in parallel, one per core.
    public static func run(_ portfolio: Portfolio, options: PlanOptions = PlanOptions()) throws(SchedulingError) -> BottleneckAnalysis {
        let base = try Planner.plan(portfolio, options: options)
        let baseSummary = PlanSummary(portfolio: portfolio, schedule: base.schedule)
        // The plan's own compilation, unless a reference plan added its stability level to it (the
        // shadow prices are read without one).
        let problem = options.reference == nil ? base.compilation ?? PlanningProblem(portfolio) : PlanningProblem(portfolio)
        let shadow = shadowPrices(problem, options: options)
        let latenessWeight = Double(problem.latenessWeight)

        let subjects = subjects(of: portfolio)
        let variants = subjects.map { $0.4.applied(to: portfolio) ?? portfolio }
        let results = Planner.planAll(variants, options: options)
        var ranking: [Bottleneck] = []
        for (index, subject) in subjects.enumerated() {
            let result = try results[index].get()
            let summary = PlanSummary(portfolio: variants[index], schedule: result.schedule)
            var lateness: Int?
            var objective: Int?
            if let baseSummary, let summary { lateness = baseSummary.weightedMonthsLate - summary.weightedMonthsLate }
            if let a = base.objective, let b = result.objective { objective = a - b }
            let price = subject.0 == .unit ? shadow?.units[subject.1] : shadow?.resources[subject.1]
            ranking.append(Bottleneck(kind: subject.0, id: subject.1, name: subject.2, capacity: subject.3, lateness: lateness,
                                      objective: objective, status: result.status, shadowPrice: price.map { $0 * latenessWeight },
                                      shadowLateness: price))
        }
        ranking.sort { a, b in
            let keyA = (a.lateness ?? Int.min, a.objective ?? Int.min), keyB = (b.lateness ?? Int.min, b.objective ?? Int.min)
            if keyA != keyB { return keyA > keyB }
            if (a.shadowPrice ?? 0) != (b.shadowPrice ?? 0) { return (a.shadowPrice ?? 0) > (b.shadowPrice ?? 0) }
            return (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
        }
        return BottleneckAnalysis(base: base, ranking: ranking)
    }

    /// The ids of what the analysis re-solves with one more unit of capacity, in the order of
    /// `Planner.planAll`'s portfolios: lead units that lead or may lead open work, then shared resources.
    public static func subjectIDs(of portfolio: Portfolio) -> [String] { subjects(of: portfolio).map(\.1) }

    private static func subjects(of portfolio: Portfolio) -> [(Bottleneck.Kind, String, String, Int, PortfolioVariation)] {
        let openUnits = Set(portfolio.standards.filter { $0.isOpen }.flatMap(\.leadUnits))
        var subjects: [(Bottleneck.Kind, String, String, Int, PortfolioVariation)] = []
        for unit in portfolio.units where openUnits.contains(unit.id) {
            subjects.append((.unit, unit.id.rawValue, unit.name, unit.capacity.capacity(in: portfolio.planStart), .unitCapacityIncrease(unit.id, 1)))
        }
        for resource in portfolio.resources {
            subjects.append((.resource, resource.id.rawValue, resource.name, resource.capacity.capacity(in: portfolio.planStart),
                             .resourceCapacityIncrease(resource.id, 1)))
        }
        // Calendars that gate open work: what if the body met (or published) every month?
        let gates = Set(portfolio.standards.filter(\.isOpen).flatMap { $0.phases.flatMap { [$0.startsIn, $0.endsIn].compactMap { $0 } } })
        for calendar in portfolio.calendars where gates.contains(calendar.id) && calendar.monthsOfYear.count < 12 {
            subjects.append((.calendar, calendar.id.rawValue, calendar.name, calendar.monthsOfYear.count, .calendarEveryMonth(calendar.id)))
        }
        return subjects
    }

    /// Shadow prices from the LP relaxation of the time-indexed model the planner solves for `problem`
    /// (a portfolio compiled without a reference plan; its windows narrowed by the heuristic's
    /// incumbent, which keeps the LP small), with the objective's first level, urgency-weighted months
    /// late: for each unit and resource, minus the sum of its capacity rows' duals, in weighted months
    /// late per unit of capacity in every month. Nil if the LP is not solved to optimality within the time
    /// limit, or its model would be larger than ``PlanOptions/maximumModelSize``.
    static func shadowPrices(_ problem: PlanningProblem, options: PlanOptions) -> (units: [String: Double], resources: [String: Double])? {
        let portfolio = problem.portfolio
        guard let full = try? TimeWindows(problem) else { return nil }
        let incumbent = SerialScheduler(problem: problem, windows: full).bestSchedule(iterations: options.heuristicIterations, seed: options.seed)
        let windows = incumbent.map { Planner.tightenedWindows(problem, full, incumbent: $0.cost(in: problem)) } ?? full
        // No estimate where the planner would not build the model either, and none past the time limit:
        // at 300 generated standards this LP ran for minutes under `--time-limit 1`.
        guard ModelSize(problem, windows).total <= options.maximumModelSize, options.cancellation?.isCancelled != true,
              let model = try? TimeIndexedModel(problem: problem, windows: windows),
              let solution = try? model.program.solveLP(LPOptions(timeLimit: max(0.1, options.timeLimit))),
              solution.status == .optimal else { return nil }
        var units: [String: Double] = [:]
        var resources: [String: Double] = [:]
        for (index, rows) in model.unitCapacityRows.enumerated() {
            // + 0 turns a negative zero into zero, so the report never shows "-0.0".
            units[portfolio.units[index].id.rawValue] = Self.price(rows, solution.rowDuals)
        }
        for (index, rows) in model.resourceRows.enumerated() {
            resources[portfolio.resources[index].id.rawValue] = Self.price(rows, solution.rowDuals)
        }
        return (units, resources)
    }

    /// Minus the sum of the rows' duals, with round-off dust (and a negative zero) shown as 0.
    private static func price(_ rows: [Int], _ duals: [Double]) -> Double {
        let value = -rows.reduce(0) { $0 + duals[$1] }
        return abs(value) < 1e-9 ? 0 : value
    }
}
