import PlanModel
import Scheduling

extension PlanDocument {
    /// The plan's headline figures (``PlanSummary``), as `stdplan plan` prints them in words.
    public struct SummaryEntry: Codable, Sendable, Equatable {
        /// Open standards with a target year published by its end.
        public var onTime: Int
        /// Open standards with a target year (deferred and withdrawn work has none).
        public var withTarget: Int
        /// Months late, summed over standards.
        public var monthsLate: Int
        /// Months late, each times its urgency weight: the objective's first level.
        public var weightedMonthsLate: Int
        /// The last open standard's publication month, YYYY-MM.
        public var lastPublication: String?
        /// The same four figures for the targets the programme's plan states (`plan`) and for those
        /// the scenario assumes (`assumed`), every source present (zeros when it has no target).
        public var byTargetSource: [String: TallyEntry]
        /// Standards deferred to a later month: planned from then on, never counted late.
        public var deferred: Int
        /// Standards cancelled or superseded: not planned.
        public var withdrawn: Int

        enum CodingKeys: String, CodingKey {
            case deferred, withdrawn
            case onTime = "on_time", withTarget = "with_target", monthsLate = "months_late"
            case weightedMonthsLate = "weighted_months_late", lastPublication = "last_publication", byTargetSource = "by_target_source"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(onTime, forKey: .onTime)
            try c.encode(withTarget, forKey: .withTarget)
            try c.encode(monthsLate, forKey: .monthsLate)
            try c.encode(weightedMonthsLate, forKey: .weightedMonthsLate)
            try c.encode(lastPublication, forKey: .lastPublication)
            try c.encode(byTargetSource, forKey: .byTargetSource)
            try c.encode(deferred, forKey: .deferred)
            try c.encode(withdrawn, forKey: .withdrawn)
        }

        /// The entry of `summary`.
        init(_ summary: PlanSummary) {
            onTime = summary.onTime
            withTarget = summary.withTarget
            monthsLate = summary.monthsLate
            weightedMonthsLate = summary.weightedMonthsLate
            lastPublication = summary.lastPublication?.description
            byTargetSource = Dictionary(uniqueKeysWithValues: TargetSource.allCases.map { ($0.rawValue, TallyEntry(summary.bySource[$0] ?? .init())) })
            deferred = summary.deferred
            withdrawn = summary.withdrawn
        }
    }

    /// On-time work and lateness among the standards whose targets come from one source.
    public struct TallyEntry: Codable, Sendable, Equatable {
        /// Published by the end of the target year.
        public var onTime: Int
        /// With a target from this source.
        public var withTarget: Int
        /// Months late, summed.
        public var monthsLate: Int
        /// Months late weighted by urgency, summed.
        public var weightedMonthsLate: Int

        enum CodingKeys: String, CodingKey {
            case onTime = "on_time", withTarget = "with_target", monthsLate = "months_late", weightedMonthsLate = "weighted_months_late"
        }

        /// The entry of `tally`.
        init(_ tally: PlanSummary.Tally) {
            onTime = tally.onTime
            withTarget = tally.withTarget
            monthsLate = tally.monthsLate
            weightedMonthsLate = tally.weightedMonthsLate
        }
    }

    /// One level of the staged objective (``PlanLevel``): lateness first, then the next, each
    /// minimised with the ones before held at their optimum.
    public struct LevelEntry: Codable, Sendable, Equatable {
        /// `lateness`, `completion`, `stability` or `weighted` (see docs/json-output.md).
        public var name: String
        /// The plan's value on this level; null without a schedule.
        public var value: Int?
        /// The best proven lower bound on this level, given the levels before it; null when the search did not reach it.
        public var bound: Double?
        /// True when `value` is proven the least possible on this level.
        public var proven: Bool

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(value, forKey: .value)
            try c.encode(bound, forKey: .bound)
            try c.encode(proven, forKey: .proven)
        }

        /// The entry of `level`, its bound rounded to 3 decimals as the document's `bound` is.
        init(_ level: PlanLevel) {
            name = level.name
            value = level.value
            bound = level.bound.map { ($0 * 1000).rounded() / 1000 }
            proven = level.proven
        }
    }
}
