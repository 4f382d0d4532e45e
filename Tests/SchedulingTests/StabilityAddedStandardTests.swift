import PlanModel
import Testing
@testable import Scheduling

/// A what-if that adds a standard (revise-2012-standards adds two) plans it against a reference
/// that lacks it: the added standard must weigh as much as any other, or the stability level's
/// scale would make its lateness nearly free (it did: 528 weighted months late instead of 351).
@Suite("Planner: a standard missing from the reference plan")
struct StabilityAddedStandardTests {
    @Test("an urgent standard absent from the reference still goes first when that is better")
    func addedStandardKeepsItsWeight() throws {
        // a (3 stars) and b (5 stars), 4 months each, one unit of capacity 1: b first costs
        // 5·4 + 3·8 = 44, a first 3·4 + 5·8 = 52. The reference knows only a, published first.
        var portfolio = StabilityTests.twins
        portfolio.standards[1].urgency = 5
        var reference = StabilityTests.reference(aFirst: true)
        reference.standards.removeAll { $0.standard == "b" }
        var options = PlanOptions()
        options.reference = reference
        let result = try Fixtures.plan(portfolio, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == 44)
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2022, month: 4))
    }
}
