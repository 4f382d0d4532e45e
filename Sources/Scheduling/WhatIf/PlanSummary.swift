import PlanModel

/// The figures planners compare between scenarios.
public struct PlanSummary: Sendable, Hashable {
    /// On-time work and lateness among standards whose targets come from one source.
    public struct Tally: Sendable, Hashable {
        /// Standards with a target from this source that are published by its end.
        public var onTime = 0
        /// Standards with a target from this source.
        public var withTarget = 0
        /// Months late, summed.
        public var monthsLate = 0
        /// Months late weighted by urgency.
        public var weightedMonthsLate = 0

        /// An empty tally.
        public init() {}
    }

    /// Standards with a target year that are published by its end.
    public var onTime: Int
    /// Standards with a target year (published, deferred and withdrawn work has none).
    public var withTarget: Int
    /// Months late, summed over standards.
    public var monthsLate: Int
    /// Months late weighted by urgency (the objective's first level).
    public var weightedMonthsLate: Int
    /// The last publication month among open standards.
    public var lastPublication: Month?
    /// The same figures for targets the programme's plan states and for targets the scenario
    /// assumes, apart, so an assumed target is never reported as if the plan had set it.
    public var bySource: [TargetSource: Tally]
    /// Standards deferred to a later month (planned, counted apart, never late).
    public var deferred: Int
    /// Standards cancelled or superseded (not planned at all).
    public var withdrawn: Int

    /// The summary of `schedule` for `portfolio`; nil figures when there is no schedule.
    public init?(portfolio: Portfolio, schedule: Schedule?) {
        guard let schedule else { return nil }
        var total = Tally()
        var bySource: [TargetSource: Tally] = [:]
        var last: Month?
        for standard in portfolio.standards where standard.isOpen {
            guard let entry = schedule.entry(for: standard.id) else { continue }
            last = max(last ?? entry.published, entry.published)
            guard let deadline = standard.deadline else { continue }
            let months = max(0, entry.published - deadline)
            let weighted = months * portfolio.weights.weight(urgency: standard.urgency)
            for key in [nil, standard.targetSource] as [TargetSource?] {
                var tally = key.map { bySource[$0] ?? Tally() } ?? total
                tally.withTarget += 1
                if months == 0 { tally.onTime += 1 }
                tally.monthsLate += months
                tally.weightedMonthsLate += weighted
                if let key { bySource[key] = tally } else { total = tally }
            }
        }
        onTime = total.onTime
        withTarget = total.withTarget
        monthsLate = total.monthsLate
        weightedMonthsLate = total.weightedMonthsLate
        lastPublication = last
        self.bySource = bySource
        deferred = portfolio.standards.filter(\.isDeferred).count
        withdrawn = portfolio.standards.filter(\.isWithdrawn).count
    }
}
