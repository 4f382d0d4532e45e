import PlanModel

/// The slippage risk of one standard over all samples.
public struct StandardRisk: Sendable, Hashable {
    /// The standard.
    public var standard: StandardID
    /// Its urgency (1–5 stars).
    public var urgency: Int
    /// Its target year, if any.
    public var targetYear: Int?
    /// Publication month in the plan.
    public var plannedPublication: Month
    /// Share of samples in which it is published by December of its target year (nil without a target).
    public var probabilityOnTime: Double?
    /// Publication month reached in at least 50 %, 80 % and 90 % of samples (nearest rank).
    public var p50: Month
    /// See ``p50``.
    public var p80: Month
    /// See ``p50``.
    public var p90: Month
    /// Mean months of publication after December of the target year, 0 when on time (nil without a target).
    public var expectedMonthsLate: Double?
    /// Share of samples in which it is late, or lies on the chain of work (phase order,
    /// dependencies, capacity it waits for) that decides the publication of a late standard.
    public var criticality: Double

    /// Creates a record.
    public init(standard: StandardID, urgency: Int, targetYear: Int?, plannedPublication: Month, probabilityOnTime: Double?,
                p50: Month, p80: Month, p90: Month, expectedMonthsLate: Double?, criticality: Double) {
        self.standard = standard
        self.urgency = urgency
        self.targetYear = targetYear
        self.plannedPublication = plannedPublication
        self.probabilityOnTime = probabilityOnTime
        self.p50 = p50
        self.p80 = p80
        self.p90 = p90
        self.expectedMonthsLate = expectedMonthsLate
        self.criticality = criticality
    }
}
