/// A three-point estimate of a phase's duration in months, with the distribution between them.
///
/// `likely` may be left out: it then defaults to the phase's planned `months` for each
/// standard, so one estimate for the life cycle follows each standard's own overrides.
public struct ThreePointEstimate: Hashable, Sendable {
    /// The shortest duration the phase plausibly takes.
    public var optimistic: Double
    /// The most likely duration; nil means the phase's planned months.
    public var likely: Double?
    /// The long duration planners should brace for (for `lognormal`, its 95th percentile).
    public var pessimistic: Double
    /// How durations are spread between the three points.
    public var distribution: DurationDistribution

    /// Creates an estimate.
    public init(optimistic: Double, likely: Double? = nil, pessimistic: Double, distribution: DurationDistribution = .pert) {
        self.optimistic = optimistic
        self.likely = likely
        self.pessimistic = pessimistic
        self.distribution = distribution
    }

    /// The most likely value for a phase planned at `months`.
    public func likely(plannedMonths months: Int) -> Double { likely ?? Double(months) }

    /// True when the estimate leaves no room for variation for a phase planned at `months`
    /// (all three points equal): such a phase always takes that long.
    public func isCertain(plannedMonths months: Int) -> Bool {
        optimistic == pessimistic && likely(plannedMonths: months) == optimistic
    }
}
