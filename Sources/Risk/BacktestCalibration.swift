import Foundation

/// The duration scale under which the facts would have been most likely: one factor for all
/// durations, then one per phase (docs/risk.md, "Calibration").
public struct BacktestCalibration: Hashable, Sendable {
    /// The factors tried: 2^(k/12) for k = −12 … 24, rounded to two decimals (×0.5 to ×4 in
    /// steps of about 6 %), so a factor written to an overlay is exactly the one evaluated.
    public static let grid: [Double] = (-12...24).map { ((pow(2, Double($0) / 12) * 100).rounded()) / 100 }

    /// The log-likelihood of the facts with every duration scaled by ``grid``[i]; nil where that
    /// factor was not tried (every third factor is, and every factor around the best).
    public var curve: [Double?]
    /// The best single factor for all durations.
    public var overall: BacktestFactor
    /// One factor per phase (coordinate-wise search from ``overall``), in life-cycle order.
    public var phases: [BacktestPhaseFactor]
    /// The log-likelihood with the per-phase factors.
    public var logLikelihoodByPhase: Double

    /// Creates a calibration.
    public init(curve: [Double?], overall: BacktestFactor, phases: [BacktestPhaseFactor], logLikelihoodByPhase: Double) {
        self.curve = curve
        self.overall = overall
        self.phases = phases
        self.logLikelihoodByPhase = logLikelihoodByPhase
    }

    /// The log-likelihood of the plan's own durations (×1; the search always tries it).
    public var logLikelihoodAtPlan: Double {
        let unit = Self.grid.firstIndex(of: 1)!
        return curve.indices.contains(unit) ? curve[unit] ?? overall.logLikelihood : overall.logLikelihood
    }

    /// Phases whose factor is not the overall one.
    public var phasesMoved: Int { phases.count { $0.factor.value != overall.value } }

    /// Whether factors by phase explain the facts better than one factor by more than chance:
    /// the log-likelihood must rise by more than 1.92 for each phase moved off the overall
    /// factor (a conservative likelihood-ratio test; several phases fitted to few facts would
    /// otherwise always look better). When false, one factor is the calibration to use.
    public var byPhaseIsBetter: Bool {
        phasesMoved > 0 && logLikelihoodByPhase - overall.logLikelihood > BacktestFactor.rangeDrop * Double(phasesMoved)
    }
}
