import RCPSP
import Scheduling

/// The random numbers of one Monte Carlo sample. Each sample's generator is derived from the
/// seed and the sample's index alone, so a sample draws the same numbers whichever thread runs
/// it and whatever ran before: results do not depend on the number of threads.
struct SampleStream {
    private var generator: SplitMix64

    /// The stream of sample `index` under `seed`.
    init(seed: UInt64, sample index: Int) {
        // Two rounds of SplitMix64's mixing, so neighbouring indices (and seeds) start far apart
        // in the generator's cycle instead of one step apart.
        var byIndex = SplitMix64(seed: UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        var combined = SplitMix64(seed: seed ^ byIndex.next())
        generator = SplitMix64(seed: combined.next())
    }

    /// A uniform number strictly between 0 and 1 (53 random bits, centred in their interval),
    /// so that normal and lognormal quantiles are always finite.
    mutating func uniform() -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal number.
    mutating func normal() -> Double { NormalDistribution.quantile(uniform()) }
}
