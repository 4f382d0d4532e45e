import Foundation
import PlanModel
import Reports
import ScenarioFile
import Scheduling
import Testing
import Validation

/// The baseline's plan, compared byte for byte with reviewed golden files. To re-record on
/// purpose after a reviewed change: `STDPLAN_RECORD_GOLDEN=1 swift test --filter GoldenFileTests`,
/// then read the diff before committing it.
@Suite("Golden files: the baseline plan")
struct GoldenFileTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The run's wall time is the one thing that may differ; it is fixed before comparing.
    static func baselineReport() throws -> (Portfolio, PlanResult) {
        let portfolio = try ScenarioLoader.builtinBaseline()
        var result = try Planner.plan(portfolio)
        result.seconds = 0
        return (portfolio, result)
    }

    @Test("baseline plan output matches the golden file", arguments: [PlanFormat.json, .table, .csv, .markdown])
    func baseline(format: PlanFormat) throws {
        let (portfolio, result) = try Self.baselineReport()
        #expect(result.status == .optimal)
        let schedule = try #require(result.schedule)
        #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
        let text = PlanReport(portfolio: portfolio, result: result, source: "built-in baseline").render(format)
        let file = Self.golden.appendingPathComponent("baseline-plan.\(format.rawValue == "table" ? "txt" : format.rawValue == "markdown" ? "md" : format.rawValue)")
        if ProcessInfo.processInfo.environment["STDPLAN_RECORD_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "output differs from \(file.lastPathComponent); if the change is intended, re-record (see the suite's comment)")
    }

    @Test("--wide: every phase in its own column, nothing cut")
    func baselineWide() throws {
        let (portfolio, result) = try Self.baselineReport()
        let text = PlanReport(portfolio: portfolio, result: result, source: "built-in baseline").render(.table, layout: .wide)
        try WhatIfGoldenFileTests.compare(text, golden: "baseline-plan-wide", format: .table)
        #expect(!text.contains(TerminalText.ellipsis))
    }

    /// The what-if with hard deadlines no schedule can meet: every format says infeasible, keeps
    /// the facts (publications, phases in progress since their month) and marks the rest
    /// "not scheduled"; the table and CSV carry the explanation.
    @Test("the infeasible what-if says so in every format and shows what is known", arguments: [PlanFormat.table, .csv, .json])
    func infeasibleWhatIf(format: PlanFormat) throws {
        let root = Self.golden.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = "Scenarios/what-if/urgent-hard-deadlines.yaml"
        let portfolio = try ScenarioLoader.loadScenario(path: root.appendingPathComponent(file).path).portfolio
        var result = try Planner.plan(portfolio)
        result.seconds = 0
        #expect(result.status == .infeasible)
        let text = PlanReport(portfolio: portfolio, result: result, source: file).render(format)
        try WhatIfGoldenFileTests.compare(text, golden: "urgent-hard-deadlines-plan", format: format)
        #expect(text.contains("infeasible"))
        #expect(text.contains("2012-12"), "a published standard's month is a fact")
        if format != .json {
            #expect(text.contains("not scheduled") || text.contains("not_scheduled"))
            #expect(text.contains("cannot hold even with unlimited capacity"))
            #expect(!text.contains("done  done"), "no open standard may look finished")
        }
        if format == .table {
            #expect(text.contains("2021-04 起草"), "a phase in progress keeps its start")
        }
        if format == .json {
            let document = try JSONDecoder().decode(PlanDocument.self, from: Data(text.utf8))
            #expect(!document.hasSchedule)
            #expect(document.explanation?.contains("cannot hold") == true)
            #expect(document.standards.filter { $0.status == "published" }.allSatisfy { $0.published != nil })
            #expect(document.standards.filter { $0.status == "in_progress" }.allSatisfy { $0.since != nil && $0.currentPhase != nil })
            #expect(document.standards.filter { $0.status != "published" }.allSatisfy { $0.published == nil })
        }
    }

    @Test("the JSON document round-trips and the schedule read back validates")
    func roundTrip() throws {
        let (portfolio, result) = try Self.baselineReport()
        let json = PlanReport(portfolio: portfolio, result: result, source: "x").render(.json)
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(json.utf8))
        #expect(document == PlanDocument(portfolio: portfolio, result: result))
        #expect(document.standards.count == 30)
        #expect(document.standards.filter { $0.status == "published" }.count == 8)
        let schedule = try document.schedule(file: "plan.json")
        #expect(schedule == result.schedule)
        #expect(ScheduleValidator.check(schedule, against: portfolio).isEmpty)
    }
}
