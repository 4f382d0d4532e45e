import Foundation
import PlanModel
import Reports
import Risk
import ScenarioFile
import Testing

/// The backtest's report in every format, and its calibration written as an overlay that loads.
@Suite("Backtest reports and calibrated overlays")
struct BacktestReportTests {
    static let result: Result<(Portfolio, BacktestReport), any Error> = Result {
        let (portfolio, status) = BacktestTests.tiny()
        let (plan, schedule) = try RiskFixtures.plan(portfolio)
        let backtest = try Backtest.run(portfolio: portfolio, plan: schedule, status: status, options: RiskOptions(samples: 400, seed: 1, threads: 2))
        return (portfolio, BacktestReport(portfolio: portfolio, plan: plan, backtest: backtest, source: "tiny.yaml", statusSource: "status.yaml"))
    }

    @Test("table, Markdown, JSON and CSV say the same things")
    func formats() throws {
        let (_, report) = try Self.result.get()
        let table = report.render(.table, layout: .wide)
        for text in ["Facts against the forecast", "published 2022-03", "in work", "not started", "Brier score", "Log-likelihood",
                     "All durations", "Verdict: ", "By phase (each in turn, the others held)"] {
            #expect(table.contains(text), "missing \(text)")
        }
        #expect(report.render(.markdown).contains("## Calibration: the duration scale under which the facts are most likely"))
        let document = try JSONDecoder().decode(BacktestDocument.self, from: Data(report.render(.json).utf8))
        #expect(document.facts.map(\.id) == ["a", "b", "c"])
        #expect(document.facts.map(\.observed) == ["published", "in_phase", "not_started"])
        #expect(document.facts[0].month == "2022-03" && document.facts[1].phase == "work")
        let calibration = try #require(document.calibration)
        #expect(calibration.phases.map(\.phase) == ["work", "publish"])
        #expect(calibration.curve.first?.factor == 0.5 && calibration.curve.last?.factor == 4)
        #expect(report.render(.json).contains("\"month\" : null"))
        let sections = report.render(.csv).components(separatedBy: "\r\n\r\n").map { $0.split(separator: "\r\n") }
        #expect(sections.map { $0.first.map(String.init) } == ["Facts", "Scores", "Calibration", "Log-likelihood by factor"])
        #expect(sections[0].count == 5)  // title, header, three facts
        #expect(sections[2].count == 5)  // title, header, all durations and the two phases
    }

    @Test("the calibrated overlay extends the scenario and scales its phases as calibrated; names are quoted safely")
    func overlayLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stdplan-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try StatusFileTests.scenario.replacingOccurrences(of: "name: test", with: "name: \"引号\\\" and \\\\ back: slash\"")
            .write(to: directory.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let portfolio = try ScenarioLoader.load(path: directory.appendingPathComponent("scenario.yaml").path)
        func factor(_ value: Double, _ low: Double, _ high: Double) -> BacktestFactor { BacktestFactor(value: value, low: low, high: high, logLikelihood: -1) }
        let phases = [
            BacktestPhaseFactor(phase: "drafting", name: "起草", factor: factor(2, 1.68, 2.38)),
            BacktestPhaseFactor(phase: "review", name: "送审稿", factor: factor(1.26, 0.5, 4)),
            BacktestPhaseFactor(phase: "approval", name: "报批稿", factor: factor(1.26, 0.5, 2)),
        ]
        func overlay(_ byPhase: Double) -> String {
            BacktestOverlay(portfolio: portfolio, calibration: BacktestCalibration(curve: BacktestCalibration.grid.map { $0 == 1 ? -4 : nil }, overall: factor(1.26, 1.12, 1.41), phases: phases, logLikelihoodByPhase: byPhase),
                            planEnd: Month(year: 2024, month: 12), planStart: portfolio.planStart, asOf: Month(year: 2023, month: 6),
                            extends: "scenario.yaml", command: "stdplan backtest scenario.yaml --status status.yaml").render()
        }
        // By phase: one phase moved, its log-likelihood 3 above one factor's (> 1.92): the phases are written.
        let file = directory.appendingPathComponent("calibrated.yaml")
        try overlay(2).write(to: file, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader.loadScenario(path: file.path)
        #expect(loaded.changes.map(\.name) == ["calibrate-drafting", "calibrate-review", "calibrate-approval"])
        let going = try #require(loaded.portfolio.standard("going"))
        #expect(going.phases.map(\.months) == [16, 3, 4])  // 8 × 2, 2 × 1.26 = 2.52 → 3, 3 × 1.26 = 3.78 → 4
        #expect(loaded.portfolio.name.hasPrefix("引号\" and \\ back: slash（按2023-06实况校准）"))
        #expect(loaded.portfolio.horizonEnd >= Month(year: 2027, month: 12))
        // Not better by 1.92 per phase moved: one factor for all.
        let single = directory.appendingPathComponent("single.yaml")
        try overlay(-0.5).write(to: single, atomically: true, encoding: .utf8)
        let one = try ScenarioLoader.loadScenario(path: single.path)
        #expect(one.changes.map(\.name) == ["calibrate-all-durations"])
        #expect(try #require(one.portfolio.standard("going")).phases.map(\.months) == [10, 3, 4])  // 8 × 1.26 = 10.08
    }
}
