import PlanModel
import Testing
@testable import Scheduling
import Validation

/// The validator's process rules, one minimal break each, on a portfolio that uses them: a review
/// that may wait at most 1 month after drafting, a publication that may end only in April or
/// November, a start gate for drafting (January or March), work deferred until 2022-06, and
/// cancelled work.
@Suite("ScheduleValidator: the committee's process")
struct ProcessValidatorTests {
    static func ym(_ month: Int) -> Month { Month(year: 2022, month: month) }

    static let portfolio: Portfolio = {
        let phases = [
            Phase(id: "draft", name: "起草", months: 2, unitLoad: 1, startsIn: "draft-window"),
            Phase(id: "review", name: "送审稿", months: 1, maxWait: 1),
            Phase(id: "pub", name: "发布", months: 1, endsIn: "batches"),
        ]
        var portfolio = Fixtures.portfolio([
            Fixtures.standard("a", phases: phases),
            Fixtures.standard("later", phases: [Fixtures.phase("work", months: 1)], status: .deferred(until: ym(6))),
            Fixtures.standard("gone", phases: [Fixtures.phase("work", months: 1)], status: .cancelled),
        ], units: [Fixtures.unit("u", capacity: 2)])
        portfolio.calendars = [
            ProgrammeCalendar(id: "batches", name: "batches", monthsOfYear: [4, 11]),
            ProgrammeCalendar(id: "draft-window", name: "draft window", monthsOfYear: [1, 3]),
        ]
        return portfolio
    }()

    /// Valid: a drafts 2022-01…02 (a window month), reviews 2022-03 (no wait), publishes 2022-04 (a
    /// batch month); `later` works 2022-06 (its deferral's month); `gone` has no entry.
    static let valid = Schedule(standards: [
        StandardSchedule(standard: "a", leadUnit: "u", phases: [
            ScheduledPhase(phase: "draft", start: ym(1), finish: ym(2)),
            ScheduledPhase(phase: "review", start: ym(3), finish: ym(3)),
            ScheduledPhase(phase: "pub", start: ym(4), finish: ym(4)),
        ], published: ym(4)),
        StandardSchedule(standard: "later", leadUnit: "u", phases: [ScheduledPhase(phase: "work", start: ym(6), finish: ym(6))], published: ym(6)),
    ])

    static func changing(_ id: StandardID, _ change: (inout StandardSchedule) -> Void) -> Schedule {
        var schedule = valid
        let index = schedule.standards.firstIndex { $0.standard == id }!
        change(&schedule.standards[index])
        return schedule
    }

    @Test("the valid schedule passes")
    func validPasses() {
        #expect(ScheduleValidator.check(Self.valid, against: Self.portfolio).isEmpty)
    }

    static let cases: [(String, ScheduleViolation.Kind, Schedule)] = [
        ("review waits 2 months after drafting (max 1)", .wait, changing("a") {
            $0.phases[0] = ScheduledPhase(phase: "draft", start: ym(1), finish: ym(2))
            $0.phases[1] = ScheduledPhase(phase: "review", start: ym(5), finish: ym(5))
            $0.phases[2] = ScheduledPhase(phase: "pub", start: ym(11), finish: ym(11))
            $0.published = ym(11)
        }),
        ("publication ends in May, not a batch month", .calendar, changing("a") {
            $0.phases[2] = ScheduledPhase(phase: "pub", start: ym(5), finish: ym(5))
            $0.published = ym(5)
        }),
        ("drafting starts in February, outside its window", .calendar, changing("a") {
            $0.phases[0] = ScheduledPhase(phase: "draft", start: ym(2), finish: ym(3))
            $0.phases[1] = ScheduledPhase(phase: "review", start: ym(4), finish: ym(4))
            $0.phases[2] = ScheduledPhase(phase: "pub", start: ym(11), finish: ym(11))
            $0.published = ym(11)
        }),
        ("deferred work starts before its month", .earliestStart, changing("later") {
            $0.phases[0] = ScheduledPhase(phase: "work", start: ym(5), finish: ym(5))
            $0.published = ym(5)
        }),
        ("cancelled work scheduled", .withdrawn, {
            var schedule = valid
            schedule.standards.append(StandardSchedule(standard: "gone", leadUnit: "u", phases: [ScheduledPhase(phase: "work", start: ym(1), finish: ym(1))], published: ym(1)))
            return schedule
        }()),
    ]

    @Test("a minimal change breaks exactly the expected rule", arguments: 0..<cases.count)
    func violation(_ index: Int) {
        let (name, kind, schedule) = Self.cases[index]
        let kinds = Set(ScheduleValidator.check(schedule, against: Self.portfolio).map(\.kind))
        #expect(kinds == [kind], "\(name)")
    }
}
