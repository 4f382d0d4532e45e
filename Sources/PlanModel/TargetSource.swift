/// Where a standard's target year comes from. Reports count on-time work and lateness for each
/// source apart, so an assumed target is never reported as if the plan had set it.
public enum TargetSource: String, Hashable, Sendable, CaseIterable {
    /// The programme's plan states the year (e.g. the 2022–2025 plan's appendix).
    case plan
    /// The scenario assumes it (e.g. Table 2 of the plan gives no year for work in development).
    case assumed
}
