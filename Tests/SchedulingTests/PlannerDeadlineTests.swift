import PlanModel
import Testing
@testable import Scheduling
import Validation

@Suite("Planner: hard deadlines")
struct PlannerDeadlineTests {
    @Test("a hard deadline overrides urgency: the less urgent standard with the hard deadline goes first")
    func hardDeadlineWins() throws {
        // One unit, two 8-month standards due 2022. Without hard deadlines b (5 stars) would go first.
        var a = Fixtures.standard("a", urgency: 1, phases: [Fixtures.phase("work", months: 8)])
        a.hardDeadline = true
        let b = Fixtures.standard("b", urgency: 5, phases: [Fixtures.phase("work", months: 8)])
        let result = try Fixtures.plan(Fixtures.portfolio([a, b]))
        #expect(result.status == .optimal)
        #expect(result.schedule?.entry(for: "a")?.published == Month(year: 2022, month: 8))
        #expect(result.schedule?.entry(for: "b")?.published == Month(year: 2023, month: 4))
    }

    @Test("hard deadlines that cannot all hold make the plan infeasible", arguments: [true, false])
    func conflictingDeadlines(bothHard: Bool) throws {
        var a = Fixtures.standard("a", phases: [Fixtures.phase("work", months: 8)])
        var b = Fixtures.standard("b", phases: [Fixtures.phase("work", months: 8)])
        a.hardDeadline = true
        b.hardDeadline = bothHard
        let result = try Fixtures.plan(Fixtures.portfolio([a, b]))
        #expect(result.status == (bothHard ? .infeasible : .optimal))
    }

    @Test("a hard deadline beyond reach even alone is infeasible before any solve, naming the standard")
    func unreachable() throws {
        var a = Fixtures.standard("a", phases: [Fixtures.phase("work", months: 14)])
        a.hardDeadline = true
        let result = try Fixtures.plan(Fixtures.portfolio([a]))
        #expect(result.status == .infeasible)
        #expect(result.explanation?.contains("a") == true)
    }

    @Test("the validator rejects publication after a hard deadline, and only then", arguments: [(8, false), (12, false), (13, true)])
    func validatorDeadline(month: Int, violated: Bool) throws {
        var a = Fixtures.standard("a", phases: [Fixtures.phase("work", months: 2)])
        a.hardDeadline = true
        let portfolio = Fixtures.portfolio([a])
        let publication = Fixtures.start + (month - 1)
        let schedule = Schedule(standards: [StandardSchedule(
            standard: "a", leadUnit: "u", phases: [ScheduledPhase(phase: "work", start: publication - 1, finish: publication)], published: publication)])
        let kinds = ScheduleValidator.check(schedule, against: portfolio).map(\.kind)
        #expect(kinds == (violated ? [.deadline] : []))
    }
}
