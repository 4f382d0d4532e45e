import PlanModel
import Risk
import Scheduling

/// The JSON form of a risk analysis (`stdplan risk --format json`), documented in docs/risk.md.
/// Stable like the plan document: fields are only ever added. Probabilities and means are
/// rounded to 4 decimals, so the bytes do not hang on the last bits of a sum.
public struct RiskDocument: Codable, Sendable, Equatable {
    /// One standard's figures.
    public struct StandardEntry: Codable, Sendable, Equatable {
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// Urgency, 1–5 stars.
        public var urgency: Int
        /// Target year (null if none).
        public var targetYear: Int?
        /// Publication month in the plan.
        public var plannedPublished: String
        /// Share of samples published by December of the target year (null without a target).
        public var pOnTime: Double?
        /// Month by which at least 50 % of samples have published.
        public var p50: String
        /// Month by which at least 80 % of samples have published.
        public var p80: String
        /// Month by which at least 90 % of samples have published.
        public var p90: String
        /// Mean months late (null without a target).
        public var expectedMonthsLate: Double?
        /// Share of samples in which it is late or on the chain that decides a late publication.
        public var criticality: Double
    }

    /// The portfolio's figures.
    public struct PortfolioEntry: Codable, Sendable, Equatable {
        /// Open standards with a target year.
        public var standardsWithTarget: Int
        /// How many of them the plan publishes on time.
        public var plannedOnTime: Int
        /// 10th percentile of the number on time (reached in 90 % of samples).
        public var onTimeP10: Int
        /// Median number on time.
        public var onTimeP50: Int
        /// 90th percentile of the number on time.
        public var onTimeP90: Int
        /// Mean number on time.
        public var onTimeMean: Double
        /// `on_time_counts[n]`: samples with exactly n standards on time.
        public var onTimeCounts: [Int]
        /// Open urgency-5 standards with a target year.
        public var urgentStandards: Int
        /// Share of samples in which all of them are on time (null when there are none).
        public var pAllUrgentOnTime: Double?
        /// Urgency-weighted months late in the plan.
        public var plannedWeightedMonthsLate: Int
        /// Mean urgency-weighted months late over the samples.
        public var expectedWeightedMonthsLate: Double
    }

    /// One bar of the tornado.
    public struct DriverEntry: Codable, Sendable, Equatable {
        /// phase, unit, category or standard.
        public var kind: String
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// Uncertain phases it covers.
        public var phases: Int
        /// Mean urgency-weighted months late in the tenth of samples where it ran fastest.
        public var fast: Double
        /// The same in the tenth where it ran slowest.
        public var slow: Double
        /// `slow − fast`.
        public var swing: Double
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0` (null in older documents).
    public var generator: String?
    /// The scenario's name.
    public var scenario: String
    /// First month of the simulated plan (the status date with a status).
    public var planStart: String
    /// The status date when the analysis starts from a status file, else null.
    public var asOf: String?
    /// Status of the deterministic plan that is simulated.
    public var planStatus: String
    /// Samples drawn.
    public var samples: Int
    /// The seed of the draws.
    public var seed: UInt64
    /// Phases with uncertain durations.
    public var uncertainPhases: Int
    /// The simulated policy, in words.
    public var policy: String
    /// Per standard open at the plan start, in scenario order.
    public var standards: [StandardEntry]
    /// The portfolio figures.
    public var portfolio: PortfolioEntry
    /// The tornado, largest swing first.
    public var sensitivity: [DriverEntry]

    enum CodingKeys: String, CodingKey {
        case format, generator, scenario, planStart = "plan_start", asOf = "as_of", planStatus = "plan_status", samples, seed
        case uncertainPhases = "uncertain_phases", policy, standards, portfolio, sensitivity
    }

    // Absent values are written as null rather than left out, so every key is always there.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(generator, forKey: .generator)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(planStart, forKey: .planStart)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(planStatus, forKey: .planStatus)
        try c.encode(samples, forKey: .samples)
        try c.encode(seed, forKey: .seed)
        try c.encode(uncertainPhases, forKey: .uncertainPhases)
        try c.encode(policy, forKey: .policy)
        try c.encode(standards, forKey: .standards)
        try c.encode(portfolio, forKey: .portfolio)
        try c.encode(sensitivity, forKey: .sensitivity)
    }

    /// The policy every risk figure assumes.
    public static let policy = "the plan's lead units and order are kept; no standard starts before its planned start; "
        + "every other phase starts as soon as its previous phase, its dependencies and the capacity of its unit and the shared resources allow"

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The document for `risk`, a simulation of `plan` (a result with a schedule) of `portfolio`.
    public init(portfolio: Portfolio, plan: PlanResult, risk: RiskResult, asOf: Month?) {
        format = 1
        generator = Generator.name
        scenario = portfolio.name
        planStart = portfolio.planStart.description
        self.asOf = asOf?.description
        planStatus = plan.status.rawValue
        samples = risk.samples
        seed = risk.seed
        uncertainPhases = risk.uncertainPhases
        policy = Self.policy
        standards = risk.standards.map { item in
            StandardEntry(
                id: item.standard.rawValue, name: portfolio.standard(item.standard)?.name ?? item.standard.rawValue, urgency: item.urgency,
                targetYear: item.targetYear, plannedPublished: item.plannedPublication.description,
                pOnTime: item.probabilityOnTime.map(Self.rounded), p50: item.p50.description, p80: item.p80.description, p90: item.p90.description,
                expectedMonthsLate: item.expectedMonthsLate.map(Self.rounded), criticality: Self.rounded(item.criticality))
        }
        let p = risk.portfolio
        self.portfolio = PortfolioEntry(
            standardsWithTarget: p.standardsWithTarget, plannedOnTime: p.plannedOnTime, onTimeP10: p.onTimeP10, onTimeP50: p.onTimeP50,
            onTimeP90: p.onTimeP90, onTimeMean: Self.rounded(p.onTimeMean), onTimeCounts: p.onTimeCounts, urgentStandards: p.urgentStandards,
            pAllUrgentOnTime: p.probabilityAllUrgentOnTime.map(Self.rounded), plannedWeightedMonthsLate: p.plannedWeightedMonthsLate,
            expectedWeightedMonthsLate: Self.rounded(p.expectedWeightedMonthsLate))
        sensitivity = risk.sensitivity.map { bar in
            DriverEntry(kind: bar.kind.rawValue, id: bar.id, name: bar.name, phases: bar.phases, fast: Self.rounded(bar.fastLateness),
                        slow: Self.rounded(bar.slowLateness), swing: Self.rounded(bar.swing))
        }
    }
}

extension RiskDocument.StandardEntry {
    enum CodingKeys: String, CodingKey {
        case id, name, urgency, targetYear = "target_year", plannedPublished = "planned_published", pOnTime = "p_on_time"
        case p50, p80, p90, expectedMonthsLate = "expected_months_late", criticality
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(urgency, forKey: .urgency)
        try c.encode(targetYear, forKey: .targetYear)
        try c.encode(plannedPublished, forKey: .plannedPublished)
        try c.encode(pOnTime, forKey: .pOnTime)
        try c.encode(p50, forKey: .p50)
        try c.encode(p80, forKey: .p80)
        try c.encode(p90, forKey: .p90)
        try c.encode(expectedMonthsLate, forKey: .expectedMonthsLate)
        try c.encode(criticality, forKey: .criticality)
    }
}

extension RiskDocument.PortfolioEntry {
    enum CodingKeys: String, CodingKey {
        case standardsWithTarget = "standards_with_target", plannedOnTime = "planned_on_time", onTimeP10 = "on_time_p10"
        case onTimeP50 = "on_time_p50", onTimeP90 = "on_time_p90", onTimeMean = "on_time_mean", onTimeCounts = "on_time_counts"
        case urgentStandards = "urgent_standards", pAllUrgentOnTime = "p_all_urgent_on_time"
        case plannedWeightedMonthsLate = "planned_weighted_months_late", expectedWeightedMonthsLate = "expected_weighted_months_late"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(standardsWithTarget, forKey: .standardsWithTarget)
        try c.encode(plannedOnTime, forKey: .plannedOnTime)
        try c.encode(onTimeP10, forKey: .onTimeP10)
        try c.encode(onTimeP50, forKey: .onTimeP50)
        try c.encode(onTimeP90, forKey: .onTimeP90)
        try c.encode(onTimeMean, forKey: .onTimeMean)
        try c.encode(onTimeCounts, forKey: .onTimeCounts)
        try c.encode(urgentStandards, forKey: .urgentStandards)
        try c.encode(pAllUrgentOnTime, forKey: .pAllUrgentOnTime)
        try c.encode(plannedWeightedMonthsLate, forKey: .plannedWeightedMonthsLate)
        try c.encode(expectedWeightedMonthsLate, forKey: .expectedWeightedMonthsLate)
    }
}
