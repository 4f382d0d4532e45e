import PlanModel
@testable import Reports
import Scheduling
import Testing

/// The plan's summary in words: calendar waits read off a schedule, assumed targets apart from
/// the plan's, set-aside work on its own line, and no line that names a binding body.
@Suite("Plan summary in words")
struct PlanReadingTests {
    static let start = Month(year: 2022, month: 1)

    /// Months of 2022 as `Month`s.
    static func m(_ month: Int) -> Month { Month(year: 2022, month: month) }

    @Test("calendar waits: what each gate alone imposes, never more than the phase waited, nothing for the first phase")
    func calendarWaits() {
        let meetings = ProgrammeCalendar(id: "meetings", name: "审查会议", monthsOfYear: [6, 12])
        let batches = ProgrammeCalendar(id: "batches", name: "立项批次", monthsOfYear: [3, 9])
        let phases = [Phase(id: "initiation", name: "立项", months: 1, startsIn: "batches"),
                      Phase(id: "drafting", name: "起草", months: 3, unitLoad: 1),
                      Phase(id: "review", name: "送审稿", months: 2, endsIn: "meetings"),
                      Phase(id: "consultation", name: "征求意见稿", months: 1, startsIn: "batches")]
        let standards = ["a", "b"].map { Standard(id: StandardID($0), name: $0, category: .operations, urgency: 3, targetYear: 2023,
                                                   leadUnits: ["u"], phases: phases) }
        var portfolio = Portfolio(name: "t", planStart: Self.start, horizonEnd: Self.start + 35,
                                  units: [LeadUnit(id: "u", name: "U", capacity: CapacityProfile(initial: 2, changes: []))],
                                  resources: [], standards: standards, dependencies: [])
        portfolio.calendars = [batches, meetings]
        let schedule = Schedule(standards: [
            // a: initiation in March (the first phase's wait is not counted), drafting Apr–Jun; the review,
            // ready in July, can first end at a meeting in December (Nov–Dec): the meeting alone imposes 4
            // months, and it waited 4.
            StandardSchedule(standard: "a", leadUnit: "u", phases: [
                ScheduledPhase(phase: "initiation", start: Self.m(3), finish: Self.m(3)),
                ScheduledPhase(phase: "drafting", start: Self.m(4), finish: Self.m(6)),
                ScheduledPhase(phase: "review", start: Self.m(11), finish: Self.m(12)),
                // Ready January 2023; the batch of March alone imposes 2 months; it waited 8 (to September).
                ScheduledPhase(phase: "consultation", start: Month(year: 2023, month: 9), finish: Month(year: 2023, month: 9)),
            ], published: Month(year: 2023, month: 9)),
            // b: drafting waits 2 months without a gate: nothing. The review, ready in March 2023, can first
            // end at the June meeting (May–Jun): 2 months are the calendar's; it waited 8, the rest is not.
            // Consultation ready in January 2024 waits for March's batch: 2.
            StandardSchedule(standard: "b", leadUnit: "u", phases: [
                ScheduledPhase(phase: "initiation", start: Self.m(9), finish: Self.m(9)),
                ScheduledPhase(phase: "drafting", start: Self.m(12), finish: Month(year: 2023, month: 2)),
                ScheduledPhase(phase: "review", start: Month(year: 2023, month: 11), finish: Month(year: 2023, month: 12)),
                ScheduledPhase(phase: "consultation", start: Month(year: 2024, month: 3), finish: Month(year: 2024, month: 3)),
            ], published: Month(year: 2024, month: 3)),
        ])
        let waits = CalendarWaits.of(portfolio, schedule)
        #expect(waits.map(\.calendar.id) == ["meetings", "batches"])
        #expect(waits.map(\.months) == [4 + 2, 2 + 2])
        #expect(waits.map(\.phases) == [2, 2])
    }

    @Test("assumed targets apart from the plan's, deferred and cancelled work on its own line, and bottlenecks named for the binding body")
    func words() throws {
        let phases = [Phase(id: "drafting", name: "起草", months: 12, unitLoad: 1), Phase(id: "publication", name: "发布", months: 1)]
        var assumed = Standard(id: "assumed", name: "A", category: .operations, urgency: 2, targetYear: 2022, leadUnits: ["u"], phases: phases)
        assumed.targetSource = .assumed
        let planned = Standard(id: "planned", name: "P", category: .operations, urgency: 5, targetYear: 2024, leadUnits: ["u"], phases: phases)
        let deferred = Standard(id: "deferred", name: "D", category: .operations, urgency: 1, targetYear: 2023,
                                status: .deferred(until: Month(year: 2023, month: 1)), leadUnits: ["u"], phases: phases)
        let cancelled = Standard(id: "cancelled", name: "C", category: .operations, urgency: 1, targetYear: nil, status: .cancelled,
                                 leadUnits: ["u"], phases: phases)
        let portfolio = Portfolio(name: "t", planStart: Self.start, horizonEnd: Self.start + 47,
                                  units: [LeadUnit(id: "u", name: "U", capacity: CapacityProfile(initial: 1, changes: []))],
                                  resources: [], standards: [assumed, planned, deferred, cancelled], dependencies: [])
        let result = try Planner.plan(portfolio)
        let reading = PlanReading(portfolio: portfolio, result: result)
        let summary = try #require(PlanSummary(portfolio: portfolio, schedule: result.schedule))
        // One unit carries one draft at a time: the assumed target's first (drafting 2022, published
        // 2023-01, a month late, the least possible), then the plan's (published 2024-01, on time).
        #expect(summary.bySource[.plan]?.onTime == 1)
        #expect(summary.bySource[.assumed]?.onTime == 0)
        #expect(reading.onTimeText(summary) == "1 of 2 standards with a target year; 1 misses it. Targets from the plan: 1 of 1 on time; assumed targets: 0 of 1")
        #expect(reading.latenessText(summary).contains("Targets from the plan: 0 weighted months late (0 months); assumed targets: 2 (1 month)"))
        #expect(reading.setAsideText(summary)
                == "1 deferred (planned from the month it may resume; no target, never counted late); 1 cancelled or superseded (not planned)")
        let lines = reading.committeeLines().rows
        #expect(lines.map(\.label) == ["On time", "Months late", "Set aside", "Most urgent slips", "Busiest body", "Binding body", "Last publication"])
        #expect(lines.first { $0.label == "Binding body" }?.text.contains("`stdplan bottlenecks`") == true)
    }
}
