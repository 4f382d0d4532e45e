/// The outcomes of a contiguous run of samples, written by one worker and merged in sample
/// order, so the merged result is the same whatever the number of threads.
struct SampleBlock: Sendable {
    /// Index of the first sample.
    var first: Int
    /// Number of samples.
    var count: Int
    /// Publication period per sample and open standard (sample-major).
    var publications: [Int32]
    /// 1 where the open standard is late or on a chain that decides a late publication.
    var critical: [UInt8]
    /// Standards with a target published on time, per sample.
    var onTime: [Int32]
    /// Urgency-weighted months late, per sample.
    var weightedLateness: [Int32]
    /// 1 when every urgency-5 standard with a target is on time.
    var urgentOnTime: [UInt8]
    /// Mean percentile of the draws of each driver (sample-major).
    var driverScores: [Double]

    init(first: Int, count: Int, standards: Int, drivers: Int) {
        self.first = first
        self.count = count
        publications = Array(repeating: 0, count: count * standards)
        critical = Array(repeating: 0, count: count * standards)
        onTime = Array(repeating: 0, count: count)
        weightedLateness = Array(repeating: 0, count: count)
        urgentOnTime = Array(repeating: 0, count: count)
        driverScores = Array(repeating: 0, count: count * drivers)
    }
}
