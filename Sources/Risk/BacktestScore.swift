import Foundation

/// How well a forecast foresaw the facts (docs/risk.md, "Backtest").
///
/// - **Brier score**: the mean over the facts of (p − o)², where p is the forecast probability
///   that the standard is published by the status date and o is 1 if it was, else 0. 0 is a
///   perfect forecast, 0.25 what always saying 50 % earns, 1 a forecast certain and wrong every time.
/// - **Log-likelihood**: Σ ln p over the facts, where p is the forecast probability of exactly
///   what was observed (published in that month; in that phase in the status month; not started
///   by then). Higher is better, 0 is the best possible. A probability estimated as 0 (no sample
///   saw it) is taken as half a sample, 1/(2N), so one surprise costs ln(2N) and not infinity;
///   the floor is the same for every scale the calibration tries, so it moves no comparison.
public struct BacktestScore: Hashable, Sendable {
    /// Facts scored.
    public var facts: Int
    /// Samples behind each probability.
    public var samples: Int
    /// Mean squared error of P(published by the status date).
    public var brier: Double
    /// Σ ln P(observed), with the floor.
    public var logLikelihood: Double
    /// Facts whose probability was 0 and was taken as the floor.
    public var floored: Int

    /// Creates a score.
    public init(facts: Int, samples: Int, brier: Double, logLikelihood: Double, floored: Int) {
        self.facts = facts
        self.samples = samples
        self.brier = brier
        self.logLikelihood = logLikelihood
        self.floored = floored
    }

    /// The probability a count of 0 is taken as: half a sample, 1/(2N).
    public var floor: Double { 1 / Double(2 * samples) }

    /// The mean probability per fact on a geometric scale, exp(log-likelihood / facts): the
    /// probability the forecast gave to a typical fact.
    public var geometricMeanProbability: Double { facts == 0 ? 1 : exp(logLikelihood / Double(facts)) }

    /// Scores facts from sample counts: `observed[i]` samples saw exactly what fact i observed,
    /// `published[i]` samples had it published by the status date, `outcomes[i]` says whether it
    /// was; all out of `samples`.
    public static func score(observed: [Int], published: [Int], outcomes: [Bool], samples: Int) -> BacktestScore {
        precondition(observed.count == published.count && published.count == outcomes.count && samples > 0)
        var squares = 0.0
        for (count, outcome) in zip(published, outcomes) {
            let error = Double(count) / Double(samples) - (outcome ? 1 : 0)
            squares += error * error
        }
        return BacktestScore(
            facts: observed.count, samples: samples, brier: observed.isEmpty ? 0 : squares / Double(observed.count),
            logLikelihood: logLikelihood(observed, samples: samples), floored: observed.count { $0 == 0 })
    }

    /// Σ ln(count / samples), a count of 0 taken as ½.
    public static func logLikelihood(_ observed: [Int], samples: Int) -> Double {
        observed.reduce(0) { $0 + log(max(Double($1), 0.5) / Double(samples)) }
    }
}
