import PlanModel
import Testing
@testable import Scheduling

/// Portfolios small enough to solve by hand; the planner must find exactly that optimum.
@Suite("Planner: optima worked out by hand")
struct PlannerOptimumTests {
    @Test("one standard, one 3-month phase: published in its third month")
    func singlePhase() throws {
        let portfolio = Fixtures.portfolio([Fixtures.standard("a", urgency: 2, phases: [Fixtures.phase("work", months: 3)])])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 3))
        // weight 2 × 3 months to publication, nothing late.
        #expect(result.objective == 6)
        #expect(result.bound == 6)
        #expect(result.gap == 0)
    }

    @Test("a unit of capacity 1 must choose: the more urgent standard goes first", arguments: [(5, 1), (1, 5), (4, 2)])
    func capacityForcesChoice(urgencyA: Int, urgencyB: Int) throws {
        // Each takes 8 months on the only unit; one publishes 2022-08 on time, the other 2023-04, 4 months late.
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", urgency: urgencyA, phases: [Fixtures.phase("work", months: 8)]),
            Fixtures.standard("b", urgency: urgencyB, phases: [Fixtures.phase("work", months: 8)]),
        ])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        let (first, second, loserWeight) = urgencyA > urgencyB ? ("a", "b", urgencyB) : ("b", "a", urgencyA)
        #expect(result.schedule?.entry(for: StandardID(first))?.published == Month(year: 2022, month: 8))
        #expect(result.schedule?.entry(for: StandardID(second))?.published == Month(year: 2023, month: 4))
        let lateness = result.latenessWeight * loserWeight * 4
        let completion = (urgencyA > urgencyB ? urgencyA : urgencyB) * 8 + loserWeight * 16
        #expect(result.objective == lateness + completion)
    }

    @Test("lateness comes strictly first: a big saving in completion cannot buy one month late")
    func lexicographic() throws {
        // a: 1 star, due 2022, 11 months; b: 5 stars, due 2030, 2 months; one unit of capacity 1.
        // b first: a publishes 2023-01, 1 month late; completion 5×2 + 1×13 = 23.
        // a first: nothing late; completion 1×11 + 5×13 = 76. Lexicographic order picks a first.
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", urgency: 1, target: 2022, phases: [Fixtures.phase("work", months: 11)]),
            Fixtures.standard("b", urgency: 5, target: 2030, phases: [Fixtures.phase("work", months: 2)]),
        ])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 11))
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2023, month: 1))
        #expect(result.objective == 76)
    }

    @Test("with an explicit small lateness weight, completion can outweigh lateness")
    func explicitWeights() throws {
        // Same portfolio, lateness weight 10: b first costs 23 + 10×1×1 = 33 < 76.
        var portfolio = Fixtures.portfolio([
            Fixtures.standard("a", urgency: 1, target: 2022, phases: [Fixtures.phase("work", months: 11)]),
            Fixtures.standard("b", urgency: 5, target: 2030, phases: [Fixtures.phase("work", months: 2)]),
        ])
        portfolio.weights = ObjectiveWeights(lateness: 10)
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2022, month: 2))
        #expect(result.objective == 33)
    }

    @Test("the optimizer picks the lead unit that is free")
    func leadUnitChoice() throws {
        // u1 has no capacity until 2022-07; u2 is free: leading with u2 publishes 2022-02.
        let units = [
            Fixtures.unit("u1", capacity: 0, changes: [.init(from: Month(year: 2022, month: 7), value: 1)]),
            Fixtures.unit("u2", capacity: 1),
        ]
        let portfolio = Fixtures.portfolio([Fixtures.standard("a", units: ["u1", "u2"])], units: units)
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.leadUnit == "u2")
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 2))
    }

    @Test("two candidates, two standards, capacity 1 each: each gets its own unit")
    func leadUnitsSpread() throws {
        let units = [Fixtures.unit("u1", capacity: 1), Fixtures.unit("u2", capacity: 1)]
        let portfolio = Fixtures.portfolio([
            Fixtures.standard("a", units: ["u1", "u2"], phases: [Fixtures.phase("work", months: 6)]),
            Fixtures.standard("b", units: ["u1", "u2"], phases: [Fixtures.phase("work", months: 6)]),
        ], units: units)
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        let a = try #require(result.schedule?.entry(for: "a")), b = try #require(result.schedule?.entry(for: "b"))
        #expect(a.leadUnit != b.leadUnit)
        #expect(a.published == Month(year: 2022, month: 6) && b.published == Month(year: 2022, month: 6))
        #expect(result.objective == 3 * 6 * 2)
    }

    @Test("finish-to-start with a lag: the successor starts finish + 1 + lag", arguments: [0, 1, 3])
    func dependencyLag(lag: Int) throws {
        let units = [Fixtures.unit("u", capacity: 2)]
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("a"), Fixtures.standard("b")], units: units,
            dependencies: [Dependency(predecessor: "a", successor: "b", lag: lag)])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        // a: 2022-01..02; b starts 2022-03 + lag, takes 2 months.
        let b = try #require(result.schedule?.entry(for: "b"))
        #expect(b.phases.first?.start == Month(year: 2022, month: 3 + lag))
        #expect(b.published == Month(year: 2022, month: 4 + lag))
    }

    @Test("phase-level dependency: drafting waits for the other standard's consultation draft")
    func phaseDependency() throws {
        let phases = [Fixtures.phase("draft", months: 3), Fixtures.phase("consult", months: 2), Fixtures.phase("approve", months: 4)]
        let units = [Fixtures.unit("u", capacity: 2)]
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("a", target: 2030, phases: phases), Fixtures.standard("b", target: 2030, phases: phases)], units: units,
            dependencies: [Dependency(predecessor: "a", predecessorPhase: "consult", successor: "b", successorPhase: "draft")])
        let result = try Fixtures.plan(portfolio)
        // a's consultation finishes 2022-05, so b drafts from 2022-06 and publishes 2022-06 + 9 − 1 = 2023-02.
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "b")?.phases.first?.start == Month(year: 2022, month: 6))
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2023, month: 2))
    }

    @Test("a shared review slot of capacity 1 serialises the review phases, not the drafting")
    func sharedResource() throws {
        let phases = [Fixtures.phase("draft", months: 2), Fixtures.phase("review", months: 2, load: 0, resources: ["wg": 1])]
        let resources = [SharedResource(id: "wg", name: "working group", capacity: .constant(1))]
        let units = [Fixtures.unit("u", capacity: 2)]
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("a", urgency: 4, phases: phases), Fixtures.standard("b", urgency: 2, phases: phases)],
            units: units, resources: resources)
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        // Both draft Jan–Feb; a reviews Mar–Apr, b waits and reviews May–Jun.
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 4))
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2022, month: 6))
        #expect(result.objective == 4 * 4 + 2 * 6)
    }

    @Test("an in-progress phase keeps its start, and one that overran finishes in the plan start month")
    func fixedProgress() throws {
        let phases = [Fixtures.phase("draft", months: 4), Fixtures.phase("approve", months: 2)]
        let overrun = Fixtures.standard("late", phases: phases, status: .inProgress(phase: "draft", since: Month(year: 2021, month: 3)))
        let onTrack = Fixtures.standard("track", units: ["v"], phases: phases, status: .inProgress(phase: "draft", since: Month(year: 2021, month: 11)))
        let portfolio = Fixtures.portfolio([overrun, onTrack], units: [Fixtures.unit("u", capacity: 1), Fixtures.unit("v", capacity: 1)])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        let late = try #require(result.schedule?.entry(for: "late"))
        #expect(late.phases[0].start == Month(year: 2021, month: 3) && late.phases[0].finish == Fixtures.start)
        #expect(late.published == Month(year: 2022, month: 3))
        let track = try #require(result.schedule?.entry(for: "track"))
        #expect(track.phases[0].finish == Month(year: 2022, month: 2))
        #expect(track.published == Month(year: 2022, month: 4))
    }

    @Test("a published standard releases its dependants the month after publication plus the lag")
    func publishedPredecessor() throws {
        let done = Fixtures.standard("done", target: nil, units: [], status: .published(Month(year: 2022, month: 3)))
        let portfolio = Fixtures.portfolio([done, Fixtures.standard("next")],
                                           dependencies: [Dependency(predecessor: "done", successor: "next", lag: 1)])
        // Published is before plan start only in real scenarios; the engine simply honours the date.
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "next")?.phases.first?.start == Month(year: 2022, month: 5))
    }

    @Test("earliest start holds the first phase back")
    func earliestStart() throws {
        let portfolio = Fixtures.portfolio([Fixtures.standard("a", earliest: Month(year: 2022, month: 7))])
        let result = try Fixtures.plan(portfolio)
        #expect(result.schedule?.entry(for: "a")?.phases.first?.start == Month(year: 2022, month: 7))
    }
}
