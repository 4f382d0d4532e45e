/// "`successor` (or its phase) may start only after `predecessor` (or its phase) has finished,
/// plus `lag` months."
///
/// With months inclusive, a successor may start at the earliest in the month
/// `finish(predecessor) + 1 + lag`.
public struct Dependency: Hashable, Sendable {
    /// The standard that must finish (or reach a phase) first.
    public var predecessor: StandardID
    /// The predecessor's phase whose finish counts; nil means its publication.
    public var predecessorPhase: PhaseID?
    /// The standard that waits.
    public var successor: StandardID
    /// The successor's phase that waits; nil means its first phase.
    public var successorPhase: PhaseID?
    /// Months to wait beyond the finish (zero or more).
    public var lag: Int

    /// Creates a dependency.
    public init(
        predecessor: StandardID, predecessorPhase: PhaseID? = nil, successor: StandardID,
        successorPhase: PhaseID? = nil, lag: Int = 0
    ) {
        self.predecessor = predecessor
        self.predecessorPhase = predecessorPhase
        self.successor = successor
        self.successorPhase = successorPhase
        self.lag = lag
    }
}
