import PlanModel

/// One standard's slippage against the baseline plan: planned and forecast publication, and why.
public struct Slippage: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// Where it stands on the status date.
    public var status: StandardStatus
    /// Publication month in the baseline plan.
    public var planned: Month
    /// Actual publication month, or the re-plan's forecast.
    public var forecast: Month
    /// Its target year, if any.
    public var targetYear: Int?
    /// The reasons, largest first; they add up to ``monthsSlipped``.
    public var contributions: [SlipContribution]

    /// Creates a record.
    public init(standard: StandardID, status: StandardStatus, planned: Month, forecast: Month, targetYear: Int?, contributions: [SlipContribution]) {
        self.standard = standard
        self.status = status
        self.planned = planned
        self.forecast = forecast
        self.targetYear = targetYear
        self.contributions = contributions
    }

    /// Months between planned and forecast publication (negative: earlier than planned).
    public var monthsSlipped: Int { forecast - planned }

    /// Months of the forecast after December of the target year (0 when on time; nil without a target).
    public var monthsLate: Int? { targetYear.map { max(0, forecast - Month.endOfYear($0)) } }

    /// The reason that adds the most months, when it slipped.
    public var mainReason: SlipReason? {
        monthsSlipped > 0 ? contributions.first { $0.months > 0 }?.reason : nil
    }
}
