/// Where a standard stands when planning starts.
public enum StandardStatus: Hashable, Sendable {
    /// Not started: every phase is to be scheduled.
    case planned
    /// Working on `phase` since `since`: the phases before it are done, and it keeps its start.
    case inProgress(phase: PhaseID, since: Month)
    /// Published in the month given: finished work that others may depend on.
    case published(Month)
}
