import GLPK
import Validation

/// Faults of the scheduling engine: bad models it cannot build, and solver failures.
/// (An infeasible plan or a time limit is a ``PlanStatus``, not an error.)
public enum SchedulingError: Error, CustomStringConvertible {
    /// The dependencies form a cycle, so no order of work exists.
    case dependencyCycle
    /// GLPK reported a failure (not an outcome of the model).
    case solver(GLPKError)
    /// The solver returned a schedule that breaks the scenario's rules: a bug, reported rather than printed.
    case invalidSolverSchedule([ScheduleViolation])

    public var description: String {
        switch self {
        case .dependencyCycle:
            return "the dependencies form a cycle; remove one of the `after` entries that close it"
        case .solver(let error):
            return "the solver failed: \(error)"
        case .invalidSolverSchedule(let violations):
            return "internal error: the optimizer produced a schedule that breaks the scenario's rules "
                + "(please report this with the scenario):\n" + violations.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
