import PlanModel

/// A small hand-built portfolio and a hand-checked valid schedule for it, shared by the
/// validator tests. Every month below is chosen so that one rule is exactly at its boundary,
/// which lets each violation case move one thing by one month and break exactly one rule.
///
/// Plan 2022-01 … 2023-06. Units: u1 capacity 1; u2 capacity 1, from 2022-11 capacity 2.
/// Resource wg (review slots) capacity 1. Life cycle: init 1 month (no load), draft 2 months
/// (unit 1), review 1 month (unit 1, wg 1), pub 1 month (wg 1).
///
///     P  published 2021-10
///     A  in progress in draft since 2021-12, lead u1, review takes 3 months
///          draft 2021-12…2022-01 · review 2022-02…04 · pub 2022-05
///     B  planned, lead u1 or u2 (scheduled on u2), earliest start 2022-02
///          init 2022-02 (earliest start) · draft 2022-04…05 (A draft 2022-01 + 1 + lag 2)
///          · review 2022-06 · pub 2022-07
///     C  planned, lead u2, its draft loads the unit with 2
///          init 2022-09 (B published 2022-07 + 1 + lag 1) · draft 2022-11…12 (u2 reaches 2)
///          · review 2023-01 · pub 2023-02
///
/// Loads: u1 1 in 2022-01…04; u2 1 in 2022-04…06, 2 in 2022-11…12, 1 in 2023-01;
/// wg 1 in 2022-02…07 and 2023-01…02. Nothing is over capacity.
enum ValidatorFixture {
    static func ym(_ year: Int, _ month: Int) -> Month { Month(year: year, month: month) }

    static let planStart = ym(2022, 1)
    static let horizonEnd = ym(2023, 6)
    /// u2's capacity rises from 1 to 2 in this month.
    static let capacityIncrease = ym(2022, 11)

    static let published: StandardID = "P"
    static let inProgress: StandardID = "A"
    static let planned: StandardID = "B"
    static let plannedLater: StandardID = "C"

    static let wg: ResourceID = "wg"

    static func lifeCycle() -> [Phase] {
        [
            Phase(id: "init", name: "立项", months: 1),
            Phase(id: "draft", name: "起草", months: 2, unitLoad: 1),
            Phase(id: "review", name: "送审稿", months: 1, unitLoad: 1, resourceLoads: [ResourceLoad(resource: wg, amount: 1)]),
            Phase(id: "pub", name: "发布", months: 1, resourceLoads: [ResourceLoad(resource: wg, amount: 1)]),
        ]
    }

    /// `lifeCycle()` with one phase changed.
    static func lifeCycle(changing id: PhaseID, _ change: (inout Phase) -> Void) -> [Phase] {
        var phases = lifeCycle()
        let i = phases.firstIndex { $0.id == id }!
        change(&phases[i])
        return phases
    }

    /// The standard-level dependency: C starts after B is published, plus one month.
    static let standardLevel = Dependency(predecessor: planned, successor: plannedLater, lag: 1)
    /// The phase-level dependency: B's draft starts after A's draft finishes, plus two months.
    static let phaseLevel = Dependency(predecessor: inProgress, predecessorPhase: "draft", successor: planned, successorPhase: "draft", lag: 2)
    /// On a published standard; not binding (2021-10 + 1 + 0 is before the plan start).
    static let onPublished = Dependency(predecessor: published, successor: plannedLater, lag: 0)

    static func portfolio() -> Portfolio {
        Portfolio(
            name: "validator fixture", planStart: planStart, horizonEnd: horizonEnd,
            units: [
                LeadUnit(id: "u1", name: "one", capacity: .constant(1)),
                LeadUnit(id: "u2", name: "two", capacity: CapacityProfile(initial: 1, changes: [.init(from: capacityIncrease, value: 2)])),
            ],
            resources: [SharedResource(id: wg, name: "review slots", capacity: .constant(1))],
            standards: [
                Standard(id: published, name: "published", category: .operations, urgency: 1, targetYear: nil,
                         status: .published(ym(2021, 10)), leadUnits: [], phases: lifeCycle(), reference: "JR/T 0001—2021"),
                Standard(id: inProgress, name: "in progress", category: .operations, urgency: 3, targetYear: 2022,
                         status: .inProgress(phase: "draft", since: ym(2021, 12)), leadUnits: ["u1"],
                         phases: lifeCycle(changing: "review") { $0.months = 3 }),
                Standard(id: planned, name: "planned, two candidates", category: .itGovernance, urgency: 2, targetYear: 2022,
                         earliestStart: ym(2022, 2), leadUnits: ["u1", "u2"], phases: lifeCycle()),
                Standard(id: plannedLater, name: "planned, heavy draft", category: .technologyPlatform, urgency: 1, targetYear: 2023,
                         leadUnits: ["u2"], phases: lifeCycle(changing: "draft") { $0.unitLoad = 2 }),
            ],
            dependencies: [phaseLevel, standardLevel, onPublished]
        )
    }

    static func phase(_ id: PhaseID, _ start: Month, _ finish: Month) -> ScheduledPhase {
        ScheduledPhase(phase: id, start: start, finish: finish)
    }

    static func validSchedule() -> Schedule {
        Schedule(standards: [
            StandardSchedule(standard: published, leadUnit: nil, phases: [], published: ym(2021, 10)),
            StandardSchedule(standard: inProgress, leadUnit: "u1", phases: [
                phase("draft", ym(2021, 12), ym(2022, 1)),
                phase("review", ym(2022, 2), ym(2022, 4)),
                phase("pub", ym(2022, 5), ym(2022, 5)),
            ], published: ym(2022, 5)),
            StandardSchedule(standard: planned, leadUnit: "u2", phases: [
                phase("init", ym(2022, 2), ym(2022, 2)),
                phase("draft", ym(2022, 4), ym(2022, 5)),
                phase("review", ym(2022, 6), ym(2022, 6)),
                phase("pub", ym(2022, 7), ym(2022, 7)),
            ], published: ym(2022, 7)),
            StandardSchedule(standard: plannedLater, leadUnit: "u2", phases: [
                phase("init", ym(2022, 9), ym(2022, 9)),
                phase("draft", ym(2022, 11), ym(2022, 12)),
                phase("review", ym(2023, 1), ym(2023, 1)),
                phase("pub", ym(2023, 2), ym(2023, 2)),
            ], published: ym(2023, 2)),
        ])
    }
}

extension Schedule {
    /// This schedule with the entry of `id` changed.
    func validatorChanging(_ id: StandardID, _ change: (inout StandardSchedule) -> Void) -> Schedule {
        var copy = self
        let i = copy.standards.firstIndex { $0.standard == id }!
        change(&copy.standards[i])
        return copy
    }
}

extension StandardSchedule {
    /// Moves phase `id` to `start…finish`.
    mutating func validatorMove(_ id: PhaseID, _ start: Month, _ finish: Month) {
        let i = phases.firstIndex { $0.phase == id }!
        phases[i].start = start
        phases[i].finish = finish
    }
}
