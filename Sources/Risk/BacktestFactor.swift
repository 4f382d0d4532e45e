/// A calibrated duration factor: the factor under which the facts are most likely, and the
/// range of factors whose likelihood is within e^1.92 of it (log-likelihood at most 1.92 lower:
/// by Wilks' theorem about a 95 % range when facts are many; with few facts, a rough guide).
public struct BacktestFactor: Hashable, Sendable {
    /// The most likely factor (the one nearest ×1 among equally likely ones).
    public var value: Double
    /// The smallest and largest factor tried whose log-likelihood is within 1.92 of the best.
    public var low: Double
    /// See ``low``.
    public var high: Double
    /// The log-likelihood of the facts at ``value``.
    public var logLikelihood: Double

    /// Creates a factor.
    public init(value: Double, low: Double, high: Double, logLikelihood: Double) {
        self.value = value
        self.low = low
        self.high = high
        self.logLikelihood = logLikelihood
    }

    /// The drop in log-likelihood that bounds the range: half the 95 % point of χ² with one degree of freedom.
    public static let rangeDrop = 1.92

    /// Whether the range reaches the smallest factor tried (the facts allow anything shorter too).
    public var lowIsOpen: Bool { low <= BacktestCalibration.grid.first! }
    /// Whether the range reaches the largest factor tried.
    public var highIsOpen: Bool { high >= BacktestCalibration.grid.last! }

    /// How far from ×1 a most likely factor may be and still count as a fit (10 %): durations are
    /// whole months, so finer differences are rounding, not evidence (a programme whose work
    /// took exactly its planned months is recovered at ×0.94 to ×1.06).
    public static let tolerance = 1.1

    /// What it says about the plan's durations: a fit when ×1 is in the range or the factor is
    /// within ``tolerance`` of it; undetermined when the range is the whole search.
    public var verdict: BacktestVerdict {
        if lowIsOpen && highIsOpen { return .undetermined }
        if (low <= 1 && 1 <= high) || (1 / Self.tolerance <= value && value <= Self.tolerance) { return .fits }
        return value > 1 ? .tooShort : .tooLong
    }
}
