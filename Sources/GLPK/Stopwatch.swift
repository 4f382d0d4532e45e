/// Wall-clock budget shared by consecutive GLPK calls, which each take their own `tm_lim` in milliseconds.
struct Stopwatch {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let limit: Double?

    /// Starts timing; `limit` is the total budget in seconds, or `nil` for none.
    init(limit: Double?) {
        self.limit = limit
        start = clock.now
    }

    /// Seconds since `init`.
    var elapsedSeconds: Double {
        let duration = start.duration(to: clock.now)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    /// The remaining budget as a GLPK `tm_lim`, or `nil` when there is no limit (keep GLPK's default).
    /// Never below 1 ms, because GLPK treats a limit as "stop at the next check", not as an error.
    var remainingMilliseconds: Int32? {
        guard let limit else { return nil }
        let milliseconds = ((limit - elapsedSeconds) * 1000).rounded(.up)
        // INT_MAX itself means "no limit" to GLPK, so stay one below it.
        return Int32(max(1, min(milliseconds, Double(Int32.max - 1))))
    }

    /// Validates a user-supplied time limit.
    static func validate(_ limit: Double?, option: String) throws {
        if let limit, !(limit > 0 && limit.isFinite) {
            throw GLPKError.invalidOption(name: option, reason: "it is \(limit) seconds; use a positive finite number, or nil for no limit")
        }
    }
}
