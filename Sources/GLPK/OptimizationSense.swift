import CGLPK

/// Whether the objective function is minimised or maximised.
public enum OptimizationSense: Sendable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize

    /// GLPK's `GLP_MIN` / `GLP_MAX` code.
    var glpkDirection: Int32 {
        switch self {
        case .minimize: GLP_MIN
        case .maximize: GLP_MAX
        }
    }
}
