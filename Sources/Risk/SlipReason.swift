import PlanModel

/// Why a standard's forecast publication differs from the baseline plan's.
public enum SlipReason: Hashable, Sendable {
    /// It started, or can start, later than planned (e.g. not started by the status date).
    case lateStart
    /// It was deferred (延期) until the month given: the months from its planned start to the end
    /// of the deferral.
    case deferred(until: Month)
    /// It reached `phase` later than planned; the status does not say whether it started late
    /// or earlier phases took longer.
    case behind(reaching: PhaseID)
    /// The phases from `from` through `through` together took longer than planned (it was
    /// already under way, so its start was on plan).
    case longerPhases(from: PhaseID, through: PhaseID)
    /// This phase takes longer than planned (a phase under way has run past its planned months).
    case longerPhase(PhaseID)
    /// Published later than planned; the status gives no dates of its phases.
    case publishedLater
    /// A phase waits for a lead unit's capacity.
    case unitCapacity(UnitID)
    /// A phase waits for a shared resource's capacity (e.g. the working group's reviews).
    case resourceCapacity(ResourceID)
    /// A phase waits for another standard (a dependency) that finishes later than planned.
    case dependency(StandardID)
    /// A phase waits for its earliest start.
    case earliestStart
    /// A phase waits for a month its calendar allows (e.g. the regulator's next publication batch).
    case calendar(CalendarID)
    /// Less waiting between phases than the plan had (negative: it catches up).
    case lessWaiting
    /// The re-plan publishes later than its phases force: the optimizer had no reason to
    /// publish earlier (e.g. it stopped at a time limit).
    case schedulingChoice

    /// A stable key for sorting and for machine-readable output.
    public var kind: String {
        switch self {
        case .lateStart: "late_start"
        case .deferred: "deferred"
        case .behind: "behind"
        case .longerPhases: "longer_phases"
        case .longerPhase: "longer_phase"
        case .publishedLater: "published_later"
        case .unitCapacity: "unit_capacity"
        case .resourceCapacity: "resource_capacity"
        case .dependency: "dependency"
        case .earliestStart: "earliest_start"
        case .calendar: "calendar"
        case .lessWaiting: "less_waiting"
        case .schedulingChoice: "scheduling_choice"
        }
    }

    /// The phase, unit, resource or standard the reason names, if any.
    public var subject: String? {
        switch self {
        case .behind(let phase), .longerPhase(let phase): phase.rawValue
        case .longerPhases(let from, let through): from == through ? from.rawValue : "\(from.rawValue)..\(through.rawValue)"
        case .unitCapacity(let unit): unit.rawValue
        case .resourceCapacity(let resource): resource.rawValue
        case .dependency(let standard): standard.rawValue
        case .calendar(let calendar): calendar.rawValue
        case .deferred(let until): until.description
        case .lateStart, .publishedLater, .earliestStart, .lessWaiting, .schedulingChoice: nil
        }
    }
}
