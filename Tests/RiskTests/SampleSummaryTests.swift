import Testing
@testable import Risk

/// The streamed summary of samples gives exactly the figures of keeping every sample, in
/// bounded memory.
@Suite("Sample summary")
struct SampleSummaryTests {
    @Test("percentiles from the histogram equal nearest-rank percentiles of the sorted samples", arguments: [1, 2, 7, 10, 11, 250, 1001])
    func percentiles(_ count: Int) {
        var state: UInt64 = 42
        let values = (0..<count).map { _ -> Int in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 59)  // 0…31, many ties
        }
        var counts: [Int: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        let histogram = counts.map { (period: $0.key, count: $0.value) }.sorted { $0.period < $1.period }
        let sorted = values.sorted()
        for tenths in 1...10 {
            #expect(SampleSummary.percentile(histogram, total: count, tenths: tenths) == RiskAggregation.percentile(sorted, tenths: tenths),
                    "\(tenths * 10)th percentile of \(count) samples")
        }
    }

    @Test("driver scores are kept for every sample of ordinary runs, and capped for huge ones")
    func scoreBudget() {
        #expect(SampleSummary(standards: 22, drivers: 18, samples: 1_000_000).scoredSamples == 1_000_000)
        let huge = SampleSummary(standards: 3000, drivers: 3000, samples: 1_000_000)
        #expect(huge.scoredSamples * huge.drivers * 8 <= SampleSummary.scoreBudget)
        #expect(huge.scoredSamples >= 1000)
    }

    @Test("blocks folded in give the same counts as the blocks themselves")
    func folding() {
        var block = SampleBlock(first: 0, count: 3, standards: 2, drivers: 1)
        block.publications = [5, 7, 6, 7, 5, 9]
        block.critical = [1, 0, 0, 1, 1, 1]
        block.onTime = [2, 1, 0]
        block.weightedLateness = [0, 3, 9]
        block.urgentOnTime = [1, 0, 0]
        block.driverScores = [0.1, 0.5, 0.9]
        var summary = SampleSummary(standards: 2, drivers: 1, samples: 3)
        summary.add(block)
        #expect(summary.histogram(0).map(\.period) == [5, 6])
        #expect(summary.histogram(0).map(\.count) == [2, 1])
        #expect(summary.histogram(1).map(\.period) == [7, 9])
        #expect(summary.critical == [2, 2])
        #expect(summary.onTime == [2, 1, 0])
        #expect(summary.urgentOnTime == 1)
        #expect(summary.scores == [[0.1, 0.5, 0.9]])
    }
}
