/// Settings for `LinearProgram.solveLP`.
public struct LPOptions: Sendable {
    /// Wall-clock limit in seconds (must be positive and finite), or `nil` for no limit.
    public var timeLimit: Double?
    /// Use GLPK's LP presolver. It can shrink big models, but solutions are only recovered when optimal.
    public var presolve: Bool
    /// Receives GLPK's terminal output line by line if set; otherwise the output is silenced.
    public var log: (@Sendable (String) -> Void)?

    /// Creates LP settings; the defaults are GLPK's (no time limit, no presolver) with output silenced.
    public init(timeLimit: Double? = nil, presolve: Bool = false, log: (@Sendable (String) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.presolve = presolve
        self.log = log
    }
}
