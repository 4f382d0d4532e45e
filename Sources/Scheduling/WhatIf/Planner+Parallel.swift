import Dispatch
import PlanModel

extension Planner {
    /// Plans several portfolios at once, one per core. Each solve runs start to finish on one
    /// thread (GLPK keeps per-thread state), and results come back in input order, so the
    /// output does not depend on which finished first.
    public static func planAll(_ portfolios: [Portfolio], options: PlanOptions = PlanOptions()) -> [Result<PlanResult, SchedulingError>] {
        let results = ResultSlots(count: portfolios.count)
        DispatchQueue.concurrentPerform(iterations: portfolios.count) { index in
            let result: Result<PlanResult, SchedulingError>
            var own = options
            own.progress = options.progress?.tagged(index)  // reports say which portfolio they are about
            do throws(SchedulingError) {
                result = .success(try plan(portfolios[index], options: own))
            } catch {
                result = .failure(error)
            }
            results.set(index, result)
        }
        return results.values
    }
}

/// Result slots written by concurrent workers, each slot by exactly one of them.
private final class ResultSlots: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because the compiler cannot see the lock discipline.
    private var slots: [Result<PlanResult, SchedulingError>?]
    private let lock = DispatchSemaphore(value: 1)

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<PlanResult, SchedulingError>) {
        lock.wait()
        slots[index] = value
        lock.signal()
    }

    var values: [Result<PlanResult, SchedulingError>] {
        lock.wait()
        defer { lock.signal() }
        return slots.map { $0! }
    }
}
