import Foundation
import PlanModel
@testable import Risk
import Scheduling
import Testing

/// The backtest: scores worked out by hand, and a synthetic programme whose true durations are
/// known (the plan re-timed with every duration ×1.6) from which the calibration must recover
/// the scale.
@Suite("Backtest of a forecast against facts")
struct BacktestTests {
    // MARK: scores by hand

    /// Three facts out of 100 samples: published in its month in 20 (published by the status
    /// date in 90, and it was); in its phase in 50 (published in 10, it was not); not started in
    /// none (the floor, ½ of a sample; published in none, it was not).
    /// Brier = ((0.9 − 1)² + (0.1 − 0)² + 0²) / 3 = 0.02 / 3; log-likelihood = ln 0.2 + ln 0.5 + ln 0.005.
    @Test("Brier score and log-likelihood from counts, with the floor for a fact no sample saw")
    func scoreByHand() {
        let score = BacktestScore.score(observed: [20, 50, 0], published: [90, 10, 0], outcomes: [true, false, false], samples: 100)
        #expect(abs(score.brier - 0.02 / 3) < 1e-15)
        #expect(abs(score.logLikelihood - (log(0.2) + log(0.5) + log(0.005))) < 1e-12)
        #expect(score.floor == 0.005)
        #expect(score.floored == 1)
        #expect(abs(score.geometricMeanProbability - pow(0.2 * 0.5 * 0.005, 1.0 / 3)) < 1e-12)
    }

    /// Standards `a` and `b`: `work` triangular(0.5, 2, 3.5), rounded to 1, 2 or 3 months with
    /// P = F(1.5) = 1/4.5 = 2/9, 5/9 and 2/9; then `publish`, 1 month. Both start 2022-01 on
    /// units of their own, so each is published in 2022-02, -03 or -04 with P 2/9, 5/9, 2/9.
    /// `c` may not start before 2022-06. As of 2022-03: `a` was published 2022-03 (P = 5/9;
    /// published by then 7/9, and it was), `b` was still in `work` (its work took 3 months:
    /// P = 2/9; published by then 7/9, it was not), `c` had not started (P = 1; published 0).
    /// Brier = ((7/9 − 1)² + (7/9)² + 0) / 3 = 53/243; log-likelihood = ln 5/9 + ln 2/9.
    static func tiny() -> (Portfolio, StatusSnapshot) {
        let phases = [RiskFixtures.phase("work", months: 2), RiskFixtures.phase("publish", months: 1, load: 0)]
        var later = RiskFixtures.standard("c", units: ["w"], phases: phases)
        later.earliestStart = Month(year: 2022, month: 6)
        let portfolio = RiskFixtures.portfolio(
            [RiskFixtures.standard("a", units: ["u"], phases: phases), RiskFixtures.standard("b", units: ["v"], phases: phases), later],
            units: ["u", "v", "w"].map { RiskFixtures.unit($0, capacity: 1) }, horizon: Month(year: 2023, month: 12),
            uncertainty: RiskFixtures.uncertainty(["work": ThreePointEstimate(optimistic: 0.5, pessimistic: 3.5, distribution: .triangular)]))
        let status = StatusSnapshot(asOf: Month(year: 2022, month: 3), entries: [
            StatusEntry(standard: "a", status: .published(Month(year: 2022, month: 3)), source: .fact),
            StatusEntry(standard: "b", status: .inProgress(phase: "work", since: Month(year: 2022, month: 1)), source: .fact),
            StatusEntry(standard: "c", status: .planned, source: .fact),
        ])
        return (portfolio, status)
    }

    @Test("a tiny forecast scored against hand-computed probabilities")
    func tinyByHand() throws {
        let (portfolio, status) = Self.tiny()
        let (_, plan) = try RiskFixtures.plan(portfolio)
        let samples = 20_000
        let result = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: samples, seed: 3, threads: 2), scope: .scoresOnly)
        let facts = Dictionary(uniqueKeysWithValues: result.facts.map { ($0.standard, $0) })
        let a = try #require(facts["a"]), b = try #require(facts["b"]), c = try #require(facts["c"])
        #expect(a.observation == .published(Month(year: 2022, month: 3)) && b.observation == .inPhase("work") && c.observation == .notStarted)
        #expect(RiskFixtures.withinSamplingError(a.probabilityObserved, of: 5.0 / 9, samples: samples))
        #expect(RiskFixtures.withinSamplingError(b.probabilityObserved, of: 2.0 / 9, samples: samples))
        #expect(c.probabilityObserved == 1 && c.probabilityPublished == 0)
        #expect(RiskFixtures.withinSamplingError(a.probabilityPublished, of: 7.0 / 9, samples: samples))
        #expect(RiskFixtures.withinSamplingError(b.probabilityPublished, of: 7.0 / 9, samples: samples))
        #expect(a.published && !b.published && !c.published)
        #expect(a.forecastMedian == Month(year: 2022, month: 3) && a.plannedPublication == Month(year: 2022, month: 3))
        let score = try #require(result.score)
        // Four standard errors of each probability move the Brier score by less than 0.01 and
        // the log-likelihood by less than 0.06.
        #expect(abs(score.brier - 53.0 / 243) < 0.01, "\(score.brier)")
        #expect(abs(score.logLikelihood - (log(5.0 / 9) + log(2.0 / 9))) < 0.06, "\(score.logLikelihood)")
        #expect(score.floored == 0 && result.assumptions == 0 && result.unscored.isEmpty)
    }

    @Test("a fact no sample saw costs exactly ln 1/(2N); assumptions and withdrawn facts are not scored")
    func floorAndUnscored() throws {
        var (portfolio, status) = Self.tiny()
        portfolio.uncertainty = nil  // every sample is the plan: a and b published 2022-03
        status.entries[1] = StatusEntry(standard: "b", status: .published(Month(year: 2022, month: 2)), source: .fact)
        status.entries[2].source = .assumption
        status.entries.append(StatusEntry(standard: "a", status: .cancelled, source: .fact))
        let (_, plan) = try RiskFixtures.plan(portfolio)
        let result = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 40, seed: 1, threads: 1))
        let score = try #require(result.score)
        #expect(result.facts.map(\.probabilityObserved) == [1, 0])
        #expect(score.logLikelihood == log(1.0 / 80))
        #expect(score.floored == 1)
        #expect(score.brier == 0)  // both published by 2022-03, as the plan says
        #expect(result.assumptions == 1)
        #expect(result.unscored == [BacktestUnscored(standard: "a", status: .cancelled, reason: .notForecast)])
        // Without uncertainty the durations cannot explain 2022-02 at any scale that keeps a's
        // month: no factor is better than another by chance alone.
        let calibration = try #require(result.calibration)
        #expect(calibration.curve.count == BacktestCalibration.grid.count)
    }

    @Test("the same seed gives the same result for any number of threads")
    func deterministic() throws {
        let (portfolio, status) = Self.tiny()
        let (_, plan) = try RiskFixtures.plan(portfolio)
        let one = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 600, seed: 9, threads: 1))
        let two = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 600, seed: 9, threads: 2))
        #expect(one == two)
    }

    // MARK: recovering a known scale

    /// A synthetic programme: 24 standards of four phases on four units (2 drafting groups each)
    /// and a review body of 3, starting one a month from 2022-01, drafting 5 to 9 months; every
    /// duration uncertain, ±40 % around its planned months (symmetric PERT, so the planned months
    /// are the mean as well as the mode).
    static func synthetic() -> Portfolio {
        let units = (0..<4).map { RiskFixtures.unit("u\($0)", capacity: 2) }
        var standards: [Standard] = []
        var estimates: [StandardID: [PhaseID: ThreePointEstimate]] = [:]
        for i in 0..<24 {
            let phases = [
                RiskFixtures.phase("drafting", months: 5 + (i * 7) % 5),
                RiskFixtures.phase("consultation", months: 3, resources: ["wg": 1]),
                RiskFixtures.phase("review", months: 2, resources: ["wg": 1]),
                RiskFixtures.phase("approval", months: 3, load: 0),
            ]
            var standard = RiskFixtures.standard("s\(i)", target: 2023 + i / 12, units: ["u\(i % 4)"], phases: phases)
            standard.earliestStart = RiskFixtures.start + i
            for phase in phases {
                estimates[standard.id, default: [:]][phase.id] = ThreePointEstimate(optimistic: 0.6 * Double(phase.months), pessimistic: 1.4 * Double(phase.months))
            }
            standards.append(standard)
        }
        let dependencies = stride(from: 6, to: 24, by: 6).map { Dependency(predecessor: StandardID("s\($0 - 5)"), successor: StandardID("s\($0)")) }
        return RiskFixtures.portfolio(standards, units: units, resources: [SharedResource(id: "wg", name: "wg", capacity: .constant(3))],
                                      dependencies: dependencies, horizon: Month(year: 2027, month: 12),
                                      uncertainty: DurationUncertainty(standards: estimates))
    }

    /// Two phases, drafting and approval, for 18 standards on three units, one starting a month.
    static func twoPhases() -> Portfolio {
        var standards: [Standard] = []
        var estimates: [StandardID: [PhaseID: ThreePointEstimate]] = [:]
        for i in 0..<18 {
            let phases = [RiskFixtures.phase("drafting", months: 4 + i % 3), RiskFixtures.phase("approval", months: 4, load: 0)]
            var standard = RiskFixtures.standard("s\(i)", target: 2023, units: ["u\(i % 3)"], phases: phases)
            standard.earliestStart = RiskFixtures.start + i
            for phase in phases {
                estimates[standard.id, default: [:]][phase.id] = ThreePointEstimate(optimistic: 0.6 * Double(phase.months), pessimistic: 1.4 * Double(phase.months))
            }
            standards.append(standard)
        }
        return RiskFixtures.portfolio(standards, units: (0..<3).map { RiskFixtures.unit("u\($0)", capacity: 2) },
                                      horizon: Month(year: 2026, month: 12), uncertainty: DurationUncertainty(standards: estimates))
    }

    /// What really happened: the plan followed (lead units, order, starts), every duration
    /// exactly `factor` times its planned months, re-timed without uncertainty; the state of
    /// every standard as of `asOf`, each entry a fact.
    static func reality(_ portfolio: Portfolio, plan: Schedule, factor: Double, asOf: Month) throws -> StatusSnapshot {
        try reality(portfolio, plan: plan, scaling: BacktestScaling(all: factor, phases: ["drafting", "consultation", "review", "approval"]), asOf: asOf)
    }

    static func reality(_ portfolio: Portfolio, plan: Schedule, scaling: BacktestScaling, asOf: Month) throws -> StatusSnapshot {
        var certain = scaling.apply(to: portfolio)
        certain.uncertainty = nil
        let model = try SimulationModel(portfolio: certain, plan: plan)
        var pass = RetimingPass(model: model)
        pass.retime()
        var entries: [StatusEntry] = []
        for (k, open) in model.open.enumerated() {
            let standard = portfolio.standards[open.standard]
            let status: StandardStatus
            if portfolio.planStart + pass.publication(k) <= asOf {
                status = .published(portfolio.planStart + pass.publication(k))
            } else if let t = open.tasks.last(where: { portfolio.planStart + pass.start[$0] <= asOf }) {
                status = .inProgress(phase: standard.phases[model.tasks[t].phaseIndex].id, since: portfolio.planStart + pass.start[t])
            } else {
                status = .planned
            }
            entries.append(StatusEntry(standard: standard.id, status: status, source: .fact))
        }
        return StatusSnapshot(asOf: asOf, entries: entries)
    }

    /// The synthetic programme and its plan, made once.
    static let planned: Result<(Portfolio, Schedule), any Error> = Result {
        let portfolio = synthetic()
        return (portfolio, try RiskFixtures.plan(portfolio).1)
    }

    @Test("durations that really were ×1.6 are recovered within 10 %, and called too short")
    func recoversScale() throws {
        let (portfolio, plan) = try Self.planned.get()
        let status = try Self.reality(portfolio, plan: plan, factor: 1.6, asOf: Month(year: 2024, month: 6))
        // A mix of outcomes, or the test would prove little.
        let kinds = Set(status.entries.map(\.status.key))
        #expect(kinds == ["published", "in_progress", "planned"], "\(kinds)")
        let result = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 200, seed: 1, threads: 2), scope: .overall)
        let overall = try #require(result.calibration?.overall)
        #expect(abs(overall.value / 1.6 - 1) <= 0.10, "recovered ×\(overall.value), range ×\(overall.low)–×\(overall.high)")
        #expect(overall.verdict == .tooShort)
        // The plan's own durations explain the facts far worse.
        #expect(try #require(result.calibration).logLikelihoodAtPlan < overall.logLikelihood - 10)
    }

    @Test("durations that really were the plan's are called a fit")
    func recognisesFit() throws {
        let (portfolio, plan) = try Self.planned.get()
        let status = try Self.reality(portfolio, plan: plan, factor: 1, asOf: Month(year: 2024, month: 6))
        let result = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 200, seed: 1, threads: 2), scope: .overall)
        let overall = try #require(result.calibration?.overall)
        #expect(abs(overall.value - 1) <= 0.10, "recovered ×\(overall.value)")
        #expect(overall.verdict == .fits)
    }

    @Test("an approval that really took ×2.5 while drafting kept its months is found phase by phase")
    func recoversPhase() throws {
        let portfolio = Self.twoPhases()
        let (_, plan) = try RiskFixtures.plan(portfolio)
        let status = try Self.reality(portfolio, plan: plan, scaling: BacktestScaling(["drafting": 1, "approval": 2.5]), asOf: Month(year: 2023, month: 6))
        let result = try Backtest.run(portfolio: portfolio, plan: plan, status: status, options: RiskOptions(samples: 400, seed: 1, threads: 2))
        let calibration = try #require(result.calibration)
        let factors = Dictionary(uniqueKeysWithValues: calibration.phases.map { ($0.phase, $0.factor) })
        let drafting = try #require(factors["drafting"]), approval = try #require(factors["approval"])
        #expect(abs(approval.value / 2.5 - 1) <= 0.10, "approval ×\(approval.value), drafting ×\(drafting.value), overall ×\(calibration.overall.value)")
        #expect(drafting.verdict == .fits, "drafting ×\(drafting.value) (×\(drafting.low)–×\(drafting.high))")
        #expect(approval.verdict == .tooShort)
        #expect(calibration.byPhaseIsBetter)
    }
}
