import PlanModel

/// What a fact of a status file observed about one standard on the status date, as the backtest
/// scores it: the event at the resolution of the status file (docs/risk.md, "Backtest").
public enum BacktestObservation: Hashable, Sendable {
    /// Published in this month (not earlier, not later).
    case published(Month)
    /// Working on this phase in the status month: it has started it and not yet the next one.
    case inPhase(PhaseID)
    /// No phase started by the status month.
    case notStarted
}
