import PlanModel

/// The load a schedule puts on every lead unit and shared resource month by month, and how
/// often each is at its capacity: where the plan is bound. Shared by the HTML load chart and
/// the "busiest body" of the text reports.
struct CapacityUse {
    /// A lead unit or shared resource and its load over the months looked at.
    struct Body {
        /// "shared resource" or "lead unit".
        var kind: String
        var id: String
        var name: String
        var capacity: CapacityProfile
        /// Load per month, from the first month looked at.
        var load: [Int]
        /// Months with some load that use the whole capacity (after the month's capacity factors).
        var fullMonths: Int
    }

    /// Load per month from `first` through `last`, of every shared resource (in scenario order),
    /// then of every lead unit with load in the plan. Work before `countFrom` (the plan start:
    /// history the plan does not hold) is not counted.
    static func bodies(_ portfolio: Portfolio, _ schedule: Schedule, first: Month, last: Month, countFrom: Month) -> [Body] {
        let months = max(0, last - first + 1)
        var units: [UnitID: [Int]] = [:], resources: [ResourceID: [Int]] = [:]
        for entry in schedule.standards {
            guard let standard = portfolio.standard(entry.standard) else { continue }
            for dated in entry.phases {
                guard let phase = standard.phases.first(where: { $0.id == dated.phase }) else { continue }
                var month = max(dated.start, countFrom, first)
                while month <= dated.finish, month <= last {
                    let i = month - first
                    if let unit = entry.leadUnit, phase.unitLoad > 0 {
                        units[unit, default: Array(repeating: 0, count: months)][i] += phase.unitLoad
                    }
                    for load in phase.resourceLoads where load.amount > 0 {
                        resources[load.resource, default: Array(repeating: 0, count: months)][i] += load.amount
                    }
                    month = month + 1
                }
            }
        }
        func body(_ kind: String, _ id: String, _ name: String, _ capacity: CapacityProfile, _ load: [Int]) -> Body {
            // The capacity the planner had, capacity factors applied (the Spring Festival halves it).
            let full = load.indices.filter { load[$0] > 0 && load[$0] >= portfolio.capacity(of: id, capacity, in: first + $0) }.count
            return Body(kind: kind, id: id, name: name, capacity: capacity, load: load, fullMonths: full)
        }
        var out = portfolio.resources.map { resource in
            body("shared resource", resource.id.rawValue, resource.name, resource.capacity,
                 resources[resource.id] ?? Array(repeating: 0, count: months))
        }
        for unit in portfolio.units {
            guard let load = units[unit.id] else { continue }
            out.append(body("lead unit", unit.id.rawValue, unit.name, unit.capacity, load))
        }
        return out
    }

    /// The unit or resource at its capacity in the most months of the plan (from its start to
    /// the last publication), with those months and the months looked at; nil when none is ever full.
    static func tightest(_ portfolio: Portfolio, _ schedule: Schedule) -> (body: Body, months: Int)? {
        let open = portfolio.standards.filter(\.isOpen).compactMap { schedule.entry(for: $0.id)?.published }
        guard let last = open.max(), last >= portfolio.planStart else { return nil }
        let bodies = bodies(portfolio, schedule, first: portfolio.planStart, last: last, countFrom: portfolio.planStart)
        // Most full months; on a tie the shared resource first (it binds every unit), then scenario order.
        guard let best = bodies.enumerated().max(by: { a, b in
            (a.element.fullMonths, -a.offset) < (b.element.fullMonths, -b.offset)
        })?.element, best.fullMonths > 0 else { return nil }
        return (best, last - portfolio.planStart + 1)
    }
}
