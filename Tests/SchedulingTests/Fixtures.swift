import PlanModel
import Scheduling
import Validation

/// Small portfolios whose optimum is worked out by hand in the tests that use them.
enum Fixtures {
    static let start = Month(year: 2022, month: 1)

    static func phase(_ id: String, months: Int, load: Int = 1, resources: [String: Int] = [:]) -> Phase {
        Phase(id: PhaseID(id), name: id, months: months, unitLoad: load,
              resourceLoads: resources.map { ResourceLoad(resource: ResourceID($0.key), amount: $0.value) })
    }

    static func standard(
        _ id: String, urgency: Int = 3, target: Int? = 2022, units: [String] = ["u"], phases: [Phase]? = nil,
        status: StandardStatus = .planned, earliest: Month? = nil
    ) -> Standard {
        Standard(id: StandardID(id), name: id, category: .operations, urgency: urgency, targetYear: target, status: status,
                 earliestStart: earliest, leadUnits: units.map { UnitID($0) }, phases: phases ?? [phase("work", months: 2)])
    }

    static func unit(_ id: String, capacity: Int, changes: [CapacityProfile.Change] = []) -> LeadUnit {
        LeadUnit(id: UnitID(id), name: id, capacity: CapacityProfile(initial: capacity, changes: changes))
    }

    static func portfolio(
        _ standards: [Standard], units: [LeadUnit] = [unit("u", capacity: 1)], resources: [SharedResource] = [],
        dependencies: [Dependency] = [], horizon: Month = Month(year: 2024, month: 12)
    ) -> Portfolio {
        Portfolio(name: "fixture", planStart: start, horizonEnd: horizon, units: units, resources: resources,
                  standards: standards, dependencies: dependencies)
    }

    /// Plans and checks the result with the independent validator, as every test must.
    static func plan(_ portfolio: Portfolio, options: PlanOptions = PlanOptions()) throws -> PlanResult {
        let result = try Planner.plan(portfolio, options: options)
        if let schedule = result.schedule {
            let violations = ScheduleValidator.check(schedule, against: portfolio)
            if !violations.isEmpty { throw FixtureError.invalid(violations) }
        }
        return result
    }

    enum FixtureError: Error { case invalid([ScheduleViolation]) }
}
