import PlanModel
import Risk
import ScenarioFile
import Scheduling
import Validation

/// Small portfolios whose risk figures are worked out by hand in the tests that use them, and
/// helpers that plan (validator-checked, as every test must) and simulate. No tests here.
enum RiskFixtures {
    static let start = Month(year: 2022, month: 1)

    static func phase(_ id: String, months: Int, load: Int = 1, resources: [String: Int] = [:]) -> Phase {
        Phase(id: PhaseID(id), name: id, months: months, unitLoad: load,
              resourceLoads: resources.map { ResourceLoad(resource: ResourceID($0.key), amount: $0.value) })
    }

    static func standard(
        _ id: String, urgency: Int = 3, target: Int? = 2022, units: [String] = ["u"], phases: [Phase],
        status: StandardStatus = .planned, category: PlanModel.Category = .operations
    ) -> Standard {
        Standard(id: StandardID(id), name: id, category: category, urgency: urgency, targetYear: target, status: status,
                 leadUnits: units.map { UnitID($0) }, phases: phases)
    }

    static func unit(_ id: String, capacity: Int) -> LeadUnit {
        LeadUnit(id: UnitID(id), name: id, capacity: .constant(capacity))
    }

    static func portfolio(
        _ standards: [Standard], units: [LeadUnit] = [unit("u", capacity: 1)], resources: [SharedResource] = [],
        dependencies: [Dependency] = [], start: Month = start, horizon: Month = Month(year: 2030, month: 12),
        uncertainty: DurationUncertainty? = nil
    ) -> Portfolio {
        var portfolio = Portfolio(name: "fixture", planStart: start, horizonEnd: horizon, units: units, resources: resources,
                                  standards: standards, dependencies: dependencies)
        portfolio.uncertainty = uncertainty
        return portfolio
    }

    /// The same estimate for `phases` of the life cycle.
    static func uncertainty(_ estimates: [String: ThreePointEstimate], correlation: SharedFactorWeights = SharedFactorWeights()) -> DurationUncertainty {
        DurationUncertainty(lifeCycle: Dictionary(uniqueKeysWithValues: estimates.map { (PhaseID($0.key), $0.value) }), correlation: correlation)
    }

    /// Plans `portfolio`, checks the schedule with the validator, and returns it.
    static func plan(_ portfolio: Portfolio) throws -> (PlanResult, Schedule) {
        let result = try Planner.plan(portfolio)
        guard let schedule = result.schedule else { throw FixtureError.noSchedule(result.status) }
        let violations = ScheduleValidator.check(schedule, against: portfolio)
        if !violations.isEmpty { throw FixtureError.invalid(violations) }
        return (result, schedule)
    }

    /// Plans and simulates.
    static func risk(_ portfolio: Portfolio, samples: Int, seed: UInt64 = 1, threads: Int = 2) throws -> RiskResult {
        let (_, schedule) = try plan(portfolio)
        return try RiskSimulation.run(portfolio: portfolio, plan: schedule, options: RiskOptions(samples: samples, seed: seed, threads: threads))
    }

    /// The built-in baseline, loaded once.
    static let baseline: Result<Portfolio, any Error> = Result { try ScenarioLoader.builtinBaseline() }

    /// The baseline's plan, computed once for all tests that need it.
    static let baselinePlan: Result<(PlanResult, Schedule), any Error> = Result { try plan(try baseline.get()) }

    /// Whether `value` is within `sigmas` standard errors of the probability `p` over `samples` draws.
    static func withinSamplingError(_ value: Double, of p: Double, samples: Int, sigmas: Double = 4) -> Bool {
        let error = (p * (1 - p) / Double(samples)).squareRoot()
        return abs(value - p) <= sigmas * max(error, 1e-12)
    }

    enum FixtureError: Error {
        case noSchedule(PlanStatus)
        case invalid([ScheduleViolation])
    }
}
