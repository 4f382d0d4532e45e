import PlanModel
@testable import Scheduling
import Testing
import Validation

private typealias F = ValidatorFixture
private func ym(_ year: Int, _ month: Int) -> Month { Month(year: year, month: month) }

/// One minimal change to the valid fixture schedule and what the validator must say about it.
struct ValidatorCase: Sendable, CustomTestStringConvertible {
    /// Shown as the test case's name.
    var name: String
    /// The kind this case is about.
    var kind: ScheduleViolation.Kind
    /// Exactly the kinds reported (usually just `kind`; a few changes unavoidably break two rules).
    var reported: Set<ScheduleViolation.Kind>
    /// The standard every violation of `kind` names (`.some(nil)`: none, for capacities).
    var standard: StandardID??
    /// The month every violation of `kind` names, if checked.
    var month: Month?
    /// How many violations of `kind`, if checked.
    var count: Int?
    /// The change to the valid schedule.
    var change: @Sendable (Schedule) -> Schedule

    init(_ name: String, _ kind: ScheduleViolation.Kind, also: Set<ScheduleViolation.Kind> = [], standard: StandardID?? = nil,
         month: Month? = nil, count: Int? = nil, _ change: @escaping @Sendable (Schedule) -> Schedule) {
        self.name = name
        self.kind = kind
        self.reported = also.union([kind])
        self.standard = standard
        self.month = month
        self.count = count
        self.change = change
    }

    var testDescription: String { "\(kind.rawValue): \(name)" }

    static let all: [ValidatorCase] = [
        // missing / unknown standards
        ValidatorCase("planned standard left out", .missingStandard, standard: F.planned, count: 1) { s in
            Schedule(standards: s.standards.filter { $0.standard != F.planned })
        },
        ValidatorCase("published standard left out", .missingStandard, standard: F.published, count: 1) { s in
            Schedule(standards: s.standards.filter { $0.standard != F.published })
        },
        ValidatorCase("entry for a standard not in the scenario", .unknownStandard, standard: "X", count: 1) { s in
            var s = s
            s.standards.append(StandardSchedule(standard: "X", leadUnit: "u1", phases: [], published: ym(2022, 3)))
            return s
        },
        ValidatorCase("standard listed twice", .unknownStandard, standard: F.planned, count: 1) { s in
            var s = s
            s.standards.append(s.entry(for: F.planned)!)
            return s
        },
        // lead units
        ValidatorCase("lead unit not in the scenario", .leadUnit, standard: F.plannedLater, count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.leadUnit = "u9" }
        },
        // u2 is a real unit but not A's; A's review then shares u2 with B's draft in 2022-04.
        ValidatorCase("existing unit that is not a candidate", .leadUnit, also: [.unitCapacity], standard: F.inProgress, count: 1) { s in
            s.validatorChanging(F.inProgress) { $0.leadUnit = "u2" }
        },
        ValidatorCase("no lead unit", .leadUnit, standard: F.planned, count: 1) { s in
            s.validatorChanging(F.planned) { $0.leadUnit = nil }
        },
        // phase lists
        ValidatorCase("last phase left out", .phases, standard: F.planned, count: 1) { s in
            s.validatorChanging(F.planned) { $0.phases.removeLast() }
        },
        ValidatorCase("phases out of order", .phases, standard: F.planned, count: 1) { s in
            s.validatorChanging(F.planned) { $0.phases.swapAt(1, 2) }
        },
        ValidatorCase("in-progress standard lists a phase already done", .phases, standard: F.inProgress, count: 1) { s in
            s.validatorChanging(F.inProgress) { $0.phases.insert(F.phase("init", ym(2021, 11), ym(2021, 11)), at: 0) }
        },
        ValidatorCase("published standard with phases", .phases, standard: F.published, count: 1) { s in
            s.validatorChanging(F.published) { $0.phases = [F.phase("pub", ym(2021, 10), ym(2021, 10))] }
        },
        // durations
        ValidatorCase("draft one month short", .duration, standard: F.planned, month: ym(2022, 4), count: 1) { s in
            s.validatorChanging(F.planned) { $0.validatorMove("draft", ym(2022, 4), ym(2022, 4)) }
        },
        ValidatorCase("finish before start", .duration, standard: F.plannedLater, month: ym(2022, 9), count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.validatorMove("init", ym(2022, 9), ym(2022, 8)) }
        },
        // phase order
        ValidatorCase("init in the month the draft starts", .phaseOrder, standard: F.plannedLater, month: ym(2022, 11), count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.validatorMove("init", ym(2022, 11), ym(2022, 11)) }
        },
        // dependencies, one month before the boundary finish + 1 + lag
        ValidatorCase("standard-level: C starts in B's publication + 1 + lag 1 − 1", .dependency,
                      standard: F.plannedLater, month: ym(2022, 8), count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.validatorMove("init", ym(2022, 8), ym(2022, 8)) }
        },
        ValidatorCase("phase-level: B's draft starts in A's draft finish + 1 + lag 2 − 1", .dependency,
                      standard: F.planned, month: ym(2022, 3), count: 1) { s in
            s.validatorChanging(F.planned) { $0.validatorMove("draft", ym(2022, 3), ym(2022, 4)) }
        },
        // earliest start and plan start
        ValidatorCase("one month before the earliest start", .earliestStart, standard: F.planned, month: ym(2022, 1), count: 1) { s in
            s.validatorChanging(F.planned) { $0.validatorMove("init", ym(2022, 1), ym(2022, 1)) }
        },
        // 2021-12 is before both the plan start and B's earliest start: two violations.
        ValidatorCase("before the plan start", .earliestStart, standard: F.planned, month: ym(2021, 12), count: 2) { s in
            s.validatorChanging(F.planned) { $0.validatorMove("init", ym(2021, 12), ym(2021, 12)) }
        },
        // fixed progress: same duration, one month earlier than `since`
        ValidatorCase("in-progress phase moved off its since month", .fixedProgress, standard: F.inProgress, month: ym(2021, 11), count: 1) { s in
            s.validatorChanging(F.inProgress) { $0.validatorMove("draft", ym(2021, 11), ym(2021, 12)) }
        },
        // horizon
        ValidatorCase("publication one month past the horizon", .horizon, standard: F.plannedLater, month: ym(2023, 7), count: 1) { s in
            s.validatorChanging(F.plannedLater) {
                $0.validatorMove("pub", ym(2023, 7), ym(2023, 7))
                $0.published = ym(2023, 7)
            }
        },
        // publication month
        ValidatorCase("publication month is not the last phase's finish", .publication, standard: F.plannedLater, month: ym(2023, 3), count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.published = ym(2023, 3) }
        },
        ValidatorCase("published standard with another month", .publication, standard: F.published, month: ym(2021, 9), count: 1) { s in
            s.validatorChanging(F.published) { $0.published = ym(2021, 9) }
        },
        // unit capacity: B moves to u1 (a valid candidate); its draft meets A's review only in 2022-04
        ValidatorCase("u1 (capacity 1) carries 2 in exactly one month", .unitCapacity, standard: .some(nil), month: ym(2022, 4), count: 1) { s in
            s.validatorChanging(F.planned) { $0.leadUnit = "u1" }
        },
        // capacity change: C's draft (load 2) one month earlier is 2022-10…11; 2 fits u2 in 2022-11, not in 2022-10
        ValidatorCase("load 2 on u2 one month before its capacity rises to 2", .unitCapacity, standard: .some(nil), month: ym(2022, 10), count: 1) { s in
            s.validatorChanging(F.plannedLater) { $0.validatorMove("draft", ym(2022, 10), ym(2022, 11)) }
        },
        // resource capacity: A's publication waits a month and meets B's review on wg
        ValidatorCase("wg carries 2 in one month", .resourceCapacity, standard: .some(nil), month: ym(2022, 6), count: 1) { s in
            s.validatorChanging(F.inProgress) {
                $0.validatorMove("pub", ym(2022, 6), ym(2022, 6))
                $0.published = ym(2022, 6)
            }
        },
    ]
}

@Suite("ScheduleValidator on a hand-built portfolio")
struct ValidatorTests {
    let portfolio = F.portfolio()
    let valid = F.validSchedule()

    @Test("The hand-written schedule is valid")
    func validScheduleHasNoViolations() {
        let violations = ScheduleValidator.check(valid, against: portfolio)
        #expect(violations == [], "\(violations)")
    }

    @Test("The fixture has what the tests rely on")
    func fixtureShape() {
        let standards = portfolio.standards
        #expect(portfolio.units.count == 2)
        #expect(portfolio.units.contains { $0.capacity.changes.isEmpty && $0.capacity.initial == 1 })
        #expect(portfolio.units.contains { !$0.capacity.changes.isEmpty })
        #expect(portfolio.resources.count == 1)
        #expect(standards.filter(\.isPublished).count == 1)
        #expect(standards.contains { if case .inProgress(_, let since) = $0.status { since < portfolio.planStart } else { false } })
        #expect(standards.filter { $0.status == .planned }.count == 2)
        #expect(standards.contains { $0.leadUnits.count == 2 })
        #expect(standards.contains { $0.earliestStart != nil })
        #expect(portfolio.dependencies.contains { $0.predecessorPhase == nil && $0.successorPhase == nil && $0.lag > 0 })
        #expect(portfolio.dependencies.contains { $0.predecessorPhase != nil && $0.successorPhase != nil && $0.lag > 0 })
    }

    @Test("Every violation kind has a case")
    func everyKindCovered() {
        // Hard deadlines need a portfolio that declares one: PlannerDeadlineTests covers `.deadline`; waits,
        // calendars and withdrawn work need the process keys: ProcessValidatorTests covers them.
        let elsewhere: Set<ScheduleViolation.Kind> = [.deadline, .wait, .calendar, .withdrawn]  // + ProcessValidatorTests
        #expect(Set(ValidatorCase.all.map(\.kind)).union(elsewhere) == Set(ScheduleViolation.Kind.allCases))
    }

    @Test("A minimal change breaks exactly the expected rule", arguments: ValidatorCase.all)
    func violation(_ testCase: ValidatorCase) {
        let changed = testCase.change(valid)
        #expect(changed != valid, "the change must change something")
        let violations = ScheduleValidator.check(changed, against: portfolio)
        #expect(Set(violations.map(\.kind)) == testCase.reported, "\(violations)")
        let matching = violations.filter { $0.kind == testCase.kind }
        #expect(!matching.isEmpty)
        if let count = testCase.count { #expect(matching.count == count, "\(matching)") }
        if let month = testCase.month { #expect(matching.allSatisfy { $0.month == month }, "\(matching)") }
        if let standard = testCase.standard { #expect(matching.allSatisfy { $0.standard == standard }, "\(matching)") }
        #expect(matching.allSatisfy { !$0.message.isEmpty && $0.description.hasPrefix("[\(testCase.kind.rawValue)]") })
    }

    /// For both dependencies: the successor's phase starts exactly at finish + 1 + lag in the
    /// valid schedule (computed here from the portfolio, not copied); one month earlier fails.
    @Test("Dependency lags: finish + 1 + lag is the first allowed month", arguments: [F.standardLevel, F.phaseLevel], [0, -1])
    func dependencyBoundary(_ dependency: Dependency, shift: Int) throws {
        let predecessor = try #require(valid.entry(for: dependency.predecessor))
        let finish = dependency.predecessorPhase.map { id in predecessor.phases.first { $0.phase == id }!.finish } ?? predecessor.published
        let successor = try #require(portfolio.standard(dependency.successor))
        let waitingPhase = dependency.successorPhase ?? successor.phases[0].id
        let waiting = try #require(valid.entry(for: dependency.successor)?.phases.first { $0.phase == waitingPhase })
        let allowed = finish + 1 + dependency.lag
        #expect(waiting.start == allowed, "the fixture should sit exactly on the boundary")

        // Move the waiting phase only (same duration); the gaps before it absorb the shift.
        let moved = valid.validatorChanging(dependency.successor) {
            $0.validatorMove(waitingPhase, waiting.start + shift, waiting.finish + shift)
        }
        let violations = ScheduleValidator.check(moved, against: portfolio)
        if shift == 0 {
            #expect(violations == [])
        } else {
            #expect(violations.map(\.kind) == [.dependency], "\(violations)")
            #expect(violations.first?.month == allowed + shift)
            #expect(violations.first?.standard == dependency.successor)
        }
    }

    /// u2 carries C's draft (load 2) from the capacity increase on; each month earlier puts the
    /// first draft month before the increase, where only 1 fits.
    @Test("A capacity change applies from its month on", arguments: [0, 1])
    func capacityChange(monthsLater: Int) {
        let start = F.capacityIncrease + monthsLater
        // Later starts run into C's review in 2023-01; move it along with the publication.
        let moved = valid.validatorChanging(F.plannedLater) {
            $0.validatorMove("draft", start, start + 1)
            $0.validatorMove("review", start + 2, start + 2)
            $0.validatorMove("pub", start + 3, start + 3)
            $0.published = start + 3
        }
        #expect(ScheduleValidator.check(moved, against: portfolio) == [])
        let earlier = moved.validatorChanging(F.plannedLater) { $0.validatorMove("draft", F.capacityIncrease - 1, F.capacityIncrease) }
        let violations = ScheduleValidator.check(earlier, against: portfolio)
        #expect(violations.map(\.kind) == [.unitCapacity], "\(violations)")
        #expect(violations.first?.month == F.capacityIncrease - 1)
    }

    /// A's draft (2 months) has been under way since `since`. If it would have finished before
    /// the plan start, it is still open, so it finishes exactly in the plan start.
    @Test("An overrun in-progress phase finishes exactly in the plan start",
          arguments: [ym(2021, 12), ym(2021, 11), ym(2021, 10), ym(2021, 3)])
    func overrun(since: Month) throws {
        var portfolio = portfolio
        let a = try #require(portfolio.standards.firstIndex { $0.id == F.inProgress })
        portfolio.standards[a].status = .inProgress(phase: "draft", since: since)
        let nominalFinish = since + 1  // draft takes 2 months
        // The model's own rule, which the planner uses, agrees.
        #expect(since + portfolio.standards[a].plannedMonths(ofPhaseAt: 1, planStart: F.planStart) - 1 == F.planStart)

        func scheduleFinishingDraft(in finish: Month) -> Schedule {
            valid.validatorChanging(F.inProgress) { $0.validatorMove("draft", since, finish) }
        }
        #expect(ScheduleValidator.check(scheduleFinishingDraft(in: F.planStart), against: portfolio) == [])

        var wrongFinishes = [F.planStart + 1]
        if nominalFinish < F.planStart { wrongFinishes.append(nominalFinish) }
        for finish in wrongFinishes {
            let violations = ScheduleValidator.check(scheduleFinishingDraft(in: finish), against: portfolio)
            // Finishing in 2022-02 also collides with A's review; the duration is what matters here.
            #expect(violations.contains { $0.kind == .duration && $0.standard == F.inProgress && $0.month == since }, "\(violations)")
            if finish < F.planStart { #expect(violations.map(\.kind) == [.duration], "\(violations)") }
        }
    }

    /// Dependencies do not hold back a phase already done or under way; a later phase of the same
    /// in-progress standard, and any phase whose predecessor phase is still open, do wait.
    @Test("Dependencies onto fixed or finished work are not checked", arguments: [
        // A's draft is under way since 2021-12; C publishes 2023-02. Not checked.
        (Dependency(predecessor: F.plannedLater, successor: F.inProgress, successorPhase: "draft", lag: 0), false),
        // A's first phase (init) is done. Not checked.
        (Dependency(predecessor: F.plannedLater, successor: F.inProgress, lag: 3), false),
        // A's init finished before the plan start: nothing to wait for.
        (Dependency(predecessor: F.inProgress, predecessorPhase: "init", successor: F.planned, lag: 12), false),
        // A phase of a published standard: done long ago.
        (Dependency(predecessor: F.published, predecessorPhase: "review", successor: F.planned, lag: 24), false),
        // Control: A's review is still to be scheduled, so it waits for C (2023-02 + 1).
        (Dependency(predecessor: F.plannedLater, successor: F.inProgress, successorPhase: "review", lag: 0), true),
        // Control: a published predecessor's publication month counts (2021-10 + 1 + 4 = 2022-03 > B's 2022-02).
        (Dependency(predecessor: F.published, successor: F.planned, lag: 4), true),
    ])
    func fixedWorkIsNotHeldBack(_ dependency: Dependency, checked: Bool) {
        var portfolio = portfolio
        portfolio.dependencies.append(dependency)
        let violations = ScheduleValidator.check(valid, against: portfolio)
        if checked {
            #expect(violations.map(\.kind) == [.dependency], "\(violations)")
            #expect(violations.first?.standard == dependency.successor)
        } else {
            #expect(violations == [], "\(violations)")
        }
    }

    @Test("The planner's schedule for the fixture is optimal and passes the validator")
    func plannerResultIsValid() throws {
        let result = try Planner.plan(portfolio, options: PlanOptions(timeLimit: 60))
        #expect(result.status == .optimal)
        let schedule = try #require(result.schedule)
        let violations = ScheduleValidator.check(schedule, against: portfolio)
        #expect(violations == [], "\(violations)")
        #expect(schedule.standards.map(\.standard) == portfolio.standards.map(\.id))
        // The fixed facts survive planning.
        #expect(schedule.entry(for: F.inProgress)?.phases.first == F.phase("draft", ym(2021, 12), ym(2022, 1)))
        #expect(schedule.entry(for: F.published)?.published == ym(2021, 10))
    }
}
