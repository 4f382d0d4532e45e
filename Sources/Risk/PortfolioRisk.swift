/// Slippage risk of the portfolio as a whole.
public struct PortfolioRisk: Sendable, Hashable {
    /// Open standards with a target year.
    public var standardsWithTarget: Int
    /// How many of them the plan publishes on time.
    public var plannedOnTime: Int
    /// Number of on-time standards reached or exceeded in 90 %, 50 % and 10 % of samples:
    /// the 10th, 50th and 90th percentiles of its distribution (nearest rank).
    public var onTimeP10: Int
    /// See ``onTimeP10``.
    public var onTimeP50: Int
    /// See ``onTimeP10``.
    public var onTimeP90: Int
    /// Mean number of on-time standards.
    public var onTimeMean: Double
    /// `onTimeCounts[n]`: samples in which exactly n standards are on time.
    public var onTimeCounts: [Int]
    /// Open urgency-5 standards with a target year.
    public var urgentStandards: Int
    /// Share of samples in which all of them are on time (nil when there are none).
    public var probabilityAllUrgentOnTime: Double?
    /// Urgency-weighted months late in the plan (the lateness the optimizer minimised).
    public var plannedWeightedMonthsLate: Int
    /// Its mean over the samples.
    public var expectedWeightedMonthsLate: Double

    /// Creates a record.
    public init(standardsWithTarget: Int, plannedOnTime: Int, onTimeP10: Int, onTimeP50: Int, onTimeP90: Int, onTimeMean: Double,
                onTimeCounts: [Int], urgentStandards: Int, probabilityAllUrgentOnTime: Double?, plannedWeightedMonthsLate: Int,
                expectedWeightedMonthsLate: Double) {
        self.standardsWithTarget = standardsWithTarget
        self.plannedOnTime = plannedOnTime
        self.onTimeP10 = onTimeP10
        self.onTimeP50 = onTimeP50
        self.onTimeP90 = onTimeP90
        self.onTimeMean = onTimeMean
        self.onTimeCounts = onTimeCounts
        self.urgentStandards = urgentStandards
        self.probabilityAllUrgentOnTime = probabilityAllUrgentOnTime
        self.plannedWeightedMonthsLate = plannedWeightedMonthsLate
        self.expectedWeightedMonthsLate = expectedWeightedMonthsLate
    }
}
