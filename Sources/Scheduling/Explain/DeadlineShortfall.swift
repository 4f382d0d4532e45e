import PlanModel

/// A hard deadline that must move.
public struct DeadlineShortfall: Sendable, Hashable {
    /// The standard.
    public var standard: StandardID
    /// Its name.
    public var name: String
    /// The deadline now (December of its target year).
    public var deadline: Month
    /// Months it must move.
    public var months: Int

    /// "the hard deadline of x (name), 2023-12, must move 7 months, to 2024-07 (or drop hard_deadline)".
    public var sentence: String {
        "the hard deadline of \(standard) (\(name)), \(deadline), must move \(months) month\(months == 1 ? "" : "s"), to \(deadline + months) "
            + "(a later target_year, or no hard_deadline)"
    }
}
