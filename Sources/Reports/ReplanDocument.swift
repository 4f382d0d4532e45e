import PlanModel
import Risk
import Scheduling

/// The JSON form of a re-plan (`stdplan replan --format json`), documented in docs/risk.md: the
/// re-planned schedule as a plan document, and the slippage of every standard against the
/// baseline plan. Fields are only ever added.
public struct ReplanDocument: Codable, Sendable, Equatable {
    /// One part of a slip.
    public struct ReasonEntry: Codable, Sendable, Equatable {
        /// late_start, behind, longer_phases, longer_phase, published_later, unit_capacity,
        /// resource_capacity, dependency, earliest_start, less_waiting or scheduling_choice.
        public var kind: String
        /// The phase, unit, resource or standard it names (null if none).
        public var subject: String?
        /// Months it adds (negative: earlier).
        public var months: Int
        /// In words.
        public var text: String

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(subject, forKey: .subject)
            try c.encode(months, forKey: .months)
            try c.encode(text, forKey: .text)
        }
    }

    /// One standard's slippage.
    public struct SlippageEntry: Codable, Sendable, Equatable {
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// Urgency, 1–5 stars.
        public var urgency: Int
        /// Target year (null if none).
        public var targetYear: Int?
        /// not_started, in_progress or published, on the status date.
        public var status: String
        /// The phase under way (in_progress); null otherwise.
        public var phase: String?
        /// The month it started (in_progress); null otherwise.
        public var since: String?
        /// Publication month in the baseline plan.
        public var planned: String
        /// Actual publication month, or the re-plan’s.
        public var forecast: String
        /// forecast − planned, in months.
        public var monthsSlipped: Int
        /// Months of the forecast after December of the target year (null without a target).
        public var monthsLate: Int?
        /// The kind of the largest reason when it slipped, else null.
        public var reason: String?
        /// The parts of the slip, largest first; they add up to `months_slipped`.
        public var reasons: [ReasonEntry]

        enum CodingKeys: String, CodingKey {
            case id, name, urgency, status, phase, since, planned, forecast, reason, reasons
            case targetYear = "target_year", monthsSlipped = "months_slipped", monthsLate = "months_late"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(urgency, forKey: .urgency)
            try c.encode(targetYear, forKey: .targetYear)
            try c.encode(status, forKey: .status)
            try c.encode(phase, forKey: .phase)
            try c.encode(since, forKey: .since)
            try c.encode(planned, forKey: .planned)
            try c.encode(forecast, forKey: .forecast)
            try c.encode(monthsSlipped, forKey: .monthsSlipped)
            try c.encode(monthsLate, forKey: .monthsLate)
            try c.encode(reason, forKey: .reason)
            try c.encode(reasons, forKey: .reasons)
        }
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0` (null in older documents).
    public var generator: String?
    /// The scenario's name.
    public var scenario: String
    /// The status date, where the re-plan starts.
    public var asOf: String
    /// Status of the baseline plan the slippage is measured against.
    public var baselineStatus: String
    /// The re-plan, in the shape of `stdplan plan --format json`.
    public var plan: PlanDocument
    /// Every standard open in the scenario, most slipped first.
    public var slippage: [SlippageEntry]

    enum CodingKeys: String, CodingKey {
        case format, generator, scenario, plan, slippage, asOf = "as_of", baselineStatus = "baseline_status"
    }

    /// The document for `replan` of `scenario`.
    public init(scenario: Portfolio, replan: Replan) {
        format = 1
        generator = Generator.name
        self.scenario = scenario.name
        asOf = replan.status.asOf.description
        baselineStatus = replan.baseline.status.rawValue
        plan = PlanDocument(portfolio: replan.portfolio, result: replan.result)
        let text = SlipText(scenario: scenario, slippage: replan.slippage)
        slippage = ReplanReport.ordered(replan.slippage, in: scenario).map { item in
            let standard = scenario.standard(item.standard)
            var status = "not_started"
            var phase: String?
            var since: String?
            switch item.status {
            case .planned: break
            case .inProgress(let current, let month):
                status = "in_progress"
                phase = current.rawValue
                since = month.description
            case .published, .deferred, .cancelled, .superseded:
                status = item.status.key
            }
            return SlippageEntry(
                id: item.standard.rawValue, name: standard?.name ?? item.standard.rawValue, urgency: standard?.urgency ?? 0,
                targetYear: item.targetYear, status: status, phase: phase, since: since, planned: item.planned.description,
                forecast: item.forecast.description, monthsSlipped: item.monthsSlipped, monthsLate: item.monthsLate,
                reason: item.mainReason?.kind,
                reasons: item.contributions.map { ReasonEntry(kind: $0.reason.kind, subject: $0.reason.subject, months: $0.months, text: text.describe($0.reason, standard)) })
        }
    }
}
