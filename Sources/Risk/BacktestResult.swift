import PlanModel

/// The forecast made at the plan start set against the facts of a status file (`stdplan backtest`).
public struct BacktestResult: Hashable, Sendable {
    /// The plan start: when the forecast was made.
    public var planStart: Month
    /// The status date: when the facts were observed.
    public var asOf: Month
    /// Samples per simulation.
    public var samples: Int
    /// The seed of every simulation.
    public var seed: UInt64
    /// Each fact scored, in the status file's order.
    public var facts: [BacktestFact]
    /// Facts that cannot be scored, and why.
    public var unscored: [BacktestUnscored]
    /// Entries of the status file that are assumptions (not facts): not used.
    public var assumptions: Int
    /// The scores of the forecast; nil when no fact could be scored.
    public var score: BacktestScore?
    /// The duration scale under which the facts are most likely; nil when no fact could be scored
    /// (or no calibration was asked for).
    public var calibration: BacktestCalibration?

    /// Creates a result.
    public init(planStart: Month, asOf: Month, samples: Int, seed: UInt64, facts: [BacktestFact], unscored: [BacktestUnscored],
                assumptions: Int, score: BacktestScore?, calibration: BacktestCalibration?) {
        self.planStart = planStart
        self.asOf = asOf
        self.samples = samples
        self.seed = seed
        self.facts = facts
        self.unscored = unscored
        self.assumptions = assumptions
        self.score = score
        self.calibration = calibration
    }
}
