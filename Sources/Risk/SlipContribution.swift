/// Part of a standard's slip: months (positive: later, negative: earlier) that one reason adds.
public struct SlipContribution: Hashable, Sendable {
    /// The reason.
    public var reason: SlipReason
    /// Months it adds to the publication (the contributions of a standard add up to its slip).
    public var months: Int

    /// Creates a contribution.
    public init(reason: SlipReason, months: Int) {
        self.reason = reason
        self.months = months
    }
}
