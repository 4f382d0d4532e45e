/// One bar of the tornado: how much lateness moves with one source of uncertainty.
///
/// Samples are ranked by the driver's draws in each sample (a phase: the mean percentile of its
/// phases' own draws; a shared factor: its value); `fastLateness` is the mean urgency-weighted
/// months late over the tenth of samples in which it ran fastest, `slowLateness` over the tenth
/// in which it ran slowest. Drivers are independent sources of variation, so a shared factor's
/// effect shows under its own name rather than in every phase's bar.
public struct SensitivityDriver: Sendable, Hashable {
    /// What a driver groups.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// One phase of the life cycle, across all standards.
        case phase
        /// All phases of the standards one lead unit leads in the plan (its shared factor
        /// when durations are correlated by lead unit).
        case unit
        /// The shared factor of one category (when durations are correlated by category).
        case category
        /// The shared factor of one standard (when durations are correlated by standard).
        case standard
    }

    /// Phase or unit.
    public var kind: Kind
    /// Its id in the scenario.
    public var id: String
    /// Its name.
    public var name: String
    /// Number of uncertain phases it covers.
    public var phases: Int
    /// Mean urgency-weighted months late when it ran fastest (lowest tenth of samples).
    public var fastLateness: Double
    /// Mean urgency-weighted months late when it ran slowest (highest tenth of samples).
    public var slowLateness: Double

    /// Creates a bar.
    public init(kind: Kind, id: String, name: String, phases: Int, fastLateness: Double, slowLateness: Double) {
        self.kind = kind
        self.id = id
        self.name = name
        self.phases = phases
        self.fastLateness = fastLateness
        self.slowLateness = slowLateness
    }

    /// The width of the bar: how much more lateness its slow tenth brings than its fast tenth.
    public var swing: Double { slowLateness - fastLateness }
}
