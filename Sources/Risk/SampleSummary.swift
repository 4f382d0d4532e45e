/// What the aggregation needs of the samples, folded in block by block in sample order, so the
/// memory of a risk run stays bounded whatever the number of samples and standards: per
/// standard a histogram of publication periods (percentiles from it are exact) and a
/// criticality count, per sample three small integers, and the drivers' scores for the tornado
/// up to ``scoreBudget`` bytes (beyond it, the tornado ranks the first samples only).
///
/// Before, every block was kept until the end: 1,000,000 samples of 3,000 standards took
/// 15 GB. Now a run keeps at most a round of blocks (``RiskSimulation``) plus this summary.
struct SampleSummary {
    /// Bytes the drivers' scores may take: 256 MiB, so 1,000,000 samples of 33 drivers (the
    /// baseline has fewer than 20) are all ranked.
    static let scoreBudget = 256 << 20

    let standards: Int
    let drivers: Int
    /// Per open standard: publication period → samples.
    private(set) var publications: [[Int32: Int]]
    /// Per open standard: samples in which it was critical.
    private(set) var critical: [Int]
    /// Per sample: standards with a target on time, urgency-weighted months late.
    private(set) var onTime: [Int32] = []
    private(set) var weightedLateness: [Int32] = []
    /// Samples in which every urgency-5 standard with a target was on time.
    private(set) var urgentOnTime = 0
    /// Per driver, its score in each of the first ``scoredSamples`` samples.
    private(set) var scores: [[Double]]
    /// Samples whose driver scores are kept.
    let scoredSamples: Int

    init(standards: Int, drivers: Int, samples: Int) {
        self.standards = standards
        self.drivers = drivers
        publications = Array(repeating: [:], count: standards)
        critical = Array(repeating: 0, count: standards)
        scores = Array(repeating: [], count: drivers)
        scoredSamples = drivers == 0 ? 0 : min(samples, max(1000, Self.scoreBudget / (8 * drivers)))
        onTime.reserveCapacity(samples)
        weightedLateness.reserveCapacity(samples)
    }

    /// Folds in the next block (blocks must come in sample order).
    mutating func add(_ block: SampleBlock) {
        for offset in 0..<block.count {
            for k in 0..<standards {
                publications[k][block.publications[offset * standards + k], default: 0] += 1
                critical[k] += Int(block.critical[offset * standards + k])
            }
            onTime.append(block.onTime[offset])
            weightedLateness.append(block.weightedLateness[offset])
            urgentOnTime += Int(block.urgentOnTime[offset])
            if block.first + offset < scoredSamples {
                for d in 0..<drivers { scores[d].append(block.driverScores[offset * drivers + d]) }
            }
        }
    }

    /// Open standard `k`'s publication periods as (period, samples), earliest first.
    func histogram(_ k: Int) -> [(period: Int, count: Int)] {
        publications[k].map { (Int($0.key), $0.value) }.sorted { $0.period < $1.period }
    }

    /// The nearest-rank percentile (`tenths` × 10 %) of a histogram of `total` samples: the
    /// smallest value that at least that share of samples reaches (as of the sorted samples).
    static func percentile(_ histogram: [(period: Int, count: Int)], total: Int, tenths: Int) -> Int {
        let rank = max(1, (tenths * total + 9) / 10)
        var seen = 0
        for bin in histogram {
            seen += bin.count
            if seen >= rank { return bin.period }
        }
        return histogram.last?.period ?? 0
    }
}
