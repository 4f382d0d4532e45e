import Dispatch
import PlanModel

extension Planner {
    /// Plans several portfolios at once, one per core. Each solve runs start to finish on one
    /// thread (GLPK keeps per-thread state), and results come back in input order, so the
    /// output does not depend on which finished first.
    ///
    /// `keepingCompilations`: each result keeps the compilation it was solved on, for a caller that
    /// goes on to simulate the plans (a handful of scenarios). Off by default: a sweep or a bottleneck
    /// analysis plans many variants of a portfolio, and holding every compilation (about 1.5 MB per
    /// 1,000 standards) would grow with their number for nothing.
    public static func planAll(_ portfolios: [Portfolio], options: PlanOptions = PlanOptions(),
                               keepingCompilations: Bool = false) -> [Result<PlanResult, SchedulingError>] {
        let results = ResultSlots(count: portfolios.count)
        DispatchQueue.concurrentPerform(iterations: portfolios.count) { index in
            let result: Result<PlanResult, SchedulingError>
            var own = options
            own.progress = options.progress?.tagged(index)  // reports say which portfolio they are about
            do throws(SchedulingError) {
                var planned = try plan(portfolios[index], options: own)
                if !keepingCompilations { planned.compilation = nil }
                result = .success(planned)
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
