import PlanModel
import Testing
@testable import Scheduling

/// The stability level: with a reference plan, ties among optimal plans go to the one whose
/// publications move least, and nothing that matters more is ever given up for it.
@Suite("Planner: staying close to a reference plan")
struct StabilityTests {
    /// Two identical standards (3 stars, 4 months, due 2022) on one unit of capacity 1: either order
    /// is optimal (one publishes 2022-04, the other 2022-08; nothing late; completion 3·4 + 3·8 = 36).
    static let twins = Fixtures.portfolio([
        Fixtures.standard("a", phases: [Fixtures.phase("work", months: 4)]),
        Fixtures.standard("b", phases: [Fixtures.phase("work", months: 4)]),
    ])

    static func reference(aFirst: Bool) -> Schedule {
        let early = Month(year: 2022, month: 4), late = Month(year: 2022, month: 8)
        func entry(_ id: String, _ published: Month) -> StandardSchedule {
            StandardSchedule(standard: StandardID(id), leadUnit: "u",
                             phases: [ScheduledPhase(phase: "work", start: published - 3, finish: published)], published: published)
        }
        return Schedule(standards: [entry("a", aFirst ? early : late), entry("b", aFirst ? late : early)])
    }

    @Test("a tie goes the reference's way, whichever way that is", arguments: [true, false])
    func tieFollowsReference(aFirst: Bool) throws {
        var options = PlanOptions()
        options.reference = Self.reference(aFirst: aFirst)
        let result = try Fixtures.plan(Self.twins, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == 36)
        #expect(result.schedule?.standards == options.reference?.standards)
        #expect(result.levels.map(\.name) == ["lateness", "completion", "stability"])
        #expect(result.levels.last?.value == 0)
        #expect(result.levels.allSatisfy { $0.proven })
    }

    @Test("stability never buys a worse plan: a reference with the urgent standard second is not followed")
    func neverWorse() throws {
        var portfolio = Self.twins
        portfolio.standards[0].urgency = 5  // a first is now strictly better: 5·4 + 3·8 = 44 < 3·4 + 5·8 = 52
        var options = PlanOptions()
        options.reference = Self.reference(aFirst: false)
        let result = try Fixtures.plan(portfolio, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == 44)
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 4))
        // Both publications moved by 4 months from the reference.
        #expect(result.levels.last?.value == 8)
    }

    @Test("without a reference there is no stability level and the objective is unchanged")
    func noReference() throws {
        let result = try Fixtures.plan(Self.twins)
        #expect(result.levels.map(\.name) == ["lateness", "completion"])
        #expect(result.objective == 36)
    }
}
