import CGLPK

/// How branch-and-bound picks the fractional variable to branch on (GLPK's `br_tech`).
public enum BranchingRule: Sendable {
    /// First fractional variable (`GLP_BR_FFV`).
    case firstFractional
    /// Last fractional variable (`GLP_BR_LFV`).
    case lastFractional
    /// Most fractional variable (`GLP_BR_MFV`).
    case mostFractional
    /// Heuristic by Driebeck and Tomlin (`GLP_BR_DTH`); GLPK's default.
    case driebeckTomlin
    /// Hybrid pseudo-cost heuristic (`GLP_BR_PCH`).
    case hybridPseudoCost

    /// The `GLP_BR_*` code.
    var glpkCode: Int32 {
        switch self {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .hybridPseudoCost: GLP_BR_PCH
        }
    }
}
