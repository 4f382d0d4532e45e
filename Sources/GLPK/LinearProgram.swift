import CGLPK

/// A linear or mixed-integer program backed by one GLPK problem object.
///
/// Every index, bound and coefficient is checked in Swift before GLPK sees it, because GLPK answers bad
/// arguments by calling `abort()`. Indices are 0-based here (GLPK's are 1-based).
///
/// GLPK's memory is per thread, so a model must be created, built, solved and released on one thread.
/// The type is therefore not `Sendable`; calls from another thread throw `GLPKError.wrongThread`, and a
/// model released on another thread leaks its GLPK memory instead of corrupting it. Keep a model inside
/// one synchronous stretch of code (an `await` may resume on a different thread).
public final class LinearProgram {
    /// The owned GLPK problem; deleted exactly once, in `deinit`.
    let problem: OpaquePointer
    /// The thread whose GLPK environment allocated `problem`.
    private let owner: GLPKThread
    /// Whether the objective is minimised or maximised.
    public let sense: OptimizationSense

    /// Kinds and bounds are mirrored in Swift so that checks need no GLPK calls.
    private(set) var columnKinds: [VariableKind] = []
    private(set) var columnBounds: [Bounds] = []
    private(set) var rowBounds: [Bounds] = []
    /// Objective coefficients and constant, mirrored so that the largest value the objective can take
    /// over the columns' bounds is known without GLPK calls (see ``objectiveMagnitude``).
    private(set) var columnCosts: [Double] = []
    private(set) var objectiveConstant: Double = 0

    /// GLPK's hard limit on rows and on columns.
    private static let maximumCount = 100_000_000

    /// Number of columns (structural variables).
    public var columnCount: Int { columnKinds.count }
    /// Number of rows (constraints).
    public var rowCount: Int { rowBounds.count }

    /// Creates an empty model on the calling thread. An unsuitable `name` is cleaned up rather than
    /// rejected, since it only labels GLPK's output.
    public init(sense: OptimizationSense = .minimize, name: String? = nil) {
        owner = GLPKThread.current
        TerminalOutput.silence()
        problem = glp_create_prob()
        self.sense = sense
        glp_set_obj_dir(problem, sense.glpkDirection)
        if let name {
            glp_set_prob_name(problem, GLPKName.sanitized(name))
        }
        owner.liveProblems += 1
    }

    deinit {
        // Freeing from a foreign thread would corrupt that thread's GLPK memory list (and abort);
        // leaking the problem is the only safe choice. GLPKThread then keeps the owner's environment too.
        guard GLPKThread.existing === owner else { return }
        glp_delete_prob(problem)
        owner.liveProblems -= 1
    }

    /// Throws unless called on the creating thread, and silences GLPK there.
    func ensureOwningThread() throws {
        guard GLPKThread.existing === owner else { throw GLPKError.wrongThread }
        TerminalOutput.silence()
    }

    // MARK: Columns

    /// Adds one column and returns its 0-based index. `nil` bounds mean unbounded on that side;
    /// `.binary` columns default to [0, 1].
    @discardableResult
    public func addColumn(kind: VariableKind, lower: Double?, upper: Double?, cost: Double = 0, name: String? = nil) throws -> Int {
        try ensureOwningThread()
        let index = columnCount
        let bounds = try Bounds(kind: kind, lower: lower, upper: upper, subject: "new column \(index)")
        try Self.requireFinite(cost, "cost of new column \(index)")
        let checkedName = try name.map(GLPKName.validated)
        try Self.requireRoom(adding: 1, to: columnCount, of: "columns")

        let j = glp_add_cols(problem, 1)
        configureColumn(j, kind: kind, bounds: bounds, cost: cost)
        if let checkedName {
            glp_set_col_name(problem, j, checkedName)
        }
        columnKinds.append(kind)
        columnBounds.append(bounds)
        columnCosts.append(cost)
        return index
    }

    /// Adds `count` identical columns with one GLPK allocation and returns their 0-based indices.
    @discardableResult
    public func addColumns(count: Int, kind: VariableKind, lower: Double?, upper: Double?, cost: Double = 0) throws -> Range<Int> {
        try ensureOwningThread()
        let first = columnCount
        guard count >= 0 else {
            throw GLPKError.invalidCount(requested: count, reason: "the count must not be negative")
        }
        let bounds = try Bounds(kind: kind, lower: lower, upper: upper, subject: "new columns \(first)..<\(first + count)")
        try Self.requireFinite(cost, "cost of new columns")
        // glp_add_cols aborts on a count of 0.
        guard count > 0 else { return first..<first }
        try Self.requireRoom(adding: count, to: columnCount, of: "columns")

        let firstGLPK = glp_add_cols(problem, Int32(count))
        for j in firstGLPK..<firstGLPK + Int32(count) {
            configureColumn(j, kind: kind, bounds: bounds, cost: cost)
        }
        columnKinds.append(contentsOf: repeatElement(kind, count: count))
        columnBounds.append(contentsOf: repeatElement(bounds, count: count))
        columnCosts.append(contentsOf: repeatElement(cost, count: count))
        return first..<first + count
    }

    /// Sets the objective coefficient of a column.
    public func setCost(column: Int, _ cost: Double) throws {
        try ensureOwningThread()
        try requireColumn(column)
        try Self.requireFinite(cost, "cost of column \(column)")
        glp_set_obj_coef(problem, Int32(column + 1), cost)
        columnCosts[column] = cost
    }

    /// The largest absolute value the objective can take within the columns' bounds:
    /// |constant| + Σ |cost| · max(|lower|, |upper|); infinity when a costed column is unbounded.
    /// It decides how finely GLPK must compare objective values for a proof to be exact.
    public var objectiveMagnitude: Double {
        var total = abs(objectiveConstant)
        for (column, cost) in columnCosts.enumerated() where cost != 0 {
            let bounds = columnBounds[column]
            guard let lower = bounds.lower, let upper = bounds.upper else { return .infinity }
            total += abs(cost) * max(abs(lower), abs(upper))
        }
        return total
    }

    /// Sets the constant term of the objective function.
    public func setObjectiveConstant(_ value: Double) throws {
        try ensureOwningThread()
        try Self.requireFinite(value, "objective constant")
        // Column 0 of the objective is GLPK's constant term.
        glp_set_obj_coef(problem, 0, value)
        objectiveConstant = value
    }

    /// Replaces a column's bounds, checked against its kind like in `addColumn`.
    public func setColumnBounds(column: Int, lower: Double?, upper: Double?) throws {
        try ensureOwningThread()
        try requireColumn(column)
        let bounds = try Bounds(kind: columnKinds[column], lower: lower, upper: upper, subject: "column \(column)")
        let (type, l, u) = bounds.glpk
        glp_set_col_bnds(problem, Int32(column + 1), type, l, u)
        columnBounds[column] = bounds
    }

    // MARK: Rows

    /// Adds the row `lower <= Σ coefficient·x[column] <= upper` and returns its 0-based index.
    ///
    /// Terms naming the same column are summed (GLPK would abort on duplicates) and zero coefficients are
    /// dropped. `nil` bounds mean no bound on that side; both `nil` gives a free row.
    @discardableResult
    public func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double?, upper: Double?, name: String? = nil) throws -> Int {
        try ensureOwningThread()
        let index = rowCount
        let bounds = try Bounds(lower: lower, upper: upper, subject: "new row \(index)")
        let checkedName = try name.map(GLPKName.validated)
        let (columns, coefficients) = try mergedTerms(terms, row: index)
        try Self.requireRoom(adding: 1, to: rowCount, of: "rows")

        let i = glp_add_rows(problem, 1)
        let (type, l, u) = bounds.glpk
        glp_set_row_bnds(problem, i, type, l, u)
        columns.withUnsafeBufferPointer { ind in
            coefficients.withUnsafeBufferPointer { val in
                glp_set_mat_row(problem, i, Int32(columns.count - 1), ind.baseAddress, val.baseAddress)
            }
        }
        if let checkedName {
            glp_set_row_name(problem, i, checkedName)
        }
        rowBounds.append(bounds)
        return index
    }

    /// Replaces a row's bounds.
    public func setRowBounds(row: Int, lower: Double?, upper: Double?) throws {
        try ensureOwningThread()
        guard (0..<rowCount).contains(row) else {
            throw GLPKError.rowOutOfRange(row: row, rowCount: rowCount)
        }
        let bounds = try Bounds(lower: lower, upper: upper, subject: "row \(row)")
        let (type, l, u) = bounds.glpk
        glp_set_row_bnds(problem, Int32(row + 1), type, l, u)
        rowBounds[row] = bounds
    }

    // MARK: Helpers

    private func configureColumn(_ j: Int32, kind: VariableKind, bounds: Bounds, cost: Double) {
        // GLP_BV would reset the bounds to [0, 1]; GLP_IV keeps a binary column fixed at 0 or 1 if asked.
        glp_set_col_kind(problem, j, kind.isIntegral ? GLP_IV : GLP_CV)
        let (type, l, u) = bounds.glpk
        glp_set_col_bnds(problem, j, type, l, u)
        if cost != 0 {
            glp_set_obj_coef(problem, j, cost)
        }
    }

    /// Validates terms and returns them as GLPK's 1-based `ind`/`val` arrays (slot 0 unused), sorted by
    /// column with duplicates summed and zeros removed.
    private func mergedTerms(_ terms: [(column: Int, coefficient: Double)], row: Int) throws -> ([Int32], [Double]) {
        for term in terms {
            try requireColumn(term.column)
            try Self.requireFinite(term.coefficient, "coefficient of column \(term.column) in new row \(row)")
        }
        var columns: [Int32] = [0]
        var coefficients: [Double] = [0]
        columns.reserveCapacity(terms.count + 1)
        coefficients.reserveCapacity(terms.count + 1)
        for term in terms.sorted(by: { $0.column < $1.column }) {
            let column = Int32(term.column + 1)
            if columns.count > 1, columns[columns.count - 1] == column {
                coefficients[coefficients.count - 1] += term.coefficient
            } else {
                columns.append(column)
                coefficients.append(term.coefficient)
            }
        }
        var kept = 1
        for k in 1..<columns.count {
            // Summing finite numbers can still overflow.
            try Self.requireFinite(coefficients[k], "summed coefficient of column \(columns[k] - 1) in new row \(row)")
            if coefficients[k] != 0 {
                columns[kept] = columns[k]
                coefficients[kept] = coefficients[k]
                kept += 1
            }
        }
        columns.removeSubrange(kept...)
        coefficients.removeSubrange(kept...)
        return (columns, coefficients)
    }

    func requireColumn(_ column: Int) throws {
        guard (0..<columnCount).contains(column) else {
            throw GLPKError.columnOutOfRange(column: column, columnCount: columnCount)
        }
    }

    private static func requireFinite(_ value: Double, _ subject: @autoclosure () -> String) throws {
        guard value.isFinite else { throw GLPKError.nonFiniteCoefficient(subject: subject(), value: value) }
    }

    private static func requireRoom(adding count: Int, to existing: Int, of what: String) throws {
        guard count <= maximumCount - existing else {
            throw GLPKError.invalidCount(
                requested: count,
                reason: "GLPK allows at most \(maximumCount) \(what) and the model already has \(existing); split the model")
        }
    }
}

/// GLPK's memory belongs to the creating thread, so a model must never cross threads; this states it
/// explicitly so that nobody adds the conformance by accident.
@available(*, unavailable, message: "a LinearProgram must stay on the thread that created it")
extension LinearProgram: Sendable {}

