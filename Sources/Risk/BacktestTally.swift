/// What a run of samples saw of each fact: counts (integers, summed in sample order, so the same
/// whatever the number of threads) and, when asked for, each sample's publication period.
struct BacktestTally: Sendable {
    /// First sample of the run.
    var first: Int
    /// Samples in the run.
    var count: Int
    /// Samples that saw exactly what fact i observed.
    var observed: [Int]
    /// Samples in which fact i's standard is published by the status date.
    var published: [Int]
    /// Publication period per fact and sample (fact-major), when recorded; else empty.
    var publications: [[Int32]]

    init(first: Int, count: Int, facts: Int, recordPublications: Bool) {
        self.first = first
        self.count = count
        observed = Array(repeating: 0, count: facts)
        published = Array(repeating: 0, count: facts)
        publications = recordPublications ? Array(repeating: [], count: facts) : []
    }

    /// `runs` (in sample order) added up.
    static func merged(_ runs: [BacktestTally], facts: Int, recordPublications: Bool) -> BacktestTally {
        var total = BacktestTally(first: 0, count: 0, facts: facts, recordPublications: recordPublications)
        for run in runs {
            total.count += run.count
            for i in 0..<facts {
                total.observed[i] += run.observed[i]
                total.published[i] += run.published[i]
                if recordPublications { total.publications[i] += run.publications[i] }
            }
        }
        return total
    }
}
