/// How far a branch-and-bound search has come, reported to ``MIPOptions/progress`` at most four
/// times a second while GLPK searches.
public struct MIPProgress: Sendable, Hashable {
    /// The objective of the best integer solution so far (its whole-number part with
    /// ``MIPOptions/fractionalTail``), nil before there is one.
    public var incumbent: Double?
    /// The best proven bound so far, rounded as ``MIPOptions/integralObjective`` allows.
    public var bound: Double?
    /// Branch-and-bound nodes created so far.
    public var nodes: Int

    /// Creates a report.
    public init(incumbent: Double?, bound: Double?, nodes: Int) {
        self.incumbent = incumbent
        self.bound = bound
        self.nodes = nodes
    }
}
