/// A dip (or rise) of capacity in some months, e.g. the Spring Festival (春节): in the months of
/// `calendar`, the capacity of the named units and resources (all of them when none is named) is
/// multiplied by `factor` and rounded down.
public struct CapacityFactor: Hashable, Sendable {
    /// The months it applies in.
    public var calendar: CalendarID
    /// The multiplier, ≥ 0.
    public var factor: Double
    /// The units and resources it applies to, by id; empty means all of them.
    public var appliesTo: Set<String>

    /// Creates a factor.
    public init(calendar: CalendarID, factor: Double, appliesTo: Set<String> = []) {
        self.calendar = calendar
        self.factor = factor
        self.appliesTo = appliesTo
    }
}
