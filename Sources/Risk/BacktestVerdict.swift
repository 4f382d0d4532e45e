/// What a calibrated duration factor says about the plan's durations, in the terms of its
/// likelihood range (see ``BacktestFactor``).
public enum BacktestVerdict: String, Hashable, Sendable {
    /// The range holds ×1: the plan's durations fit the facts.
    case fits
    /// The range lies above ×1: real work took longer, the plan's durations were too short.
    case tooShort = "too_short"
    /// The range lies below ×1: real work was faster, the plan's durations were too long.
    case tooLong = "too_long"
    /// The range covers the whole search, ×0.5 to ×4: the facts do not tell.
    case undetermined
}
