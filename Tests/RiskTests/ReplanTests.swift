import Foundation
import PlanModel
import Reports
import Risk
import ScenarioFile
import Scheduling
import Testing
import Validation

/// Re-planning from a status: facts kept, a validator-clean schedule, slippage with reasons.
@Suite("Re-planning from a status")
struct ReplanTests {
    static let december2025: Result<(Portfolio, Replan), any Error> = Result {
        let baseline = try RiskFixtures.baseline.get()
        let status = try StatusFileLoader.load(path: StatusFileTests.december2025, for: baseline)
        return (baseline, try Replanner.replan(baseline, status: status))
    }

    @Test("the baseline re-planned from 2025-12 keeps every fact and passes the validator")
    func december() throws {
        let (baseline, replan) = try Self.december2025.get()
        #expect(replan.result.status == .optimal)
        let schedule = try #require(replan.result.schedule)
        #expect(ScheduleValidator.check(schedule, against: replan.portfolio).isEmpty)
        #expect(replan.brokenFacts.isEmpty)
        #expect(StatusFactCheck.violations(of: schedule, status: replan.status, portfolio: baseline).isEmpty)
        #expect(replan.portfolio.planStart == Month(year: 2025, month: 12))
        // Nothing not started begins before the status date; work under way keeps its start.
        for entry in replan.status.entries {
            let dated = try #require(schedule.entry(for: entry.standard))
            switch entry.status {
            case .planned: #expect(dated.phases.first.map { $0.start >= replan.status.asOf } == true)
            case .inProgress(let phase, let since): #expect(dated.phases.first?.phase == phase && dated.phases.first?.start == since)
            case .published(let month): #expect(dated.published == month && dated.phases.isEmpty)
            case .deferred, .cancelled, .superseded: Issue.record("the 2025-12 status has no deferred or withdrawn work")
            }
        }
    }

    @Test("the slippage of the published facts is measured against the baseline plan")
    func facts() throws {
        let (_, replan) = try Self.december2025.get()
        #expect(replan.slippage.count == 22)
        func slip(_ id: StandardID) throws -> Slippage { try #require(replan.slippage.first { $0.standard == id }) }
        // JR/T 0246—2022: planned 2022-04 (approval since 2021-12), published 2022-04.
        #expect(try slip("elderly-app").monthsSlipped == 0)
        #expect(try slip("elderly-app").mainReason == nil)
        // JR/T 0251—2022: planned 2022-02 (the first CSRC batch month), published 2022-11: its approval stage took longer.
        #expect(try slip("service-continuity").monthsSlipped == 9)
        #expect(try slip("service-continuity").contributions == [SlipContribution(reason: .longerPhases(from: "approval", through: "publication"), months: 9)])
        // JR/T 0059—2024: planned 2023-04 (a revision, shorter drafting), published 2024-12.
        #expect(try slip("backup-capability").monthsSlipped == 20)
        #expect(try slip("backup-capability").forecast == Month(year: 2024, month: 12))
        // Drafting since 2021 and still not done in 2025-12: a longer phase.
        #expect(try slip("it-architecture").mainReason == .longerPhase("drafting"))
        // Not started by 2025-12 although planned for 2022: a late start.
        #expect(try slip("devops").mainReason == .lateStart)
    }

    @Test("every slip is split exactly into its reasons")
    func partsAddUp() throws {
        let (_, replan) = try Self.december2025.get()
        for item in replan.slippage {
            #expect(item.contributions.reduce(0) { $0 + $1.months } == item.monthsSlipped, "\(item.standard): \(item.contributions)")
        }
        // Standards waiting for a slipped predecessor say so.
        let waits = replan.slippage.filter { $0.contributions.contains { if case .dependency = $0.reason { true } else { false } } }
        #expect(waits.contains { $0.standard == "dt-maturity-model" })
    }

    /// A hand-made case for each reason. Unit `u` (capacity 1) leads everything, one phase
    /// `work` per standard, targets 2022. The plan: `long` 2022-01…04, then `after` (urgency 4,
    /// waits for `long`) 05…06, then `queued` (earliest start 2022-07) 07…08. As of 2022-07,
    /// `long` is still in `work` since 2022-01 and the others have not started. Re-planned:
    /// `long` ends 07 (+3: a longer phase); `after` 08…09 (+3: not started by 07, +2 late
    /// start; then it waits for `long`, +1 dependency); `queued` 10…11 (+3: it waits for the
    /// unit, held by `long` and then by the more urgent `after`).
    static func small() -> (Portfolio, StatusSnapshot) {
        let queued = Standard(id: "queued", name: "queued", category: .operations, urgency: 3, targetYear: 2022,
                              earliestStart: Month(year: 2022, month: 7), leadUnits: ["u"], phases: [RiskFixtures.phase("work", months: 2)])
        let portfolio = RiskFixtures.portfolio(
            [RiskFixtures.standard("long", phases: [RiskFixtures.phase("work", months: 4)]),
             RiskFixtures.standard("after", urgency: 4, phases: [RiskFixtures.phase("work", months: 2)]), queued],
            dependencies: [Dependency(predecessor: "long", successor: "after")], horizon: Month(year: 2024, month: 12))
        let status = StatusSnapshot(asOf: Month(year: 2022, month: 7), entries: [
            StatusEntry(standard: "long", status: .inProgress(phase: "work", since: Month(year: 2022, month: 1))),
            StatusEntry(standard: "after", status: .planned),
            StatusEntry(standard: "queued", status: .planned),
        ])
        return (portfolio, status)
    }

    @Test("late start, longer phase, dependency and capacity, worked out by hand")
    func reasons() throws {
        let (portfolio, status) = Self.small()
        let replan = try Replanner.replan(portfolio, status: status)
        let baseline = try #require(replan.baseline.schedule)
        #expect(["long", "after", "queued"].map { baseline.entry(for: StandardID($0))?.published } == [4, 6, 8].map { Month(year: 2022, month: $0) })
        let schedule = try #require(replan.result.schedule)
        #expect(ScheduleValidator.check(schedule, against: replan.portfolio).isEmpty)
        #expect(replan.brokenFacts.isEmpty)
        #expect(["long", "after", "queued"].map { schedule.entry(for: StandardID($0))?.published } == [7, 9, 11].map { Month(year: 2022, month: $0) })
        func slip(_ id: StandardID) throws -> [SlipContribution] { try #require(replan.slippage.first { $0.standard == id }).contributions }
        #expect(try slip("long") == [SlipContribution(reason: .longerPhase("work"), months: 3)])
        #expect(try slip("after") == [SlipContribution(reason: .lateStart, months: 2), SlipContribution(reason: .dependency("long"), months: 1)])
        #expect(try slip("queued") == [SlipContribution(reason: .unitCapacity("u"), months: 3)])
    }

    /// Unit `u` (capacity 1), one 2-month phase each, targets 2022: `held`, `dropped`, `old`
    /// (which `after` waits for) and `new`. As of 2022-03 nothing has started; `held` is
    /// deferred until 2022-10, `dropped` cancelled, `old` superseded by `new`.
    static func withdrawals() -> (Portfolio, StatusSnapshot) {
        let work = [RiskFixtures.phase("work", months: 2)]
        let portfolio = RiskFixtures.portfolio(
            ["held", "dropped", "old", "new", "after"].map { RiskFixtures.standard($0, phases: work) },
            dependencies: [Dependency(predecessor: "old", successor: "after")], horizon: Month(year: 2024, month: 12))
        let status = StatusSnapshot(asOf: Month(year: 2022, month: 3), entries: [
            StatusEntry(standard: "held", status: .deferred(until: Month(year: 2022, month: 10))),
            StatusEntry(standard: "dropped", status: .cancelled, source: .fact),
            StatusEntry(standard: "old", status: .superseded(by: "new")),
            StatusEntry(standard: "new", status: .planned),
            StatusEntry(standard: "after", status: .planned),
        ])
        return (portfolio, status)
    }

    @Test("deferred, cancelled and superseded work: kept by the re-plan, counted apart, never slipped or late")
    func withdrawnAndDeferred() throws {
        let (portfolio, status) = Self.withdrawals()
        let replan = try Replanner.replan(portfolio, status: status)
        let schedule = try #require(replan.result.schedule)
        #expect(ScheduleValidator.check(schedule, against: replan.portfolio).isEmpty)
        #expect(replan.brokenFacts.isEmpty)
        #expect(schedule.entry(for: "dropped") == nil && schedule.entry(for: "old") == nil)
        #expect(try #require(schedule.entry(for: "held")?.phases.first).start >= Month(year: 2022, month: 10))
        // `after` waited for `old`; now it waits for `new`, which supersedes it.
        let new = try #require(schedule.entry(for: "new"))
        #expect(try #require(schedule.entry(for: "after")?.phases.first).start > new.published)

        func slip(_ id: StandardID) throws -> Slippage { try #require(replan.slippage.first { $0.standard == id }) }
        for id: StandardID in ["dropped", "old"] {
            let item = try slip(id)
            #expect(item.isWithdrawn && item.forecast == nil && item.monthsLate == nil && item.monthsSlipped == 0 && item.contributions.isEmpty)
        }
        let held = try slip("held")
        #expect(held.monthsLate == nil)
        #expect(held.contributions.contains { $0.reason == .deferred(until: Month(year: 2022, month: 10)) && $0.months > 0 })
        #expect(held.contributions.reduce(0) { $0 + $1.months } == held.monthsSlipped)

        let report = ReplanReport(scenario: portfolio, replan: replan, source: "fixture", statusSource: "status.yaml")
        let table = report.render(.table, layout: .wide)
        #expect(table.contains("superseded by new"))
        #expect(table.contains("deferred until 2022-10"))
        #expect(table.contains("2 cancelled or superseded (no forecast, not counted)"))
        #expect(table.contains("1 deferred (target no longer counts, never late)"))
        let document = try JSONDecoder().decode(ReplanDocument.self, from: Data(report.render(.json).utf8))
        let dropped = try #require(document.slippage.first { $0.id == "dropped" })
        #expect(dropped.status == "cancelled" && dropped.forecast == nil && dropped.monthsSlipped == nil && dropped.monthsLate == nil)
        #expect(document.slippage.first { $0.id == "old" }?.supersededBy == "new")
        #expect(document.slippage.first { $0.id == "held" }?.deferredUntil == "2022-10")
        #expect(document.slippage.first { $0.id == "held" }?.reasons.contains { $0.kind == "deferred" } == true)
        // Withdrawn work comes last.
        #expect(document.slippage.suffix(2).map(\.id).sorted() == ["dropped", "old"])

        // The risk simulation from the status leaves withdrawn work out and says so.
        let (plan, planned) = try RiskFixtures.plan(replan.portfolio)
        let risk = try RiskSimulation.run(portfolio: replan.portfolio, plan: planned, options: RiskOptions(samples: 50, seed: 1, threads: 1))
        #expect(risk.risk(of: "dropped") == nil && risk.risk(of: "old") == nil)
        #expect(risk.risk(of: "held")?.probabilityOnTime == nil)
        let riskText = RiskReport(portfolio: replan.portfolio, plan: plan, risk: risk, source: "fixture", asOf: status.asOf).render(.table, layout: .wide)
        #expect(riskText.contains("Not simulated, never late: dropped (cancelled), old (superseded by new)."))
        #expect(riskText.contains("Deferred (simulated from the month the deferral ends; their target years do not count): held (deferred until 2022-10)."))
        let riskJSON = try JSONDecoder().decode(RiskDocument.self, from: Data(RiskReport(portfolio: replan.portfolio, plan: plan, risk: risk, source: "fixture").render(.json).utf8))
        #expect(riskJSON.withdrawn.map(\.id) == ["dropped", "old"])
        #expect(riskJSON.standards.first { $0.id == "held" }?.deferredUntil == "2022-10")
    }

    @Test("the fact check catches deferred work started early and withdrawn work scheduled")
    func factCheckOfNewStates() throws {
        let (portfolio, status) = Self.withdrawals()
        let replan = try Replanner.replan(portfolio, status: status)
        var schedule = try #require(replan.result.schedule)
        let held = try #require(schedule.standards.firstIndex { $0.standard == "held" })
        schedule.standards[held].phases[0].start = Month(year: 2022, month: 9)
        schedule.standards.append(StandardSchedule(standard: "dropped", leadUnit: "u", phases: [
            ScheduledPhase(phase: "work", start: Month(year: 2022, month: 3), finish: Month(year: 2022, month: 4))], published: Month(year: 2022, month: 4)))
        #expect(StatusFactCheck.violations(of: schedule, status: status, portfolio: portfolio) == [
            "held is deferred until 2022-10, the re-plan starts work in 2022-09",
            "dropped is cancelled, the re-plan still schedules it",
        ])
    }

    @Test("the re-plan renders in every format; JSON reads back")
    func renders() throws {
        let (baseline, replan) = try Self.december2025.get()
        let report = ReplanReport(scenario: baseline, replan: replan, source: "built-in baseline", statusSource: "Scenarios/status/2025-12.yaml")
        let table = report.render(.table)
        #expect(table.contains("Slippage against the baseline plan"))
        #expect(table.contains("longer 报批稿–发布 +9"))
        #expect(table.contains("published 2024-12"))
        let markdown = report.render(.markdown)
        #expect(markdown.contains("## Slippage against the baseline plan"))
        let json = report.render(.json)
        let document = try JSONDecoder().decode(ReplanDocument.self, from: Data(json.utf8))
        #expect(document.asOf == "2025-12")
        #expect(document.slippage.count == 22)
        #expect(document.slippage.first { $0.id == "service-continuity" }?.reason == "longer_phases")
        #expect(document.plan.standards.count == 30)
        #expect(json.contains("\"since\" : null"))
        // The re-planned schedule (title, header, 30 standards), then the slippage (title, header, 22).
        let sections = report.render(.csv).components(separatedBy: "\r\n\r\n").map { $0.split(separator: "\r\n") }
        #expect(sections.map(\.count) == [32, 24])
        #expect(sections[0][0] == "Re-planned schedule")
        #expect(sections[1][0] == "Slippage")
    }
}
