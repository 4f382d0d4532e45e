/// How uncertain phase durations are: three-point estimates for the default life cycle, per
/// category and per standard (the most specific wins), and how durations are correlated.
///
/// Uncertainty does not change the deterministic plan, which uses each phase's `months`; it
/// feeds the Monte Carlo risk analysis (`stdplan risk`).
public struct DurationUncertainty: Hashable, Sendable {
    /// Estimates for phases of the default life cycle, by phase id.
    public var lifeCycle: [PhaseID: ThreePointEstimate]
    /// Estimates for the standards of a category, by category and phase id.
    public var categories: [Category: [PhaseID: ThreePointEstimate]]
    /// Estimates for one standard, by standard and phase id.
    public var standards: [StandardID: [PhaseID: ThreePointEstimate]]
    /// Shared factors that correlate durations.
    public var correlation: SharedFactorWeights

    /// Creates an uncertainty description; empty by default (every duration certain).
    public init(
        lifeCycle: [PhaseID: ThreePointEstimate] = [:], categories: [Category: [PhaseID: ThreePointEstimate]] = [:],
        standards: [StandardID: [PhaseID: ThreePointEstimate]] = [:], correlation: SharedFactorWeights = SharedFactorWeights()
    ) {
        self.lifeCycle = lifeCycle
        self.categories = categories
        self.standards = standards
        self.correlation = correlation
    }

    /// The estimate that applies to `phase` of `standard`: the standard's own, else its
    /// category's, else the life cycle's; nil when the phase's duration is certain.
    public func estimate(for standard: Standard, phase: PhaseID) -> ThreePointEstimate? {
        standards[standard.id]?[phase] ?? categories[standard.category]?[phase] ?? lifeCycle[phase]
    }
}
