import CGLPK

/// Everything that can go wrong when building or solving a model with this module.
///
/// These are errors in the *call* (bad input, misuse, or a genuine solver breakdown). An infeasible,
/// unbounded or time-limited model is not an error; it is reported through `LPStatus` / `MIPStatus`.
public enum GLPKError: Error, CustomStringConvertible {
    /// A 0-based column index outside `0..<columnCount`.
    case columnOutOfRange(column: Int, columnCount: Int)
    /// A 0-based row index outside `0..<rowCount`.
    case rowOutOfRange(row: Int, rowCount: Int)
    /// Bounds that GLPK cannot represent or that contradict the column kind.
    case invalidBounds(subject: String, lower: Double?, upper: Double?, reason: String)
    /// A NaN or infinite cost or constraint coefficient.
    case nonFiniteCoefficient(subject: String, value: Double)
    /// A negative count, or a model larger than GLPK's limit of 100 000 000 rows or columns.
    case invalidCount(requested: Int, reason: String)
    /// A row or column name GLPK would reject.
    case invalidName(String, reason: String)
    /// A solver option outside its allowed range.
    case invalidOption(name: String, reason: String)
    /// `MIPOptions.warmStart` does not describe a feasible solution of the model.
    case warmStartInvalid(reason: String)
    /// The model was used from a thread other than the one that created it.
    case wrongThread
    /// GLPK reported a failure that is not a property of the model (for example a numerical breakdown).
    case solverFailure(call: String, code: Int32, meaning: String)

    /// A message that says what went wrong and how to fix it.
    public var description: String {
        switch self {
        case let .columnOutOfRange(column, count):
            return "Column index \(column) is out of range: the model has \(count) column(s), valid indices are 0..<\(count). "
                + "Add the column first and use the index addColumn/addColumns returned."
        case let .rowOutOfRange(row, count):
            return "Row index \(row) is out of range: the model has \(count) row(s), valid indices are 0..<\(count). "
                + "Use the index addRow returned."
        case let .invalidBounds(subject, lower, upper, reason):
            return "Invalid bounds for \(subject) (lower: \(Self.format(lower)), upper: \(Self.format(upper))): \(reason)."
        case let .nonFiniteCoefficient(subject, value):
            return "The \(subject) is \(value); costs and coefficients must be finite numbers. "
                + "Check the data the model was built from for NaN or infinity."
        case let .invalidCount(requested, reason):
            return "Cannot add \(requested) item(s): \(reason)."
        case let .invalidName(name, reason):
            return "Invalid name \"\(name)\": \(reason). Names must be at most 255 UTF-8 bytes without control characters."
        case let .invalidOption(name, reason):
            return "Invalid solver option \(name): \(reason)."
        case let .warmStartInvalid(reason):
            return "Warm start rejected: \(reason). Pass one value per column that satisfies all bounds and rows, or no warm start."
        case .wrongThread:
            return "A LinearProgram was used from a thread other than the one that created it. GLPK keeps its memory per thread, "
                + "so create, solve and release each model on one thread (for example inside one synchronous function, not across an await)."
        case let .solverFailure(call, code, meaning):
            return "\(call) failed with code \(code): \(meaning)."
        }
    }

    private static func format(_ value: Double?) -> String {
        value.map { "\($0)" } ?? "none"
    }

    /// A solver failure for a GLPK return code, with advice on what to do about it.
    static func solver(_ call: String, _ code: Int32) -> GLPKError {
        .solverFailure(call: call, code: code, meaning: meaning(of: code))
    }

    private static func meaning(of code: Int32) -> String {
        switch code {
        case GLP_EBADB, GLP_ESING, GLP_ECOND:
            return "the starting basis was invalid, singular or ill-conditioned even after rebuilding it; "
                + "look for duplicate or nearly dependent rows and badly scaled coefficients"
        case GLP_EBOUND:
            return "GLPK found inconsistent bounds; this wrapper validates bounds, so this is a bug in the wrapper, please report it"
        case GLP_EFAIL:
            return "the solver broke down numerically; look for coefficients of very different magnitudes "
                + "(rescale units so that numbers stay roughly between 1e-4 and 1e6)"
        case GLP_EROOT:
            return "the root LP relaxation had no optimal basis; this wrapper solves it first, so this is a bug in the wrapper, please report it"
        case GLP_EITLIM:
            return "the simplex iteration limit was reached"
        case GLP_EOBJLL, GLP_EOBJUL:
            return "an objective limit was reached; this wrapper sets none, so this is a bug in the wrapper, please report it"
        default:
            return "unexpected GLPK return code; please report it together with the model"
        }
    }
}
