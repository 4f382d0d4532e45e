import CGLPK

/// Which simplex method `glp_simplex` runs (GLPK's `meth`).
public enum SimplexMethod: Sendable {
    /// Two-phase primal simplex (`GLP_PRIMAL`); GLPK's default.
    case primal
    /// Dual simplex, switching to the primal if it fails (`GLP_DUALP`).
    case dualThenPrimal
    /// Dual simplex only (`GLP_DUAL`).
    case dual

    /// The `GLP_PRIMAL`/`GLP_DUALP`/`GLP_DUAL` code.
    var glpkCode: Int32 {
        switch self {
        case .primal: GLP_PRIMAL
        case .dualThenPrimal: GLP_DUALP
        case .dual: GLP_DUAL
        }
    }
}
