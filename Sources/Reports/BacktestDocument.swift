import PlanModel
import Risk
import Scheduling

/// The JSON form of a backtest (`stdplan backtest --format json`), documented in docs/risk.md.
/// Fields are only ever added; absent values are null; probabilities, scores and
/// log-likelihoods are rounded to 4 decimals.
public struct BacktestDocument: Codable, Sendable, Equatable {
    /// One fact against the forecast.
    public struct FactEntry: Codable, Sendable, Equatable {
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// published, in_phase or not_started.
        public var observed: String
        /// The publication month when published, else null.
        public var month: String?
        /// The phase under way when in_phase, else null.
        public var phase: String?
        /// Publication month in the plan.
        public var plannedPublished: String
        /// The forecast's median publication month.
        public var forecastP50: String
        /// Forecast probability of exactly what was observed.
        public var pObserved: Double
        /// Forecast probability that it is published by the status date.
        public var pPublishedByAsOf: Double
        /// Whether it was published by the status date.
        public var published: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, observed, month, phase, published
            case plannedPublished = "planned_published", forecastP50 = "forecast_p50", pObserved = "p_observed", pPublishedByAsOf = "p_published_by_as_of"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(observed, forKey: .observed)
            try c.encode(month, forKey: .month)
            try c.encode(phase, forKey: .phase)
            try c.encode(plannedPublished, forKey: .plannedPublished)
            try c.encode(forecastP50, forKey: .forecastP50)
            try c.encode(pObserved, forKey: .pObserved)
            try c.encode(pPublishedByAsOf, forKey: .pPublishedByAsOf)
            try c.encode(published, forKey: .published)
        }
    }

    /// A fact not scored.
    public struct UnscoredEntry: Codable, Sendable, Equatable {
        /// Its id.
        public var id: String
        /// Its status in the status file.
        public var status: String
        /// known_at_plan_start or not_forecast.
        public var reason: String
    }

    /// The scores.
    public struct ScoreEntry: Codable, Sendable, Equatable {
        /// Facts scored.
        public var facts: Int
        /// Brier score of P(published by the status date).
        public var brier: Double
        /// Σ ln P(observed), a probability of 0 taken as `floor`.
        public var logLikelihood: Double
        /// 1/(2 × samples).
        public var floor: Double
        /// Facts whose probability was 0.
        public var floored: Int
        /// exp(log_likelihood / facts).
        public var geometricMeanProbability: Double

        enum CodingKeys: String, CodingKey {
            case facts, brier, floor, floored, logLikelihood = "log_likelihood", geometricMeanProbability = "geometric_mean_probability"
        }
    }

    /// A calibrated factor: for all durations (phase null) or one phase.
    public struct FactorEntry: Codable, Sendable, Equatable {
        /// The phase id, null for all durations.
        public var phase: String?
        /// The phase's name, null for all durations.
        public var name: String?
        /// The most likely factor.
        public var factor: Double
        /// Smallest factor within 1.92 of the best log-likelihood.
        public var low: Double
        /// Largest such factor.
        public var high: Double
        /// True when `low` is the smallest factor tried (×0.5).
        public var lowOpen: Bool
        /// True when `high` is the largest factor tried (×4).
        public var highOpen: Bool
        /// Log-likelihood at `factor`.
        public var logLikelihood: Double
        /// fits, too_short, too_long or undetermined.
        public var verdict: String
        /// The verdict in words.
        public var text: String

        enum CodingKeys: String, CodingKey {
            case phase, name, factor, low, high, verdict, text
            case lowOpen = "low_open", highOpen = "high_open", logLikelihood = "log_likelihood"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(phase, forKey: .phase)
            try c.encode(name, forKey: .name)
            try c.encode(factor, forKey: .factor)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
            try c.encode(lowOpen, forKey: .lowOpen)
            try c.encode(highOpen, forKey: .highOpen)
            try c.encode(logLikelihood, forKey: .logLikelihood)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(text, forKey: .text)
        }

        init(_ factor: BacktestFactor, phase: String? = nil, name: String? = nil) {
            self.phase = phase
            self.name = name
            self.factor = factor.value
            low = factor.low
            high = factor.high
            lowOpen = factor.lowIsOpen
            highOpen = factor.highIsOpen
            logLikelihood = BacktestDocument.rounded(factor.logLikelihood)
            verdict = factor.verdict.rawValue
            text = factor.verdictText
        }
    }

    /// One point of the log-likelihood curve.
    public struct CurvePoint: Codable, Sendable, Equatable {
        /// The factor applied to all durations.
        public var factor: Double
        /// The log-likelihood of the facts under it.
        public var logLikelihood: Double

        enum CodingKeys: String, CodingKey { case factor, logLikelihood = "log_likelihood" }
    }

    /// The calibration.
    public struct CalibrationEntry: Codable, Sendable, Equatable {
        /// One factor for all durations.
        public var overall: FactorEntry
        /// Log-likelihood at the plan's durations (×1).
        public var logLikelihoodAtPlan: Double
        /// One factor per phase, in life-cycle order.
        public var phases: [FactorEntry]
        /// Log-likelihood with the per-phase factors.
        public var logLikelihoodByPhase: Double
        /// Phases whose factor is not the overall one.
        public var phasesMoved: Int
        /// Whether the per-phase factors beat one factor by more than 1.92 per phase moved
        /// (then they are the calibration to use, and the overlay writes them).
        public var byPhaseIsBetter: Bool
        /// The log-likelihood of every factor tried for all durations, by factor.
        public var curve: [CurvePoint]

        enum CodingKeys: String, CodingKey {
            case overall, phases, curve, logLikelihoodAtPlan = "log_likelihood_at_plan", logLikelihoodByPhase = "log_likelihood_by_phase"
            case phasesMoved = "phases_moved", byPhaseIsBetter = "by_phase_is_better"
        }
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0`.
    public var generator: String?
    /// The scenario's name.
    public var scenario: String
    /// When the forecast was made (the plan start).
    public var planStart: String
    /// When the facts were observed.
    public var asOf: String
    /// Status of the plan the forecast simulates.
    public var planStatus: String
    /// Samples per simulation.
    public var samples: Int
    /// Seed of every simulation.
    public var seed: UInt64
    /// The facts scored, in the status file's order.
    public var facts: [FactEntry]
    /// Facts not scored.
    public var unscored: [UnscoredEntry]
    /// Entries of the status file that are assumptions (not used).
    public var assumptions: Int
    /// The scores (null when no fact could be scored).
    public var score: ScoreEntry?
    /// The calibration (null when no fact could be scored).
    public var calibration: CalibrationEntry?

    enum CodingKeys: String, CodingKey {
        case format, generator, scenario, samples, seed, facts, unscored, assumptions, score, calibration
        case planStart = "plan_start", asOf = "as_of", planStatus = "plan_status"
    }

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
        try c.encode(facts, forKey: .facts)
        try c.encode(unscored, forKey: .unscored)
        try c.encode(assumptions, forKey: .assumptions)
        try c.encode(score, forKey: .score)
        try c.encode(calibration, forKey: .calibration)
    }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The document for `backtest` of `portfolio`'s plan `plan`.
    public init(portfolio: Portfolio, plan: PlanResult, backtest: BacktestResult) {
        format = 1
        generator = Generator.name
        scenario = portfolio.name
        planStart = backtest.planStart.description
        asOf = backtest.asOf.description
        planStatus = plan.status.rawValue
        samples = backtest.samples
        seed = backtest.seed
        facts = backtest.facts.map { fact in
            var observed = "not_started", month: String?, phase: String?
            switch fact.observation {
            case .published(let when): (observed, month) = ("published", when.description)
            case .inPhase(let id): (observed, phase) = ("in_phase", id.rawValue)
            case .notStarted: break
            }
            return FactEntry(id: fact.standard.rawValue, name: portfolio.standard(fact.standard)?.name ?? fact.standard.rawValue, observed: observed,
                             month: month, phase: phase, plannedPublished: fact.plannedPublication.description, forecastP50: fact.forecastMedian.description,
                             pObserved: Self.rounded(fact.probabilityObserved), pPublishedByAsOf: Self.rounded(fact.probabilityPublished), published: fact.published)
        }
        unscored = backtest.unscored.map { UnscoredEntry(id: $0.standard.rawValue, status: $0.status.key, reason: $0.reason.rawValue) }
        assumptions = backtest.assumptions
        score = backtest.score.map {
            ScoreEntry(facts: $0.facts, brier: Self.rounded($0.brier), logLikelihood: Self.rounded($0.logLikelihood), floor: $0.floor,
                       floored: $0.floored, geometricMeanProbability: Self.rounded($0.geometricMeanProbability))
        }
        calibration = backtest.calibration.map { calibration in
            CalibrationEntry(
                overall: FactorEntry(calibration.overall), logLikelihoodAtPlan: Self.rounded(calibration.logLikelihoodAtPlan),
                phases: calibration.phases.map { FactorEntry($0.factor, phase: $0.phase.rawValue, name: $0.name) },
                logLikelihoodByPhase: Self.rounded(calibration.logLikelihoodByPhase), phasesMoved: calibration.phasesMoved,
                byPhaseIsBetter: calibration.byPhaseIsBetter,
                curve: zip(BacktestCalibration.grid, calibration.curve).compactMap { factor, value in
                    value.map { CurvePoint(factor: factor, logLikelihood: Self.rounded($0)) }
                })
        }
    }
}
