/// The generator's source of randomness: SplitMix64 with its own bounded draws.
///
/// The standard library's `random(in:using:)` is not promised to map a generator's output to
/// the same numbers in every Swift release; a generated portfolio must be the same bytes for the
/// same seed on every machine and toolchain, so every draw here is spelled out.
struct SeededRandom {
    private var state: UInt64

    /// Starts the sequence for `seed`.
    init(seed: UInt64) { state = seed ^ 0x5EED_57D9_1A4E_0000 }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, by a full-width multiply (bias below 2^-40 for our ranges).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A number in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, not all 0).
    mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, weight) in weights.enumerated() {
            x -= weight
            if x < 0 { return i }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<T>(of items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// The number of successes in `trials` draws of probability `p`.
    mutating func binomial(trials: Int, p: Double) -> Int {
        (0..<trials).reduce(0) { count, _ in count + (chance(p) ? 1 : 0) }
    }
}
