import PlanModel

/// The calibrated duration factor of one life-cycle phase, the others held at theirs.
public struct BacktestPhaseFactor: Hashable, Sendable {
    /// The phase.
    public var phase: PhaseID
    /// Its name.
    public var name: String
    /// The factor and its range.
    public var factor: BacktestFactor

    /// Creates a record.
    public init(phase: PhaseID, name: String, factor: BacktestFactor) {
        self.phase = phase
        self.name = name
        self.factor = factor
    }
}
