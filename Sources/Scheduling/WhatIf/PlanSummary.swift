import PlanModel

/// The figures planners compare between scenarios.
public struct PlanSummary: Sendable, Hashable {
    /// Standards with a target year that are published by its end.
    public var onTime: Int
    /// Standards with a target year (published work has none).
    public var withTarget: Int
    /// Months late, summed over standards.
    public var monthsLate: Int
    /// Months late weighted by urgency (the objective's first level).
    public var weightedMonthsLate: Int
    /// The last publication month among open standards.
    public var lastPublication: Month?

    /// The summary of `schedule` for `portfolio`; nil figures when there is no schedule.
    public init?(portfolio: Portfolio, schedule: Schedule?) {
        guard let schedule else { return nil }
        var onTime = 0, withTarget = 0, late = 0, weighted = 0
        var last: Month?
        for standard in portfolio.standards where standard.isOpen {
            guard let entry = schedule.entry(for: standard.id) else { continue }
            last = max(last ?? entry.published, entry.published)
            guard let deadline = standard.deadline else { continue }
            withTarget += 1
            let months = max(0, entry.published - deadline)
            if months == 0 { onTime += 1 }
            late += months
            weighted += months * portfolio.weights.weight(urgency: standard.urgency)
        }
        self.onTime = onTime
        self.withTarget = withTarget
        monthsLate = late
        weightedMonthsLate = weighted
        lastPublication = last
    }
}
