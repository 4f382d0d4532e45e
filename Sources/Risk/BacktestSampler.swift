import PlanModel
import Scheduling

/// Runs the risk simulation of the plan (``RiskSimulation``'s model, draws and re-timing, sample
/// for sample the same streams) with durations scaled, and counts for each fact the samples that
/// saw what it observed. The plan itself stays as it was made: its lead units, its order and its
/// starts, which the programme followed; only how long the work took changes.
struct BacktestSampler: Sendable {
    /// A fact to read off the samples.
    struct Fact: Sendable {
        var standard: StandardID
        var observation: BacktestObservation
    }

    /// The compilation of the portfolio as planned (unscaled).
    let compiled: PlanningProblem
    let plan: Schedule
    let asOf: Month
    let facts: [Fact]
    let options: RiskOptions

    /// The portfolio as planned.
    var portfolio: Portfolio { compiled.portfolio }

    /// The counts over `options.samples` samples with durations scaled by `scaling`.
    func tally(_ scaling: BacktestScaling, recordPublications: Bool = false) throws(RiskError) -> BacktestTally {
        // Scaled durations are a portfolio of their own, compiled anew.
        let model = try scaling.isIdentity
            ? SimulationModel(compiled: compiled, plan: plan)
            : SimulationModel(portfolio: scaling.apply(to: portfolio), plan: plan)
        let probes = try facts.map { fact throws(RiskError) in try probe(fact, model) }
        let total = options.samples
        let size = RiskSimulation.blockSize
        let runs = (0..<((total + size - 1) / size)).map {
            BacktestTally(first: $0 * size, count: min(size, total - $0 * size), facts: probes.count, recordPublications: recordPublications)
        }
        let seed = options.seed
        @Sendable func work(_ runner: inout SampleRunner, _ run: inout BacktestTally) {
            for sample in run.first..<(run.first + run.count) {
                runner.retime(sample: sample)
                let pass = runner.retimed
                for (i, probe) in probes.enumerated() {
                    if probe.observed(in: pass) { run.observed[i] += 1 }
                    if probe.published(in: pass) { run.published[i] += 1 }
                    if recordPublications { run.publications[i].append(Int32(clamping: pass.publication(probe.open))) }
                }
            }
        }
        var done: [BacktestTally]
        if options.threads > 1, runs.count > 1, #available(macOS 15.0, *) {
            done = RiskSimulation.parallel(runs, threads: options.threads, worker: { SampleRunner(model: model, seed: seed) }, work: work)
        } else {
            var runner = SampleRunner(model: model, seed: seed)
            done = runs
            for index in done.indices { work(&runner, &done[index]) }
        }
        return BacktestTally.merged(done, facts: probes.count, recordPublications: recordPublications)
    }

    /// The tasks of `model` that decide `fact`.
    private func probe(_ fact: Fact, _ model: SimulationModel) throws(RiskError) -> BacktestProbe {
        guard let k = model.open.firstIndex(where: { model.portfolio.standards[$0.standard].id == fact.standard }) else {
            throw .scheduleMismatch(standard: fact.standard, reason: "it is not open at the plan start, so nothing was forecast for it")
        }
        let open = model.open[k]
        let asOfPeriod = asOf - portfolio.planStart
        switch fact.observation {
        case .published(let month):
            return BacktestProbe(open: k, event: .publishedIn(month - portfolio.planStart), asOf: asOfPeriod)
        case .notStarted:
            return BacktestProbe(open: k, event: .notStarted(task: open.tasks.lowerBound), asOf: asOfPeriod)
        case .inPhase(let phase):
            let index = model.portfolio.standards[open.standard].phases.firstIndex { $0.id == phase }
            guard let task = open.tasks.first(where: { model.tasks[$0].phaseIndex == index }) else {
                throw .scheduleMismatch(standard: fact.standard, reason: "phase \(phase) is not among its open phases at the plan start")
            }
            return BacktestProbe(open: k, event: .inPhase(task: task, next: task + 1 < open.tasks.upperBound ? task + 1 : nil), asOf: asOfPeriod)
        }
    }
}
