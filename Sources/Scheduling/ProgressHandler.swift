/// Receives the planner's ``PlanProgress`` (``PlanOptions/progress``), from whichever thread plans.
///
/// Wrapped so that ``PlanOptions`` stays `Hashable`: every handler equals every other, because a
/// handler changes how planning is watched, never what it finds.
public struct ProgressHandler: Sendable, Hashable {
    /// The callback; it must return quickly (GLPK's search waits for it).
    public let report: @Sendable (PlanProgress) -> Void

    /// Creates a handler.
    public init(_ report: @escaping @Sendable (PlanProgress) -> Void) { self.report = report }

    /// This handler with every report marked as about the portfolio at `index` of a `planAll`.
    public func tagged(_ index: Int) -> ProgressHandler {
        let report = self.report
        return ProgressHandler { progress in
            var tagged = progress
            tagged.portfolio = index
            report(tagged)
        }
    }

    public static func == (lhs: ProgressHandler, rhs: ProgressHandler) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
