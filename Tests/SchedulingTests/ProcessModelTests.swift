import PlanModel
import Testing
@testable import Scheduling
import Validation

/// The committee's process in the planner: waits between phases, calendar gates, capacity dips,
/// deferred, cancelled and superseded work. Each portfolio is small enough to solve by hand (the
/// comments), and is planned both by the full planner and by the heuristic alone, whose schedule
/// must also pass the validator.
@Suite("Planner: the committee's process")
struct ProcessModelTests {
    static func ym(_ month: Int, _ year: Int = 2022) -> Month { Month(year: year, month: month) }

    /// `blocker` (5 stars) holds the only review slot in 2022-01…06. `b` drafts for 2 months on its
    /// own unit, then needs the review slot for 1 month: its review can start only in 2022-07, so it
    /// publishes 2022-07 whatever happens; drafting as early as possible leaves it waiting 4 months.
    static func waitingPortfolio(maxWait: Int?, idleCost: Int) -> Portfolio {
        let blocker = Fixtures.standard("blocker", urgency: 5, target: 2022, units: ["u1"],
                                        phases: [Fixtures.phase("review", months: 6, load: 0, resources: ["rev": 1])])
        let b = Fixtures.standard("b", urgency: 1, target: 2022, units: ["u2"], phases: [
            Fixtures.phase("draft", months: 2),
            Phase(id: "review", name: "review", months: 1, unitLoad: 0, resourceLoads: [ResourceLoad(resource: "rev", amount: 1)],
                  maxWait: maxWait, idleCost: idleCost),
        ])
        return Fixtures.portfolio([blocker, b], units: [Fixtures.unit("u1", capacity: 1), Fixtures.unit("u2", capacity: 1)],
                                  resources: [SharedResource(id: "rev", name: "rev", capacity: .constant(1))])
    }

    static func draft(_ result: PlanResult) -> ScheduledPhase? { result.schedule?.entry(for: "b")?.phases.first }

    @Test("a draft may wait at most max_wait months for its review", arguments: [0, 1, 3])
    func maxWait(limit: Int) throws {
        let result = try Fixtures.plan(Self.waitingPortfolio(maxWait: limit, idleCost: 0))
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "b")?.published == Self.ym(7))
        let draft = try #require(Self.draft(result))
        // Review starts 2022-07, so drafting finishes 2022-06 − limit at the earliest.
        #expect(Self.ym(7) - draft.finish - 1 <= limit)
        #expect(result.objective == 5 * 6 + 1 * 7)
    }

    @Test("without max_wait or idle cost the draft may sit (today's model, unchanged)")
    func idleForFree() throws {
        let result = try Fixtures.plan(Self.waitingPortfolio(maxWait: nil, idleCost: 0))
        #expect(result.status == .optimal)
        #expect(result.objective == 5 * 6 + 1 * 7)
    }

    @Test("an idle cost closes the wait: drafting starts as late as publication allows")
    func idleCost() throws {
        let result = try Fixtures.plan(Self.waitingPortfolio(maxWait: nil, idleCost: 2))
        #expect(result.status == .optimal)
        let draft = try #require(Self.draft(result))
        #expect(draft.start == Self.ym(5))
        #expect(draft.finish == Self.ym(6))
        #expect(result.schedule?.entry(for: "b")?.idleMonths == 0)
        #expect(result.objective == 5 * 6 + 1 * 7)
    }

    @Test("the heuristic alone also closes the costly wait")
    func heuristicIdle() throws {
        let portfolio = Self.waitingPortfolio(maxWait: 1, idleCost: 2)
        let problem = PlanningProblem(portfolio)
        let windows = try TimeWindows(problem)
        let heuristic = try #require(SerialScheduler(problem: problem, windows: windows).bestSchedule(iterations: 10))
        let compacted = IdleCompaction(problem: problem, windows: windows).compact(heuristic)
        let schedule = ScheduleDecoder(problem: problem).schedule(from: compacted)
        #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
        #expect(schedule.entry(for: "b")?.idleMonths == 0)
    }

    /// One standard: work 2 months on its unit, then publication 1 month that may end only in the
    /// regulator's batch months (April and November). Initiation, when present, 1 month, may start
    /// only in March or September.
    static func gated(initiation: Bool) -> Portfolio {
        var phases: [Phase] = []
        if initiation { phases.append(Phase(id: "init", name: "立项", months: 1, startsIn: "approval")) }
        phases.append(Fixtures.phase("work", months: 2))
        phases.append(Phase(id: "pub", name: "发布", months: 1, endsIn: "batches"))
        var portfolio = Fixtures.portfolio([Fixtures.standard("a", urgency: 3, target: 2022, phases: phases)])
        portfolio.calendars = [
            ProgrammeCalendar(id: "batches", name: "CSRC batches", monthsOfYear: [4, 11]),
            ProgrammeCalendar(id: "approval", name: "立项 batches", monthsOfYear: [3, 9]),
        ]
        return portfolio
    }

    @Test("publication only in a batch month: work 01–02, publication waits for April")
    func endGate() throws {
        let result = try Fixtures.plan(Self.gated(initiation: false))
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.published == Self.ym(4))
        #expect(result.objective == 3 * 4)
    }

    @Test("initiation only in March or September: 立项 03, work 04–05, publication waits for November")
    func startGate() throws {
        let result = try Fixtures.plan(Self.gated(initiation: true))
        #expect(result.status == .optimal)
        let entry = try #require(result.schedule?.entry(for: "a"))
        #expect(entry.phases.first?.start == Self.ym(3))
        #expect(entry.published == Self.ym(11))
        #expect(result.objective == 3 * 11)
    }

    @Test("a capacity dip: with no capacity in February, a 2-month phase starts in March")
    func capacityFactor() throws {
        var portfolio = Fixtures.portfolio([Fixtures.standard("a", urgency: 2, target: 2022, phases: [Fixtures.phase("work", months: 2)])])
        portfolio.calendars = [ProgrammeCalendar(id: "spring", name: "春节", monthsOfYear: [2])]
        portfolio.capacityFactors = [CapacityFactor(calendar: "spring", factor: 0)]
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.phases.first?.start == Self.ym(3))
        #expect(result.objective == 2 * 4)
        // A factor of 0 stops work; halving rounds up, so 1 stays 1, 3 becomes 2 and 4 becomes 2.
        #expect(portfolio.capacity(of: portfolio.units[0], in: Self.ym(2)) == 0)
        portfolio.capacityFactors[0].factor = 0.5
        #expect(portfolio.capacity(of: portfolio.units[0], in: Self.ym(2)) == 1)
        for (base, halved) in [(3, 2), (4, 2)] {
            portfolio.units[0].capacity = .constant(base)
            #expect(portfolio.capacity(of: portfolio.units[0], in: Self.ym(2)) == halved)
            #expect(portfolio.capacity(of: portfolio.units[0], in: Self.ym(3)) == base)
        }
    }

    @Test("deferred work starts no earlier than its month and is never late")
    func deferred() throws {
        let portfolio = Fixtures.portfolio([Fixtures.standard("a", urgency: 4, target: 2022, phases: [Fixtures.phase("work", months: 2)],
                                                              status: .deferred(until: Self.ym(12)))])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.published == Self.ym(1, 2023))
        // Published after its target year, but deferred: no lateness, only completion (4 × 13).
        #expect(result.levels.first?.value == 0)
        #expect(result.objective == 4 * 13)
    }

    @Test("cancelled work is not scheduled and holds nothing back")
    func cancelled() throws {
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("gone", phases: [Fixtures.phase("work", months: 6)], status: .cancelled),
             Fixtures.standard("a", urgency: 2, phases: [Fixtures.phase("work", months: 2)])],
            dependencies: [Dependency(predecessor: "gone", successor: "a")])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "gone") == nil)
        #expect(result.schedule?.entry(for: "a")?.published == Self.ym(2))
    }

    @Test("superseded work is not scheduled; what waited for it waits for its successor")
    func superseded() throws {
        let portfolio = Fixtures.portfolio(
            [Fixtures.standard("old", phases: [Fixtures.phase("work", months: 6)], status: .superseded(by: "new")),
             Fixtures.standard("new", urgency: 2, units: ["u2"], phases: [Fixtures.phase("work", months: 3)]),
             Fixtures.standard("a", urgency: 2, phases: [Fixtures.phase("work", months: 2)])],
            units: [Fixtures.unit("u", capacity: 1), Fixtures.unit("u2", capacity: 1)],
            dependencies: [Dependency(predecessor: "old", successor: "a")])
        let result = try Fixtures.plan(portfolio)
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "old") == nil)
        // new publishes 2022-03, so a starts 2022-04 and publishes 2022-05.
        #expect(result.schedule?.entry(for: "a")?.published == Self.ym(5))
    }
}

/// The summary counts targets from the plan and assumed ones apart, and deferred and withdrawn
/// work apart from both.
@Suite("Plan summary: targets by source, deferred and withdrawn work")
struct PlanSummarySourceTests {
    @Test("one late standard with an assumed target, one on time from the plan, one deferred, one cancelled")
    func tallies() throws {
        var assumed = Fixtures.standard("assumed", urgency: 3, target: 2022, phases: [Fixtures.phase("work", months: 8)])
        assumed.targetSource = .assumed
        let fromPlan = Fixtures.standard("plan", urgency: 2, target: 2022, units: ["u2"], phases: [Fixtures.phase("work", months: 2)])
        let later = Fixtures.standard("later", target: 2022, units: ["u2"], phases: [Fixtures.phase("work", months: 1)],
                                      status: .deferred(until: Month(year: 2023, month: 6)))
        let gone = Fixtures.standard("gone", phases: [Fixtures.phase("work", months: 1)], status: .cancelled)
        var portfolio = Fixtures.portfolio([assumed, fromPlan, later, gone],
                                           units: [Fixtures.unit("u", capacity: 1), Fixtures.unit("u2", capacity: 1)])
        portfolio.standards[0].earliestStart = Month(year: 2022, month: 6)  // 06…2023-01: one month late
        let result = try Fixtures.plan(portfolio)
        let summary = try #require(PlanSummary(portfolio: portfolio, schedule: result.schedule))
        #expect(summary.withTarget == 2 && summary.onTime == 1 && summary.weightedMonthsLate == 3)
        #expect(summary.bySource[.assumed]?.weightedMonthsLate == 3)
        #expect(summary.bySource[.assumed]?.onTime == 0)
        #expect(summary.bySource[.plan]?.onTime == 1)
        #expect(summary.bySource[.plan]?.weightedMonthsLate == 0)
        #expect(summary.deferred == 1 && summary.withdrawn == 1)
    }
}
