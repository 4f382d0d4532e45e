import PlanModel

/// Runs samples on one thread: draws every uncertain duration (through the shared factors when
/// durations are correlated), re-times the plan, and records publications, lateness, the
/// chains that decide late publications and the drivers' draws.
struct SampleRunner {
    let model: SimulationModel
    let seed: UInt64
    private var pass: RetimingPass
    private var factors: [Double]
    private var critical: [Bool]
    private var late: [Int] = []
    private var ownSums: [Double]

    init(model: SimulationModel, seed: UInt64) {
        self.model = model
        self.seed = seed
        pass = RetimingPass(model: model)
        factors = Array(repeating: 0, count: model.factorCount)
        critical = Array(repeating: false, count: model.open.count)
        ownSums = Array(repeating: 0, count: model.drivers.count)
    }

    /// Runs samples `block.first ..< block.first + block.count` into `block`.
    mutating func run(into block: inout SampleBlock) {
        for offset in 0..<block.count { run(sample: block.first + offset, offset: offset, into: &block) }
    }

    /// Draws sample `sample`'s durations and re-times the plan with them; the outcome is ``retimed``.
    /// (The backtest reads it directly; ``run(into:)`` records the risk figures from it.)
    mutating func retime(sample: Int) {
        drawDurations(sample: sample)
        pass.retime()
    }

    /// The plan re-timed by the last ``retime(sample:)``.
    var retimed: RetimingPass { pass }

    private mutating func run(sample: Int, offset: Int, into block: inout SampleBlock) {
        retime(sample: sample)
        let standards = model.open.count
        var onTime: Int32 = 0
        var lateness: Int32 = 0
        var urgentOnTime: UInt8 = 1
        late.removeAll(keepingCapacity: true)
        for k in 0..<standards {
            let published = pass.publication(k)
            block.publications[offset * standards + k] = Int32(clamping: published)
            guard let deadline = model.open[k].deadline else { continue }
            if published <= deadline {
                onTime += 1
            } else {
                late.append(k)
                lateness += Int32(clamping: model.open[k].weight * (published - deadline))
                if model.open[k].urgency == 5 { urgentOnTime = 0 }
            }
        }
        for k in critical.indices { critical[k] = false }
        if !late.isEmpty { pass.markChains(from: late, into: &critical) }
        for k in 0..<standards where critical[k] { block.critical[offset * standards + k] = 1 }
        block.onTime[offset] = onTime
        block.weightedLateness[offset] = lateness
        block.urgentOnTime[offset] = urgentOnTime
        let drivers = model.drivers.count
        for d in 0..<drivers {
            let driver = model.drivers[d]
            block.driverScores[offset * drivers + d] = driver.factor >= 0 ? factors[driver.factor] : ownSums[d] / Double(driver.tasks)
        }
    }

    /// Draws this sample's durations into the pass. The draws come in a fixed order (factors,
    /// then uncertain tasks by index) from the sample's own stream.
    private mutating func drawDurations(sample: Int) {
        guard !model.uncertain.isEmpty else { return }
        var stream = SampleStream(seed: seed, sample: sample)
        for i in factors.indices { factors[i] = stream.normal() }
        for d in ownSums.indices { ownSums[d] = 0 }
        let weights = model.correlation
        let correlated = model.factorCount > 0
        let own = weights.idiosyncratic.squareRoot()
        let byStandard = weights.standard.squareRoot(), byCategory = weights.category.squareRoot(), byUnit = weights.leadUnit.squareRoot()
        for t in model.uncertain {
            let task = model.tasks[t]
            let draw = stream.uniform()
            ownSums[task.phaseDriver] += draw
            if task.unitDriver >= 0 { ownSums[task.unitDriver] += draw }
            let distribution = model.distributions[task.distribution]
            var months: Int
            if task.conditionFloor >= 1 {
                // The phase has run past even its long estimate: it is taken to finish in the
                // plan start month, as the plan takes it.
                months = task.minimumMonths
            } else if correlated {
                // Gaussian copula: the phase's own normal score mixed with its shared factors.
                var z = own * NormalDistribution.quantile(draw)
                if let offset = model.standardFactors { z += byStandard * factors[offset + task.open] }
                if let offset = model.categoryFactors { z += byCategory * factors[offset + task.categoryFactor] }
                if let offset = model.unitFactors { z += byUnit * factors[offset + task.unitFactor] }
                months = Int(distribution.quantile(normal: z, above: task.conditionFloor).rounded())
            } else {
                months = Int(distribution.quantile(task.conditionFloor + draw * (1 - task.conditionFloor)).rounded())
            }
            pass.months[t] = min(max(months, task.minimumMonths), 1200)
        }
    }
}
