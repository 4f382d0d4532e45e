/// Correlation between phase durations through shared factors: each weight is the share of a
/// duration's variation (on the normal scale of a Gaussian copula) that comes from a factor
/// shared by all phases of the same standard, of the same category, or led by the same unit.
/// The weights sum to at most 1; the rest is the phase's own variation.
public struct SharedFactorWeights: Hashable, Sendable {
    /// Share from a factor common to all phases of one standard ("this one is hard").
    public var standard: Double
    /// Share from a factor common to all standards of one category.
    public var category: Double
    /// Share from a factor common to all standards one lead unit leads ("a slow unit delays all
    /// its standards"); the unit is the one the plan chose.
    public var leadUnit: Double

    /// Creates weights; all default to 0 (independent durations).
    public init(standard: Double = 0, category: Double = 0, leadUnit: Double = 0) {
        self.standard = standard
        self.category = category
        self.leadUnit = leadUnit
    }

    /// The share of each duration's variation that is its own.
    public var idiosyncratic: Double { max(0, 1 - standard - category - leadUnit) }

    /// True when durations are independent.
    public var isIndependent: Bool { standard == 0 && category == 0 && leadUnit == 0 }
}
