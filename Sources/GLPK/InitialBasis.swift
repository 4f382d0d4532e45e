import CGLPK

/// The basis the simplex method starts from.
public enum InitialBasis: Sendable {
    /// Whatever basis the problem object holds: the all-slack basis for a new model, or the last
    /// solve's basis (GLPK's behaviour when nothing is asked for).
    case current
    /// The trivial basis, every row's auxiliary variable basic (`glp_std_basis`).
    case standard
    /// An advanced basis from the constraint matrix's triangular part (`glp_adv_basis`).
    case advanced
    /// Bixby's crash basis (`glp_cpx_basis`).
    case bixby
}
