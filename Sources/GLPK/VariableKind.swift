/// The kind of values a column (structural variable) may take.
public enum VariableKind: Sendable {
    /// Any real value within the column's bounds.
    case continuous
    /// Whole numbers within the column's bounds; the bounds themselves must be whole numbers.
    case integer
    /// 0 or 1; `nil` bounds default to 0 and 1, explicit bounds must be 0 or 1.
    case binary

    /// True for kinds that branch-and-bound has to make integral.
    var isIntegral: Bool { self != .continuous }
}
