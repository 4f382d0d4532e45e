import Foundation
import Testing
import GLPK

/// `MIPOptions.progress`: told the incumbent and bound while GLPK searches, never more often than
/// every `progressInterval` seconds, and never with a bound that contradicts the result.
@Suite("MIP progress reports")
struct ProgressTests {
    /// The reports of one search, with when they came.
    final class Reports: @unchecked Sendable {
        // Guarded by `lock`; @unchecked because the compiler cannot see that.
        private let lock = NSLock()
        private var items: [(MIPProgress, ContinuousClock.Instant)] = []
        func add(_ progress: MIPProgress) {
            lock.lock()
            items.append((progress, .now))
            lock.unlock()
        }
        var all: [(MIPProgress, ContinuousClock.Instant)] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }

    @Test("a search that takes a while reports incumbent and bound, at most four times a second")
    func reports() throws {
        let lp = try TestModels.randomKnapsack(items: 120, constraints: 8, seed: 42)  // not finished in 1.5 s (MIPTests)
        let reports = Reports()
        var options = MIPOptions(timeLimit: 1.5)
        options.progress = { reports.add($0) }
        let solution = try lp.solveMIP(options)
        let all = reports.all
        #expect(!all.isEmpty)
        for (earlier, later) in zip(all, all.dropFirst()) {
            #expect(later.1 - earlier.1 >= .milliseconds(240), "reports too close together")
        }
        // Maximising: every bound reported is at least the final objective, and every incumbent at most it.
        for (report, _) in all {
            if let bound = report.bound, let objective = solution.objective { #expect(bound >= objective - 1e-6) }
            if let incumbent = report.incumbent, let objective = solution.objective { #expect(incumbent <= objective + 1e-6) }
        }
        if solution.status == .feasible, all.count > 1 {
            // Stopped by the time limit with a solution: by then the search had reported it.
            #expect(all.last?.0.incumbent != nil)
        }
    }

    @Test("without a progress callback nothing changes: the same optimum")
    func silent() throws {
        let quiet = try TestModels.knapsack().solveMIP(MIPOptions())
        var options = MIPOptions()
        options.progress = { _ in }
        let watched = try TestModels.knapsack().solveMIP(options)
        #expect(quiet.objective == 23 && watched.objective == 23)
        #expect(quiet.columnValues == watched.columnValues)
    }
}
