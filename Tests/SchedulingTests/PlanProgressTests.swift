import Foundation
import PlanModel
import Testing
@testable import Scheduling

/// `PlanOptions.progress`: the planner says what it has after the heuristics, after each level of
/// the objective and at the end, with figures that agree with its result; and watching changes
/// nothing it finds.
@Suite("Planner progress reports")
struct PlanProgressTests {
    final class Reports: @unchecked Sendable {
        // Guarded by `lock`; @unchecked because the compiler cannot see that.
        private let lock = NSLock()
        private var items: [PlanProgress] = []
        func add(_ progress: PlanProgress) {
            lock.lock()
            items.append(progress)
            lock.unlock()
        }
        var all: [PlanProgress] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }

    @Test("stages in order, and the last report is the result's lateness level")
    func stages() throws {
        let portfolio = StabilityTests.twins
        let reports = Reports()
        var options = PlanOptions()
        options.progress = ProgressHandler { reports.add($0) }
        let result = try Fixtures.plan(portfolio, options: options)
        let all = reports.all
        #expect(all.first?.stage == .heuristic)
        #expect(all.last?.stage == .finished(.optimal))
        #expect(all.last?.level == "lateness")
        #expect(all.last?.incumbent == result.levels.first.flatMap(\.value).map(Double.init))
        #expect(all.last?.proven == true)
        #expect(all.contains { $0.stage == .levelDone && $0.level == "completion" && $0.proven })
        #expect(all.allSatisfy { $0.portfolio == nil })
        let unwatched = try Fixtures.plan(portfolio, options: PlanOptions())
        #expect(unwatched.schedule == result.schedule && unwatched.objective == result.objective)
        var other = PlanOptions()
        other.progress = ProgressHandler { _ in }
        #expect(options == other, "two handlers never make options differ")
    }

    @Test("planAll tags each report with its portfolio's position")
    func tagged() throws {
        let reports = Reports()
        var options = PlanOptions()
        options.progress = ProgressHandler { reports.add($0) }
        let results = Planner.planAll([StabilityTests.twins, StabilityTests.twins, StabilityTests.twins], options: options)
        #expect(results.allSatisfy { (try? $0.get())?.status == .optimal })
        let finished = reports.all.filter { if case .finished = $0.stage { true } else { false } }
        #expect(Set(finished.compactMap(\.portfolio)) == [0, 1, 2])
    }
}
