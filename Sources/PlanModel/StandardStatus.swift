/// Where a standard stands when planning starts.
public enum StandardStatus: Hashable, Sendable {
    /// Not started: every phase is to be scheduled.
    case planned
    /// Working on `phase` since `since`: the phases before it are done, and it keeps its start.
    case inProgress(phase: PhaseID, since: Month)
    /// Published in the month given: finished work that others may depend on.
    case published(Month)
    /// Put off (延期) until the month given: not started, and no phase may start before that month.
    /// Its target year no longer counts: a deferred standard is reported apart, never as late.
    case deferred(until: Month)
    /// Cancelled (撤销): no work, no publication; dependencies on it are void.
    case cancelled
    /// Made unnecessary by another standard (`by`: a standard id of the scenario or a published
    /// reference such as JR/T 0271—2023): no work, no publication. Dependencies on it wait for the
    /// superseding standard instead when that one is in the scenario.
    case superseded(by: String)

    /// The key a scenario or status file writes for this status.
    public var key: String {
        switch self {
        case .planned: "planned"
        case .inProgress: "in_progress"
        case .published: "published"
        case .deferred: "deferred"
        case .cancelled: "cancelled"
        case .superseded: "superseded"
        }
    }
}
