import PlanModel

/// A fact of the status file that the backtest cannot score, and why.
public struct BacktestUnscored: Hashable, Sendable {
    /// Why a fact is not scored.
    public enum Reason: String, Hashable, Sendable {
        /// The scenario itself already had it published or withdrawn at the plan start: nothing was forecast.
        case knownAtPlanStart = "known_at_plan_start"
        /// Deferred, cancelled or superseded: the forecast models durations, not decisions to defer
        /// or withdraw work, so it gives no probability to them.
        case notForecast = "not_forecast"
    }

    /// The standard.
    public var standard: StandardID
    /// What the status file says.
    public var status: StandardStatus
    /// Why it is not scored.
    public var reason: Reason

    /// Creates a record.
    public init(standard: StandardID, status: StandardStatus, reason: Reason) {
        self.standard = standard
        self.status = status
        self.reason = reason
    }
}
