import PlanModel

/// The documented range of every number stdplan reads (docs/scenario-format.md, "Ranges"), and
/// the sizes past which it refuses input rather than exhaust memory or time. The loaders check
/// them with file, line and key; the command line checks its flags against the same figures.
///
/// The ranges keep every sum the planner forms far from `Int.max` (capacities and loads at most
/// a million, durations, lags and delays at most 1200 months over a horizon of at most 1200
/// months) and the objective exactly representable in a `Double` (GLPK counts in doubles).
public enum InputLimits {
    /// Largest input file read, in bytes (scenarios, overlays, status files, schedules).
    public static let fileBytes = 64 << 20
    /// Longest chain of `extends` (an overlay of an overlay of …).
    public static let extendsDepth = 32
    /// Most nodes that aliases (`*name`) may add to a YAML document when expanded.
    public static let aliasNodes = 100_000
    /// Most alias uses in one YAML document.
    public static let aliasUses = 10_000
    /// Deepest nesting of a YAML document, aliases expanded.
    public static let nestingDepth = 64

    /// Capacity of a unit or shared resource in a month, and every capacity change.
    public static let capacity = 0...1_000_000
    /// Load of a phase on its lead unit or on a shared resource.
    public static let load = 0...1_000_000
    /// Duration of a phase, in months.
    public static let months = 1...1200
    /// Lag of a dependency, in months.
    public static let lag = 0...1200
    /// Delay of `delay_start` (and of `sweep --vary delay`), in months.
    public static let delay = 0...1200
    /// Factor of `scale_durations` (and of `sweep --vary duration:…`): above 0, at most this.
    public static let maximumFactor = 100.0
    /// Months from `plan_start` to `horizon_end`, both included.
    public static let horizonMonths = 1...1200
    /// Every month written in a file: 1900-01 to 2200-12.
    public static let firstMonth = Month(year: 1900, month: 1)
    /// See ``firstMonth``.
    public static let lastMonth = Month(year: 2200, month: 12)
    /// Largest objective value the weights may produce: 2^53, beyond which a `Double` (and so
    /// GLPK) no longer counts every whole number.
    public static let objective = 9_007_199_254_740_992.0

    /// `range` in words, for messages: "0 to 1,000,000".
    static func text(_ range: ClosedRange<Int>) -> String {
        "\(grouped(range.lowerBound)) to \(grouped(range.upperBound))"
    }

    /// A whole number with thousands separated by commas from 10,000 on (years stay 1900).
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 4 else { return String(value) }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
