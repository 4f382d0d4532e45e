import PlanModel

/// Why a risk analysis or a re-plan could not be run. (A plan that is infeasible is a status of
/// the plan, reported by the caller, not an error here.)
public enum RiskError: Error, CustomStringConvertible, Equatable {
    /// An option is out of range.
    case invalidOption(name: String, reason: String)
    /// The schedule given does not belong to the portfolio: a standard is missing, has other
    /// phases or no lead unit. The plan should come from `Planner.plan` on the same portfolio.
    case scheduleMismatch(standard: StandardID, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let name, let reason):
            return "error: \(name): \(reason)"
        case .scheduleMismatch(let standard, let reason):
            return "internal error: the plan does not match the scenario at \(standard): \(reason) (please report this with the scenario)"
        }
    }
}
