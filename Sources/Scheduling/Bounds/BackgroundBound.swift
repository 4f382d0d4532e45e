import Foundation

/// The Lagrangian bound on one objective level, climbed on a thread of its own while the planner's
/// heuristics and GLPK work on the other core: the planner's second core, and the only bound there is
/// where GLPK's root LP would not finish (past the model-size limit the MIP is not built at all).
///
/// A dedicated `Thread` rather than a dispatch queue: a queue's block may wait behind other work
/// (measured in the test suite: seconds), and the bound must start at once to be of use.
final class BackgroundBound: @unchecked Sendable {
    /// The level of `problem.levels` bounded.
    let levelIndex: Int
    // Guarded by `lock`; @unchecked because the compiler cannot see the lock discipline.
    private let lock = NSLock()
    private var stopRequested = false
    private var outcome: LagrangianResult?
    private let done = DispatchSemaphore(value: 0)
    /// The relaxation, kept for reduced-cost fixing once the climb has ended.
    private let relaxation: LagrangianBound

    /// Starts the climb on level `levelIndex` of `problem` within `windows`, the levels before held at
    /// `proven`: at most `options.iterations` steps and `options.timeLimit` seconds, fewer once
    /// `cancelled()` answers true or ``finish()`` is called.
    /// `known`, a schedule of `problem` within the windows, lets the climb stop once it proves that
    /// schedule's level optimal.
    init(problem: PlanningProblem, windows: TimeWindows, levelIndex: Int, proven: [Int], known: Assignment?,
         options: LagrangianOptions, cancelled: @escaping @Sendable () -> Bool) {
        self.levelIndex = levelIndex
        let objective = BoundObjective.planner(problem, windows: windows, index: levelIndex, proven: proven)
        var options = options
        options.upperBound = known.map { objective.value(of: $0, in: problem) }
        let bound = LagrangianBound(problem: problem, windows: windows, objective: objective)
        relaxation = bound
        let thread = Thread { [self, options] in
            let result = bound.maximise(options, shouldStop: { self.isStopRequested || cancelled() })
            lock.lock()
            outcome = result
            lock.unlock()
            done.signal()
        }
        thread.name = "stdplan Lagrangian bound"
        thread.start()
    }

    private var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    /// Stops the climb at its next step and returns what it established (its best bound so far).
    func finish() -> LagrangianResult? {
        lock.lock()
        stopRequested = true
        lock.unlock()
        return completed()
    }

    /// Waits until the climb ends by itself (its step budget, its time, a proof or `cancelled()`),
    /// and returns what it established. Waiting rather than stopping keeps the result the same on
    /// every run: it then depends on counts, not on when the other core asked.
    func completed() -> LagrangianResult? {
        // The signal is passed on, so every later wait returns at once.
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }

    /// The starts a schedule at least as good as `incumbent` (on the bounded level, guide included)
    /// can use, by reduced-cost fixing at the climb's best prices; nil when nothing can be said.
    /// Waits for the climb to end.
    func reducedStarts(keeping incumbent: Assignment) -> [ClosedRange<Int>?]? {
        guard let result = completed(), result.bound.isFinite else { return nil }
        let ceiling = relaxation.objective.value(of: incumbent, in: relaxation.problem)
        return relaxation.reducedStarts(at: result.multipliers, ceiling: ceiling)
    }
}
