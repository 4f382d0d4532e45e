import PlanModel

/// Searches the duration factors under which the facts are most likely, each candidate scored by
/// re-running the simulation with durations scaled (``BacktestSampler``): first one factor for all
/// durations — every third factor of the grid, then every factor between the two that bracket
/// the likely range — then one per phase, coordinate-wise from there — each phase in turn over
/// every third grid factor and then the two neighbours on either side of the best, the others
/// held — until a pass changes nothing (at most three passes). Every evaluation uses
/// the same seed, so two factors are compared on the same draws (common random numbers).
struct BacktestCalibrator {
    let sampler: BacktestSampler
    /// The phases, in life-cycle order, with their names.
    let phases: [(id: PhaseID, name: String)]
    let progress: ((Int, Int) -> Void)?
    private var cache: [BacktestScaling: Double] = [:]
    /// Grid index of the overall factor, once found: where a phase the facts say nothing about stays.
    private var overall = 0
    private var evaluations = 0

    /// Passes of the coordinate-wise search at most.
    static let maximumPasses = 3

    init(sampler: BacktestSampler, phases: [(id: PhaseID, name: String)], progress: ((Int, Int) -> Void)?) {
        self.sampler = sampler
        self.phases = phases
        self.progress = progress
    }

    /// Evaluations a search is expected to take (for progress): the overall factor, then one pass
    /// (a further pass holds the bar just short of the end).
    var expectedEvaluations: Int { Self.coarse.count + 8 + phases.count * (Self.coarse.count + 4) }

    /// Every third factor of the grid, ×0.5 … ×4 (×1 among them).
    static let coarse = Array(stride(from: 0, to: BacktestCalibration.grid.count, by: 3))

    /// The calibration; without `byPhase`, every phase keeps the overall factor.
    mutating func calibrate(byPhase: Bool = true) throws(RiskError) -> BacktestCalibration {
        let grid = BacktestCalibration.grid
        let ids = phases.map(\.id)
        // Every third factor, then every factor between those that bracket the likely range.
        var all: [Int: Double] = [:]
        for k in Self.coarse { all[k] = try logLikelihood(BacktestScaling(all: grid[k], phases: ids)) }
        let top = all.values.max()!
        let near = all.filter { $0.value >= top - BacktestFactor.rangeDrop - 1 }.keys
        for k in max(0, near.min()! - 2)...min(grid.count - 1, near.max()! + 2) where all[k] == nil {
            all[k] = try logLikelihood(BacktestScaling(all: grid[k], phases: ids))
        }
        let curve = grid.indices.map { all[$0] }
        let unit = grid.firstIndex(of: 1)!
        // The most likely factor; ×1 when the facts do not tell at all.
        var overallIndex = Self.best(all, nearest: unit)
        if Self.factor(all, at: overallIndex).verdict == .undetermined { overallIndex = unit }
        let overall = Self.factor(all, at: overallIndex)
        self.overall = overallIndex
        var index = Array(repeating: overallIndex, count: phases.count)
        guard byPhase else {
            let same = phases.map { BacktestPhaseFactor(phase: $0.id, name: $0.name, factor: overall) }
            return BacktestCalibration(curve: curve, overall: overall, phases: same, logLikelihoodByPhase: overall.logLikelihood)
        }
        for _ in 0..<Self.maximumPasses {
            var changed = false
            for p in phases.indices {
                let best = try search(phase: p, at: index).best
                if best != index[p] {
                    index[p] = best
                    changed = true
                }
            }
            if !changed { break }
        }
        var factors: [BacktestPhaseFactor] = []
        for (p, phase) in phases.enumerated() {
            factors.append(BacktestPhaseFactor(phase: phase.id, name: phase.name, factor: try search(phase: p, at: index).factor))
        }
        let byPhase = try logLikelihood(scaling(index))
        progress?(expectedEvaluations, expectedEvaluations)
        return BacktestCalibration(curve: curve, overall: overall, phases: factors, logLikelihoodByPhase: byPhase)
    }

    /// Phase `p`'s factor with the other phases at `index`: the coarse grid, then the neighbours
    /// of its best. Ties keep the current factor.
    private mutating func search(phase p: Int, at index: [Int]) throws(RiskError) -> (best: Int, factor: BacktestFactor) {
        let grid = BacktestCalibration.grid
        var tried: [Int: Double] = [:]
        func evaluate(_ k: Int) throws(RiskError) {
            guard grid.indices.contains(k), tried[k] == nil else { return }
            var trial = index
            trial[p] = k
            tried[k] = try logLikelihood(scaling(trial))
        }
        for k in Self.coarse + [index[p]] { try evaluate(k) }
        let coarseBest = Self.best(tried, nearest: index[p])
        for k in [coarseBest - 2, coarseBest - 1, coarseBest + 1, coarseBest + 2, overall] { try evaluate(k) }
        return Self.choose(tried, nearest: index[p], otherwise: overall)
    }

    /// The best of `tried` (ties to the index nearest `current`) and its factor; the overall
    /// factor `otherwise` instead while it lies in the best one's range, so a phase moves off the
    /// overall factor only when the facts reject that for it (and never on the noise of the
    /// simulation).
    static func choose(_ tried: [Int: Double], nearest current: Int, otherwise: Int) -> (best: Int, factor: BacktestFactor) {
        let best = Self.best(tried, nearest: current)
        let factor = Self.factor(tried, at: best)
        let grid = BacktestCalibration.grid
        guard factor.low <= grid[otherwise], grid[otherwise] <= factor.high, let fallback = tried[otherwise] else { return (best, factor) }
        return (otherwise, BacktestFactor(value: grid[otherwise], low: factor.low, high: factor.high, logLikelihood: fallback))
    }

    /// The grid index with the highest log-likelihood among `tried`; equally likely ones go to the
    /// index nearest `anchor` (×1 for the overall factor, the current one for a phase), then the
    /// lower: no factor moves without evidence.
    static func best(_ tried: [Int: Double], nearest anchor: Int) -> Int {
        let top = tried.values.max()!
        return tried.filter { $0.value >= top - 1e-9 }.keys.min { (abs($0 - anchor), $0) < (abs($1 - anchor), $1) }!
    }

    /// The factor at grid index `best` with its range among `tried`.
    static func factor(_ tried: [Int: Double], at best: Int) -> BacktestFactor {
        let grid = BacktestCalibration.grid
        let top = tried.values.max()!
        let range = tried.filter { $0.value >= top - BacktestFactor.rangeDrop }.keys.map { grid[$0] }
        return BacktestFactor(value: grid[best], low: range.min()!, high: range.max()!, logLikelihood: tried[best]!)
    }

    private func scaling(_ index: [Int]) -> BacktestScaling {
        BacktestScaling(Dictionary(uniqueKeysWithValues: zip(phases.map(\.id), index.map { BacktestCalibration.grid[$0] })))
    }

    /// The log-likelihood of the facts under `scaling`, each scaling simulated once.
    private mutating func logLikelihood(_ scaling: BacktestScaling) throws(RiskError) -> Double {
        if let known = cache[scaling] { return known }
        let tally = try sampler.tally(scaling)
        let value = BacktestScore.logLikelihood(tally.observed, samples: tally.count)
        cache[scaling] = value
        evaluations += 1
        progress?(min(evaluations, expectedEvaluations - 1), expectedEvaluations)
        return value
    }
}
