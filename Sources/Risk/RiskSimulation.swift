import Dispatch
import PlanModel
import Scheduling
#if canImport(Synchronization)
import Synchronization
#endif

/// Monte Carlo slippage risk of a plan (`stdplan risk`, docs/risk.md).
///
/// Each sample draws every uncertain phase duration (three-point estimates, correlated through
/// shared factors when the scenario says so), then re-times the plan the way a programme
/// reacts to the actual durations:
///
/// - the plan's decisions stay: each standard keeps its lead unit, and tasks claim capacity in
///   the order the plan starts them (facts under way at the plan start first);
/// - no standard starts before the month the plan starts it (the programme approves work on
///   the plan's dates and does not pull a standard forward);
/// - every other phase starts at the earliest month at which its previous phase has finished,
///   its dependencies (with their lags) are met, and its lead unit and the shared resources have
///   room for its whole (drawn) duration, given the tasks placed before it (serial schedule
///   generation);
/// - a phase under way at the plan start keeps its start; its duration is drawn conditional on
///   its not having finished before the plan start.
///
/// Sample `i` draws from a generator derived from the seed and `i` alone, and the figures are
/// merged in sample order, so the result is identical for any number of threads.
public enum RiskSimulation {
    /// Samples per block of work handed to a thread.
    static let blockSize = 250

    /// Simulates `plan` (a schedule of `portfolio` from `Planner.plan`). `progress` is called on
    /// the calling thread with (samples done, samples in all) as the run advances.
    public static func run(
        portfolio: Portfolio, plan: Schedule, options: RiskOptions = RiskOptions(),
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(RiskError) -> RiskResult {
        try run(compiled: PlanningProblem(portfolio), plan: plan, options: options, progress: progress)
    }

    /// Simulates `plan` over `compiled`, the compilation of its portfolio the planner solved
    /// (``PlanResult/compilation``), so the portfolio is not compiled again; as
    /// ``run(portfolio:plan:options:progress:)`` otherwise.
    package static func run(
        compiled: PlanningProblem, plan: Schedule, options: RiskOptions = RiskOptions(),
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(RiskError) -> RiskResult {
        guard (1...RiskOptions.maximumSamples).contains(options.samples) else {
            throw .invalidOption(name: "samples", reason: "\(options.samples) is out of range; use 1 to \(RiskOptions.maximumSamples)")
        }
        guard options.threads >= 1 else {
            throw .invalidOption(name: "threads", reason: "\(options.threads) is out of range; use at least 1")
        }
        let model = try SimulationModel(compiled: compiled, plan: plan)
        let summary = simulate(model, options, progress)
        return RiskAggregation(model: model, summary: summary, samples: options.samples, seed: options.seed).result()
    }

    /// The samples, folded into a summary in sample order.
    private static func simulate(_ model: SimulationModel, _ options: RiskOptions, _ progress: ((Int, Int) -> Void)?) -> SampleSummary {
        let total = options.samples
        let blockCount = (total + blockSize - 1) / blockSize
        func block(_ index: Int) -> SampleBlock {
            let first = index * blockSize
            return SampleBlock(first: first, count: min(blockSize, total - first), standards: model.open.count, drivers: model.drivers.count)
        }
        // Work goes in rounds of a few blocks per thread: the caller's thread reports progress
        // between them, and each round is folded into the summary and dropped, so memory stays
        // bounded (a round of blocks) however many samples are drawn. Blocks do not depend on
        // the rounds, so neither do the figures.
        let round = max(16, options.threads * 4)
        var summary = SampleSummary(standards: model.open.count, drivers: model.drivers.count, samples: total)
        var next = 0
        while next < blockCount {
            let range = next..<min(blockCount, next + round)
            if options.threads > 1, range.count > 1, #available(macOS 15.0, *) {
                for item in parallel(model, seed: options.seed, blocks: range.map(block), threads: options.threads) { summary.add(item) }
            } else {
                var runner = SampleRunner(model: model, seed: options.seed)
                for index in range {
                    var item = block(index)
                    runner.run(into: &item)
                    summary.add(item)
                }
            }
            next = range.upperBound
            progress?(min(total, next * blockSize), total)
        }
        return summary
    }

    /// Runs `blocks` on up to `threads` threads; worker w takes blocks w, w + threads, …
    @available(macOS 15.0, *)
    private static func parallel(_ model: SimulationModel, seed: UInt64, blocks: [SampleBlock], threads: Int) -> [SampleBlock] {
        parallel(blocks, threads: threads, worker: { SampleRunner(model: model, seed: seed) }, work: { runner, block in runner.run(into: &block) })
    }

    /// Runs `work` on every item on up to `threads` threads, each with a worker of its own (its
    /// scratch space, made once); worker w takes items w, w + threads, … Items come back in
    /// their order, so what is merged from them does not depend on the number of threads.
    @available(macOS 15.0, *)
    static func parallel<Item: Sendable, Worker>(
        _ items: [Item], threads: Int, worker: @Sendable () -> Worker, work: @Sendable (inout Worker, inout Item) -> Void
    ) -> [Item] {
        let results = Mutex<[Item?]>(Array(repeating: nil, count: items.count))
        let workers = min(threads, items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var state = worker()
            var index = w
            while index < items.count {
                var item = items[index]
                work(&state, &item)
                results.withLock { $0[index] = item }
                index += workers
            }
        }
        return results.withLock { $0 }.map { $0! }
    }
}
