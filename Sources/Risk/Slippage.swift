import PlanModel

/// One standard's slippage against the baseline plan: planned and forecast publication, and why.
public struct Slippage: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// Where it stands on the status date.
    public var status: StandardStatus
    /// Publication month in the baseline plan.
    public var planned: Month
    /// Actual publication month, or the re-plan's forecast; nil for work the status cancels or
    /// supersedes (it will not be published).
    public var forecast: Month?
    /// Its target year, if any.
    public var targetYear: Int?
    /// The reasons, largest first; they add up to ``monthsSlipped``.
    public var contributions: [SlipContribution]

    /// Creates a record.
    public init(standard: StandardID, status: StandardStatus, planned: Month, forecast: Month?, targetYear: Int?, contributions: [SlipContribution]) {
        self.standard = standard
        self.status = status
        self.planned = planned
        self.forecast = forecast
        self.targetYear = targetYear
        self.contributions = contributions
    }

    /// True when the status cancels or supersedes it: no forecast, counted apart, never slipped or late.
    public var isWithdrawn: Bool { forecast == nil }

    /// True when the status defers it: its target year no longer counts.
    public var isDeferred: Bool {
        if case .deferred = status { return true }
        return false
    }

    /// Months between planned and forecast publication (negative: earlier than planned); 0 for
    /// withdrawn work, which has no forecast.
    public var monthsSlipped: Int { forecast.map { $0 - planned } ?? 0 }

    /// Months of the forecast after December of the target year (0 when on time); nil without a
    /// target, and for deferred or withdrawn work, whose target no longer counts.
    public var monthsLate: Int? {
        guard let forecast, !isDeferred else { return nil }
        return targetYear.map { max(0, forecast - Month.endOfYear($0)) }
    }

    /// The reason that adds the most months, when it slipped.
    public var mainReason: SlipReason? {
        monthsSlipped > 0 ? contributions.first { $0.months > 0 }?.reason : nil
    }
}
