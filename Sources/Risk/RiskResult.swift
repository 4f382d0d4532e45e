import PlanModel

/// The outcome of a Monte Carlo risk analysis of a plan.
public struct RiskResult: Sendable, Hashable {
    /// Samples drawn.
    public var samples: Int
    /// The seed they were drawn from.
    public var seed: UInt64
    /// Phases whose duration is uncertain (drawn in every sample).
    public var uncertainPhases: Int
    /// One record per standard open at the plan start, in the portfolio's order.
    public var standards: [StandardRisk]
    /// The portfolio figures.
    public var portfolio: PortfolioRisk
    /// The tornado: drivers by decreasing swing (ties by kind and id).
    public var sensitivity: [SensitivityDriver]

    /// Creates a result.
    public init(samples: Int, seed: UInt64, uncertainPhases: Int, standards: [StandardRisk], portfolio: PortfolioRisk,
                sensitivity: [SensitivityDriver]) {
        self.samples = samples
        self.seed = seed
        self.uncertainPhases = uncertainPhases
        self.standards = standards
        self.portfolio = portfolio
        self.sensitivity = sensitivity
    }

    /// The record of `id`, if it was open at the plan start.
    public func risk(of id: StandardID) -> StandardRisk? { standards.first { $0.standard == id } }
}
