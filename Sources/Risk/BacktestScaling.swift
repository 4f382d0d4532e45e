import PlanModel

/// Durations scaled by a factor per life-cycle phase, as the calibration tries them: the planned
/// months of every standard's phase (rounded half up to whole months, at least one, exactly as
/// a what-if's `scale_durations` rounds them) and the three points of its duration estimate,
/// so that every draw of the risk simulation is that factor times as long.
public struct BacktestScaling: Hashable, Sendable {
    /// Factor per phase id; a phase not listed keeps its durations.
    public var factors: [PhaseID: Double]

    /// Creates a scaling.
    public init(_ factors: [PhaseID: Double] = [:]) { self.factors = factors }

    /// The same factor for every phase in `phases`.
    public init(all factor: Double, phases: [PhaseID]) {
        self.init(Dictionary(uniqueKeysWithValues: phases.map { ($0, factor) }))
    }

    /// The factor of `phase`.
    public func factor(of phase: PhaseID) -> Double { factors[phase] ?? 1 }

    /// True when every factor is 1: ``apply(to:)`` changes nothing.
    var isIdentity: Bool { !factors.values.contains { $0 != 1 } }

    /// `portfolio` with its durations scaled; the portfolio itself when every factor is 1.
    public func apply(to portfolio: Portfolio) -> Portfolio {
        guard !isIdentity else { return portfolio }
        var copy = portfolio
        // Every estimate is resolved per standard and phase (its most likely value defaults to
        // the phase's own planned months, which change), so it is kept by standard.
        var estimates: [StandardID: [PhaseID: ThreePointEstimate]] = [:]
        for (s, standard) in portfolio.standards.enumerated() {
            for (p, phase) in standard.phases.enumerated() {
                let factor = factor(of: phase.id)
                if let estimate = portfolio.uncertainty?.estimate(for: standard, phase: phase.id) {
                    estimates[standard.id, default: [:]][phase.id] = ThreePointEstimate(
                        optimistic: estimate.optimistic * factor, likely: estimate.likely(plannedMonths: phase.months) * factor,
                        pessimistic: estimate.pessimistic * factor, distribution: estimate.distribution)
                }
                copy.standards[s].phases[p].months = max(1, Int((Double(phase.months) * factor).rounded()))
            }
        }
        // Room for the longer samples, so the re-timing need not grow its capacity rows sample by sample.
        let largest = max(1, factors.values.max() ?? 1)
        copy.horizonEnd = portfolio.planStart + Int((Double(portfolio.horizonEnd - portfolio.planStart + 1) * largest).rounded(.up))
        if let uncertainty = portfolio.uncertainty {
            copy.uncertainty = DurationUncertainty(standards: estimates, correlation: uncertainty.correlation)
        }
        return copy
    }
}
