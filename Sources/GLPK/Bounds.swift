import CGLPK

/// Validated bounds of a column or row, where `nil` means "no bound on that side".
struct Bounds: Equatable {
    let lower: Double?
    let upper: Double?

    /// Validates bounds for a row or continuous column. Infinities are accepted as "no bound" on the matching
    /// side because callers often carry `±.infinity` around; everything GLPK would misread is rejected.
    init(lower: Double?, upper: Double?, subject: @autoclosure () -> String) throws {
        func fail(_ reason: String) -> GLPKError {
            .invalidBounds(subject: subject(), lower: lower, upper: upper, reason: reason)
        }
        if let lower, lower.isNaN { throw fail("the lower bound is NaN; pass nil for no lower bound") }
        if let upper, upper.isNaN { throw fail("the upper bound is NaN; pass nil for no upper bound") }
        if lower == .infinity { throw fail("the lower bound is +infinity, so nothing is feasible; pass a finite value or nil") }
        if upper == -.infinity { throw fail("the upper bound is -infinity, so nothing is feasible; pass a finite value or nil") }
        let normalisedLower = lower == -.infinity ? nil : lower
        let normalisedUpper = upper == .infinity ? nil : upper
        if let l = normalisedLower, let u = normalisedUpper, l > u {
            throw fail("the lower bound exceeds the upper bound; swap them or relax one side")
        }
        self.lower = normalisedLower
        self.upper = normalisedUpper
    }

    /// Validates column bounds against the column kind, applying the binary defaults of 0 and 1.
    init(kind: VariableKind, lower: Double?, upper: Double?, subject: @autoclosure () -> String) throws {
        switch kind {
        case .continuous:
            try self.init(lower: lower, upper: upper, subject: subject())
        case .integer:
            try self.init(lower: lower, upper: upper, subject: subject())
            // glp_intopt refuses fractional bounds on integer columns (GLP_EBOUND); catching it here names the column.
            for value in [self.lower, self.upper].compactMap({ $0 }) where value.rounded() != value {
                throw GLPKError.invalidBounds(
                    subject: subject(), lower: lower, upper: upper,
                    reason: "an integer column needs whole-number bounds; round the lower bound up and the upper bound down")
            }
        case .binary:
            let l = lower ?? 0
            let u = upper ?? 1
            guard l == 0 || l == 1, u == 0 || u == 1, l <= u else {
                throw GLPKError.invalidBounds(
                    subject: subject(), lower: lower, upper: upper,
                    reason: "a binary column only allows bounds 0 and 1 (lower <= upper); use nil for the defaults 0 and 1, "
                        + "or make the column .integer for a wider range")
            }
            try self.init(lower: l, upper: u, subject: subject())
        }
    }

    /// GLPK's bound type code and the two numbers `glp_set_col_bnds` / `glp_set_row_bnds` expect.
    var glpk: (type: Int32, lower: Double, upper: Double) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case let (l?, nil): (GLP_LO, l, 0)
        case let (nil, u?): (GLP_UP, 0, u)
        case let (l?, u?): (l == u ? GLP_FX : GLP_DB, l, u)
        }
    }

    /// True if `value` lies within the bounds, allowing a violation of `tolerance` scaled by the bound's size.
    func contains(_ value: Double, tolerance: Double) -> Bool {
        if let lower, value < lower - tolerance * max(1, abs(lower)) { return false }
        if let upper, value > upper + tolerance * max(1, abs(upper)) { return false }
        return true
    }
}
