import PlanModel

/// One-parameter variations of a portfolio, for sweeps and bottleneck analysis.
public enum PortfolioVariation: Hashable, Sendable, CustomStringConvertible {
    /// A unit's capacity set to this value in every month.
    case unitCapacity(UnitID, Int)
    /// A shared resource's capacity set to this value in every month.
    case resourceCapacity(ResourceID, Int)
    /// A unit's capacity raised by this much in every month (keeping its changes over time).
    case unitCapacityIncrease(UnitID, Int)
    /// A shared resource's capacity raised by this much in every month.
    case resourceCapacityIncrease(ResourceID, Int)
    /// Every phase with this id (nil: every phase) takes this many times as long, rounded to whole months, at least one.
    case durationFactor(PhaseID?, Double)
    /// No planned standard starts before plan start + this many months.
    case startDelay(Int)
    /// The calendar holds every month: what the gate it sets costs (e.g. a committee that met
    /// every month instead of twice a year).
    case calendarEveryMonth(CalendarID)

    public var description: String {
        switch self {
        case .unitCapacity(let id, let value): "unit \(id) capacity \(value)"
        case .resourceCapacity(let id, let value): "resource \(id) capacity \(value)"
        case .unitCapacityIncrease(let id, let value): "unit \(id) capacity +\(value)"
        case .resourceCapacityIncrease(let id, let value): "resource \(id) capacity +\(value)"
        case .durationFactor(let phase, let factor): "\(phase.map(\.rawValue) ?? "all phases") × \(factor)"
        case .startDelay(let months): "start delayed \(months) months"
        case .calendarEveryMonth(let id): "calendar \(id) every month"
        }
    }

    /// `portfolio` with this variation; nil if it names a unit, resource or phase the portfolio lacks.
    public func applied(to portfolio: Portfolio) -> Portfolio? {
        var result = portfolio
        // Saturating: a capacity near Int.max means "unlimited" and must stay so, not trap.
        func plus(_ a: Int, _ b: Int) -> Int { a.addingReportingOverflow(b).overflow ? (b > 0 ? Int.max : Int.min) : a + b }
        func raise(_ profile: CapacityProfile, by amount: Int) -> CapacityProfile {
            CapacityProfile(initial: plus(profile.initial, amount), changes: profile.changes.map { .init(from: $0.from, value: plus($0.value, amount)) })
        }
        switch self {
        case .unitCapacity(let id, let value), .unitCapacityIncrease(let id, let value):
            guard let index = result.units.firstIndex(where: { $0.id == id }) else { return nil }
            if case .unitCapacity = self { result.units[index].capacity = .constant(value) } else {
                result.units[index].capacity = raise(result.units[index].capacity, by: value)
            }
        case .resourceCapacity(let id, let value), .resourceCapacityIncrease(let id, let value):
            guard let index = result.resources.firstIndex(where: { $0.id == id }) else { return nil }
            if case .resourceCapacity = self { result.resources[index].capacity = .constant(value) } else {
                result.resources[index].capacity = raise(result.resources[index].capacity, by: value)
            }
        case .durationFactor(let phase, let factor):
            var touched = false
            for s in result.standards.indices {
                for p in result.standards[s].phases.indices where phase == nil || result.standards[s].phases[p].id == phase {
                    let months = result.standards[s].phases[p].months
                    // Clamped before converting, so no factor (1e300, NaN) can trap; callers check the range.
                    let scaled = factor.isFinite && factor > 0 ? min(1e9, (Double(months) * factor).rounded()) : Double(months)
                    result.standards[s].phases[p].months = max(1, Int(scaled))
                    touched = true
                }
            }
            if !touched { return nil }
        case .calendarEveryMonth(let id):
            guard let index = result.calendars.firstIndex(where: { $0.id == id }) else { return nil }
            result.calendars[index].monthsOfYear = Set(1...12)
        case .startDelay(let months):
            let earliest = result.planStart + min(max(0, months), 1_000_000)
            // A delay of zero leaves every standard as it was (no earliest start where there was none).
            for s in result.standards.indices where result.standards[s].status == .planned && months > 0 {
                result.standards[s].earliestStart = max(result.standards[s].earliestStart ?? earliest, earliest)
            }
        }
        return result
    }
}
