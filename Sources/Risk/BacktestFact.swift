import PlanModel

/// One fact of a status file set against the forecast made at the plan start.
public struct BacktestFact: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// What was observed on the status date.
    public var observation: BacktestObservation
    /// Publication month in the plan.
    public var plannedPublication: Month
    /// The forecast's median publication month (nearest rank over the samples).
    public var forecastMedian: Month
    /// Share of samples in which exactly what was observed happened (0 when none did: the log-
    /// likelihood then uses the floor, see ``BacktestScore``).
    public var probabilityObserved: Double
    /// Share of samples in which it is published by the status date.
    public var probabilityPublished: Double
    /// Whether it was in fact published by the status date (the outcome of the Brier score).
    public var published: Bool

    /// Creates a record.
    public init(standard: StandardID, observation: BacktestObservation, plannedPublication: Month, forecastMedian: Month,
                probabilityObserved: Double, probabilityPublished: Double, published: Bool) {
        self.standard = standard
        self.observation = observation
        self.plannedPublication = plannedPublication
        self.forecastMedian = forecastMedian
        self.probabilityObserved = probabilityObserved
        self.probabilityPublished = probabilityPublished
        self.published = published
    }
}
