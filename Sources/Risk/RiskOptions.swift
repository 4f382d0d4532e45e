import Foundation

/// How the Monte Carlo simulation runs.
public struct RiskOptions: Sendable, Hashable {
    /// Number of samples (at least 1).
    public var samples: Int
    /// Seed of every draw: the same seed gives the same figures, byte for byte.
    public var seed: UInt64
    /// Worker threads; the figures do not depend on it.
    public var threads: Int

    /// Creates options; by default 10,000 samples, seed 1, one thread per available core.
    public init(samples: Int = 10_000, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.samples = samples
        self.seed = seed
        self.threads = threads
    }

    /// The largest sample count accepted (memory grows linearly with it).
    public static let maximumSamples = 1_000_000
}
