import Foundation
import PlanModel
import Reports
import ScenarioFile
import Scheduling
import Testing

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
