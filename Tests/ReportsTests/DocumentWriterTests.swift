import Foundation
import PlanModel
@testable import Reports
import ScenarioFile
import Scheduling
import Testing

/// The document writers on the baseline plan and on hand-made cases: months to dates, line
/// folding, bars and dependencies in the Gantt chart, MSPDI links and lags, TaskJuggler groups.
@Suite("Documents: report, MSPDI, iCalendar, TaskJuggler")
struct DocumentWriterTests {
    static let baseline: Result<(Portfolio, PlanResult), any Error> = Result {
        let portfolio = try ScenarioLoader.builtinBaseline()
        var result = try Planner.plan(portfolio)
        result.seconds = 0
        return (portfolio, result)
    }

    @Test("months become working days: first and last Monday-to-Friday of the month",
          arguments: [(2022, 1, "2022-01-03", "2022-01-31", 21), (2022, 4, "2022-04-01", "2022-04-29", 21),
                      (2024, 2, "2024-02-01", "2024-02-29", 21), (2023, 12, "2023-12-01", "2023-12-29", 21),
                      (2022, 10, "2022-10-03", "2022-10-31", 21)])
    func workingDays(year: Int, month: Int, first: String, last: String, days: Int) {
        let m = Month(year: year, month: month)
        #expect(WorkingCalendar.firstWorkingDay(of: m).iso == first)
        #expect(WorkingCalendar.lastWorkingDay(of: m).iso == last)
        #expect(WorkingCalendar.workingDays(from: m, through: m) == days)
    }

    @Test("calendar days: serial numbers round-trip, weekdays are right")
    func calendarDays() {
        for serial in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(serial: serial).serial == serial)
        }
        #expect(CalendarDay(year: 1970, month: 1, day: 1).weekday == 4)   // Thursday
        #expect(CalendarDay(year: 2024, month: 2, day: 29).weekday == 4)  // Thursday
        #expect(CalendarDay(year: 2022, month: 1, day: 1).weekday == 6)   // Saturday
    }

    @Test("iCalendar folding: at most 75 octets a line, never inside a character, unfolds to the line",
          arguments: ["SUMMARY:" + String(repeating: "证券期货业", count: 20), "DESCRIPTION:" + String(repeating: "a", count: 200),
                      "X:" + String(repeating: "é中a", count: 40), "SHORT:ok"])
    func folding(line: String) {
        let folded = ICalendarWriter.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = String(folded.dropLast()).components(separatedBy: "\r\n")  // "\r\n" is one Character
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(String(folded.replacingOccurrences(of: "\r\n ", with: "").dropLast()) == line)
    }

    @Test("iCalendar UIDs depend on scenario, standard and phase, and on nothing else")
    func stableUIDs() throws {
        let (portfolio, result) = try Self.baseline.get()
        let schedule = try #require(result.schedule)
        let first = ICalendarWriter(portfolio: portfolio, schedule: schedule, date: "2025-01-01")
        let later = ICalendarWriter(portfolio: portfolio, schedule: schedule, date: "2025-03-01")
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first.render()) == uids(later.render()))
        #expect(Set(uids(first.render())).count == uids(first.render()).count)
        var renamed = portfolio
        renamed.name = "another scenario"
        #expect(ICalendarWriter(portfolio: renamed, schedule: schedule, date: "2025-01-01").uid(standard: "devops", phase: "drafting")
            != first.uid(standard: "devops", phase: "drafting"))
        #expect(first.uid(standard: "devops", phase: "drafting").hasPrefix("devops.drafting."))
    }

    @Test("the baseline report: one bar per scheduled phase, every name, same bytes twice, no script")
    func report() throws {
        let (portfolio, result) = try Self.baseline.get()
        let report = HTMLReport(scenarios: [ReportScenario(source: "built-in baseline", portfolio: portfolio, result: result)], date: "2025-01-01")
        let html = report.render()
        let phases = try #require(result.schedule).standards.reduce(0) { $0 + $1.phases.count }
        #expect(html.components(separatedBy: "data-bar=\"phase\"").count - 1 == phases)
        #expect(report.barCount == phases)
        for standard in portfolio.standards { #expect(html.contains(standard.name)) }
        #expect(html == report.render())
        #expect(!html.contains("<script") && !html.contains("http://www.w3.org/1999/xlink"))
        #expect(html.contains("Noto Sans CJK SC") && html.contains("size: A4 landscape"))
        // The summary the header shows is the plan's: 15 of 22 on time, 273 urgency-weighted months late.
        let summary = try #require(PlanSummary(portfolio: portfolio, schedule: result.schedule))
        #expect(html.contains("\(summary.onTime) <small>of \(summary.withTarget)"))
        #expect(html.contains(">\(summary.weightedMonthsLate) <small>"))
    }

    @Test("idle months between phases are drawn as gaps with their length")
    func idleMonths() throws {
        let (portfolio, result) = try Self.baseline.get()
        let scenario = ReportScenario(source: "x", portfolio: portfolio, result: result)
        let chart = GanttChart(scenario: scenario, timeline: GanttChart.timeline(for: scenario), palette: PhasePalette(portfolios: [portfolio]), idPrefix: "t")
        var gaps = 0
        for entry in try #require(result.schedule).standards {
            for (a, b) in zip(entry.phases, entry.phases.dropFirst()) where b.start - a.finish - 1 > 0 { gaps += 1 }
        }
        #expect(gaps > 0)
        #expect(chart.svg().components(separatedBy: "<g class=\"idle\">").count - 1 == gaps)
    }

    @Test("MSPDI: a task per phase, summaries per standard and category, links with lags in months")
    func mspdi() throws {
        let (portfolio, result) = try Self.baseline.get()
        let schedule = try #require(result.schedule)
        let xml = MSPDIWriter(portfolio: portfolio, schedule: schedule, date: "2025-01-01").render()
        let open = portfolio.standards.filter { !$0.isPublished }
        let phases = schedule.standards.reduce(0) { $0 + $1.phases.count }
        let categories = Set(open.map { $0.category }).count
        #expect(xml.components(separatedBy: "<Task>").count - 1 == 1 + categories + open.count + phases)
        let links = xml.components(separatedBy: "<PredecessorLink>").count - 1
        let chained = schedule.standards.reduce(0) { $0 + max(0, $1.phases.count - 1) }
        let dependencies = portfolio.dependencies.compactMap { PlanDocument.DependencyEntry(dependency: $0, in: portfolio) }.filter { dependency in
            guard let phase = dependency.predecessorPhase else { return false }
            return schedule.entry(for: StandardID(dependency.predecessor))?.phases.contains { $0.phase.rawValue == phase } ?? false
        }
        #expect(links == chained + dependencies.count)
        #expect(xml.contains("<Deadline>2022-12-30T17:00:00</Deadline>"))  // devops, target 2022
        #expect(xml.components(separatedBy: "<Baseline><Number>0</Number>").count - 1 >= 1 + categories + open.count + phases)
    }

    @Test("TaskJuggler: a member resource per unit of capacity, leaves where a capacity drops, stdplan's figures in the header")
    func taskJuggler() throws {
        let unit = LeadUnit(id: "u", name: "Unit \"U\"", capacity: CapacityProfile(initial: 2, changes: [.init(from: Month(year: 2023, month: 1), value: 1)]))
        let standard = Standard(id: "s", name: "S", category: .operations, urgency: 5, targetYear: 2022, leadUnits: ["u"],
                                phases: [Phase(id: "drafting", name: "起草", months: 4, unitLoad: 1), Phase(id: "publication", name: "发布", months: 1)])
        let portfolio = Portfolio(name: "t", planStart: Month(year: 2022, month: 1), horizonEnd: Month(year: 2024, month: 12), units: [unit],
                                  resources: [], standards: [standard], dependencies: [])
        let result = try Planner.plan(portfolio)
        let tjp = TaskJugglerWriter(portfolio: portfolio, result: result).render()
        #expect(tjp.contains("resource unit1 \"Unit \\\"U\\\"\" {"))
        #expect(tjp.contains("resource unit1_2 \"Unit \\\"U\\\" 2\" {\n    leaves project 2023-01-01 - "))
        #expect(tjp.contains("effort 4m\n    allocate unit1_1 { alternative unit1_2 mandatory select order }"))
        #expect(tjp.contains("duration 1m"))
        #expect(tjp.contains("priority 700"))
        #expect(tjp.contains("# stdplan-figures status=optimal on_time=1 with_target=1 weighted_months_late=0"))
    }
}
