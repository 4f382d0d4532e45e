import PlanModel
import Scheduling

/// How good was the forecast? `stdplan backtest` (docs/risk.md, "Backtest"): the risk simulation
/// of the plan, as it would have been run at the plan start, scored against the entries of a
/// status file marked `source: fact` — per fact the probability the forecast gave to what was
/// observed, the Brier score and the log-likelihood — and the duration scale (one factor, then
/// one per phase) under which those facts would have been most likely.
public enum Backtest {
    /// Backtests `plan` (the schedule `Planner.plan` made for `portfolio`, the scenario as it
    /// stood at its plan start) against the facts of `status`, calibrating as far as `scope` says.
    /// `progress` is called with (simulations done, simulations expected).
    public static func run(
        portfolio: Portfolio, plan: Schedule, status: StatusSnapshot, options: RiskOptions = RiskOptions(),
        scope: BacktestCalibrationScope = .byPhase,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(RiskError) -> BacktestResult {
        try run(compiled: PlanningProblem(portfolio), plan: plan, status: status, options: options, scope: scope, progress: progress)
    }

    /// Backtests `plan` over `compiled`, the compilation of its portfolio the planner solved
    /// (``PlanResult/compilation``), so the portfolio is not compiled again; as
    /// ``run(portfolio:plan:status:options:scope:progress:)`` otherwise.
    package static func run(
        compiled: PlanningProblem, plan: Schedule, status: StatusSnapshot, options: RiskOptions = RiskOptions(),
        scope: BacktestCalibrationScope = .byPhase,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(RiskError) -> BacktestResult {
        let portfolio = compiled.portfolio
        guard (1...RiskOptions.maximumSamples).contains(options.samples) else {
            throw .invalidOption(name: "samples", reason: "\(options.samples) is out of range; use 1 to \(RiskOptions.maximumSamples)")
        }
        guard options.threads >= 1 else { throw .invalidOption(name: "threads", reason: "\(options.threads) is out of range; use at least 1") }
        guard status.asOf >= portfolio.planStart else {
            throw .invalidOption(name: "status", reason: "its date \(status.asOf) is before the plan start \(portfolio.planStart)")
        }
        var facts: [BacktestSampler.Fact] = []
        var unscored: [BacktestUnscored] = []
        for entry in status.entries where entry.source == .fact {
            guard let standard = portfolio.standard(entry.standard), standard.firstOpenPhaseIndex != nil else {
                unscored.append(BacktestUnscored(standard: entry.standard, status: entry.status, reason: .knownAtPlanStart))
                continue
            }
            switch entry.status {
            case .published(let month): facts.append(.init(standard: entry.standard, observation: .published(month)))
            case .inProgress(let phase, _): facts.append(.init(standard: entry.standard, observation: .inPhase(phase)))
            case .planned: facts.append(.init(standard: entry.standard, observation: .notStarted))
            case .deferred, .cancelled, .superseded: unscored.append(BacktestUnscored(standard: entry.standard, status: entry.status, reason: .notForecast))
            }
        }
        let assumptions = status.entries.count { $0.source == .assumption }
        guard !facts.isEmpty else {
            return BacktestResult(planStart: portfolio.planStart, asOf: status.asOf, samples: options.samples, seed: options.seed, facts: [],
                                  unscored: unscored, assumptions: assumptions, score: nil, calibration: nil)
        }
        let sampler = BacktestSampler(compiled: compiled, plan: plan, asOf: status.asOf, facts: facts, options: options)
        var calibrator = BacktestCalibrator(sampler: sampler, phases: phases(of: portfolio), progress: progress)
        let forecast = try sampler.tally(BacktestScaling(), recordPublications: true)
        let outcomes = facts.map { fact -> Bool in
            if case .published = fact.observation { return true }
            return false
        }
        let score = BacktestScore.score(observed: forecast.observed, published: forecast.published, outcomes: outcomes, samples: forecast.count)
        var scored: [BacktestFact] = []
        for (i, fact) in facts.enumerated() {
            let median = RiskAggregation.percentile(forecast.publications[i].sorted(), tenths: 5)
            scored.append(BacktestFact(
                standard: fact.standard, observation: fact.observation,
                plannedPublication: plan.entry(for: fact.standard)?.published ?? portfolio.planStart,
                forecastMedian: portfolio.planStart + Int(median),
                probabilityObserved: Double(forecast.observed[i]) / Double(forecast.count),
                probabilityPublished: Double(forecast.published[i]) / Double(forecast.count), published: outcomes[i]))
        }
        let calibration = scope == .scoresOnly ? nil : try calibrator.calibrate(byPhase: scope == .byPhase)
        return BacktestResult(planStart: portfolio.planStart, asOf: status.asOf, samples: options.samples, seed: options.seed, facts: scored,
                              unscored: unscored, assumptions: assumptions, score: score, calibration: calibration)
    }

    /// The phases of the work open at the plan start, in life-cycle order (the order of the
    /// longest life cycle, then any others as first met), each with its first name.
    static func phases(of portfolio: Portfolio) -> [(id: PhaseID, name: String)] {
        let open = portfolio.standards.filter { $0.firstOpenPhaseIndex != nil }
        var list: [(id: PhaseID, name: String)] = []
        let longest = open.max { $0.phases.count < $1.phases.count }
        for standard in (longest.map { [$0] } ?? []) + open {
            for phase in standard.phases where !list.contains(where: { $0.id == phase.id }) { list.append((phase.id, phase.name)) }
        }
        return list
    }
}
