import PlanModel

/// Turns the samples' outcomes into the figures of a ``RiskResult``. Everything is computed in
/// sample order from integers or from sums taken in that order, so the figures are the same
/// bytes however the samples were spread over threads.
struct RiskAggregation {
    let model: SimulationModel
    let summary: SampleSummary
    let samples: Int
    let seed: UInt64

    /// The nearest-rank percentile (`tenths` × 10 %) of sorted values: the smallest value that
    /// at least that share of samples reaches.
    static func percentile<T>(_ sorted: [T], tenths: Int) -> T {
        let rank = (tenths * sorted.count + 9) / 10
        return sorted[max(0, rank - 1)]
    }

    func result() -> RiskResult {
        let standards = model.open.count
        let start = model.portfolio.planStart
        var risks: [StandardRisk] = []
        for k in 0..<standards {
            let histogram = summary.histogram(k)
            let open = model.open[k]
            var onTime: Double?
            var monthsLate: Double?
            if let deadline = open.deadline {
                onTime = Double(histogram.reduce(0) { $0 + ($1.period <= deadline ? $1.count : 0) }) / Double(samples)
                monthsLate = Double(histogram.reduce(0) { $0 + $1.count * max(0, $1.period - deadline) }) / Double(samples)
            }
            func percentile(_ tenths: Int) -> Month { start + SampleSummary.percentile(histogram, total: samples, tenths: tenths) }
            let standard = model.portfolio.standards[open.standard]
            risks.append(StandardRisk(
                standard: standard.id, urgency: standard.urgency, targetYear: standard.targetYear,
                plannedPublication: start + open.plannedPublication, probabilityOnTime: onTime,
                p50: percentile(5), p80: percentile(8), p90: percentile(9), expectedMonthsLate: monthsLate,
                criticality: Double(summary.critical[k]) / Double(samples)))
        }
        return RiskResult(samples: samples, seed: seed, uncertainPhases: model.uncertain.count, standards: risks,
                          portfolio: portfolioRisk(), sensitivity: sensitivity())
    }

    private func portfolioRisk() -> PortfolioRisk {
        let targeted = model.open.filter { $0.deadline != nil }
        let urgent = targeted.filter { $0.urgency == 5 }
        let plannedOnTime = targeted.count { $0.plannedPublication <= $0.deadline! }
        let plannedLateness = targeted.reduce(0) { $0 + $1.weight * max(0, $1.plannedPublication - $1.deadline!) }
        var onTime = summary.onTime.map(Int.init)
        let lateness = summary.weightedLateness.reduce(0) { $0 + Int($1) }
        let urgentOnTime = summary.urgentOnTime
        var counts = Array(repeating: 0, count: targeted.count + 1)
        for n in onTime { counts[n] += 1 }
        let mean = Double(onTime.reduce(0, +)) / Double(samples)
        onTime.sort()
        return PortfolioRisk(
            standardsWithTarget: targeted.count, plannedOnTime: plannedOnTime,
            onTimeP10: Self.percentile(onTime, tenths: 1), onTimeP50: Self.percentile(onTime, tenths: 5),
            onTimeP90: Self.percentile(onTime, tenths: 9), onTimeMean: mean, onTimeCounts: counts,
            urgentStandards: urgent.count, probabilityAllUrgentOnTime: urgent.isEmpty ? nil : Double(urgentOnTime) / Double(samples),
            plannedWeightedMonthsLate: plannedLateness, expectedWeightedMonthsLate: Double(lateness) / Double(samples))
    }

    /// The tornado: for each driver, mean weighted lateness over the tenth of samples in which
    /// its draws were lowest and over the tenth in which they were highest (among the first
    /// ``SampleSummary/scoredSamples`` samples, all of them unless drivers × samples is huge).
    private func sensitivity() -> [SensitivityDriver] {
        let drivers = model.drivers.count
        guard drivers > 0 else { return [] }
        let scored = summary.scoredSamples
        let lateness = summary.weightedLateness.prefix(scored).map(Int.init)
        let group = max(1, scored / 10)
        var bars: [SensitivityDriver] = []
        for d in 0..<drivers {
            let scores = summary.scores[d]
            // Ties keep sample order, so the groups do not depend on the sort's internals.
            let ranked = scores.indices.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            let fast = ranked.prefix(group).reduce(0) { $0 + lateness[$1] }
            let slow = ranked.suffix(group).reduce(0) { $0 + lateness[$1] }
            let driver = model.drivers[d]
            bars.append(SensitivityDriver(kind: driver.kind, id: driver.id, name: driver.name, phases: driver.tasks,
                                          fastLateness: Double(fast) / Double(group), slowLateness: Double(slow) / Double(group)))
        }
        func rank(_ kind: SensitivityDriver.Kind) -> Int {
            switch kind {
            case .phase: 0
            case .unit: 1
            case .category: 2
            case .standard: 3
            }
        }
        return bars.sorted { ($1.swing, rank($0.kind), $0.id) < ($0.swing, rank($1.kind), $1.id) }
    }
}
