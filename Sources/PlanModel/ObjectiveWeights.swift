/// What the optimizer minimises:
///
///     Σ over standards  w(urgency) × ( lateness × monthsLate + completion × monthsToPublication )
///
/// where `monthsLate` counts months of publication after December of the target year and
/// `monthsToPublication` counts months from the plan start to publication (inclusive).
/// With ``lateness`` nil, the lateness weight is chosen so large that no gain in completion can
/// pay for one weighted month of lateness: lateness first, then completion, exactly.
public struct ObjectiveWeights: Hashable, Sendable {
    /// Weight of a standard by urgency: `urgency[u - 1]` for u stars.
    public var urgency: [Int]
    /// Weight of one month late; nil means lexicographic (lateness strictly first).
    public var lateness: Int?
    /// Weight of one month to publication.
    public var completion: Int

    /// Creates weights.
    public init(urgency: [Int] = [1, 2, 3, 4, 5], lateness: Int? = nil, completion: Int = 1) {
        self.urgency = urgency
        self.lateness = lateness
        self.completion = completion
    }

    /// The weight of a standard of `urgency` stars.
    public func weight(urgency stars: Int) -> Int { urgency[min(max(stars, 1), urgency.count) - 1] }
}
