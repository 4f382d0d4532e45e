/// How far a backtest calibrates the durations (``Backtest/run(portfolio:plan:status:options:scope:progress:)``).
public enum BacktestCalibrationScope: Hashable, Sendable {
    /// Scores only: no calibration (the result's ``BacktestResult/calibration`` is nil).
    case scoresOnly
    /// One factor for all durations; every phase keeps it.
    case overall
    /// One factor for all durations, then one per phase (`stdplan backtest`).
    case byPhase
}
