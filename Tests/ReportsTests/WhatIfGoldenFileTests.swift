import Foundation
import PlanModel
import Reports
import ScenarioFile
import Scheduling
import Testing

/// `stdplan sweep` and `stdplan bottlenecks` of the baseline, compared byte for byte with
/// reviewed golden files. Re-record on purpose like the plan's goldens:
/// `STDPLAN_RECORD_GOLDEN=1 swift test --filter WhatIfGoldenFileTests`, then read the diff.
@Suite("Golden files: sweep and bottlenecks of the baseline")
struct WhatIfGoldenFileTests {
    /// The review slots swept. Three is left out: it takes the planner ten seconds and more,
    /// which a loaded machine could stretch towards the time limit and so change the file.
    static let reviewSlots = [4, 5, 6]

    /// Solved once and shared by every format's case, since the bottleneck analysis re-solves
    /// the baseline once per unit and resource. The wall times are zeroed: they are the one
    /// thing that differs between identical runs.
    static let sweep: Result<SweepReport, any Error> = Result {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let variants = try reviewSlots.map { slots in
            try #require(PortfolioVariation.resourceCapacity(ResourceID("wg-review"), slots).applied(to: portfolio))
        }
        let points = try zip(reviewSlots, zip(variants, Planner.planAll(variants))).map { slots, pair in
            var result = try pair.1.get()
            result.seconds = 0
            return SweepReport.Point(value: "\(slots)", portfolio: pair.0, result: result)
        }
        return SweepReport(parameter: "resource:wg-review", points: points)
    }

    static let bottlenecks: Result<BottleneckReport, any Error> = Result {
        let portfolio = try ScenarioLoader.builtinBaseline()
        var analysis = try BottleneckAnalysis.run(portfolio)
        analysis.base.seconds = 0
        return BottleneckReport(analysis: analysis, scenario: portfolio.name, portfolio: portfolio)
    }

    static func compare(_ text: String, golden name: String, format: PlanFormat) throws {
        let suffix = switch format {
        case .table: "txt"
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        }
        let file = GoldenFileTests.golden.appendingPathComponent("\(name).\(suffix)")
        if ProcessInfo.processInfo.environment["STDPLAN_RECORD_GOLDEN"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "output differs from \(file.lastPathComponent); if the change is intended, re-record (see the suite's comment)")
    }

    @Test("sweep of the review slots matches the golden file", arguments: PlanFormat.allCases)
    func sweepGolden(format: PlanFormat) throws {
        let report = try Self.sweep.get()
        #expect(report.points.allSatisfy { $0.result.status == .optimal })
        try Self.compare(report.render(format), golden: "baseline-sweep", format: format)
    }

    @Test("bottleneck ranking matches the golden file", arguments: PlanFormat.allCases)
    func bottlenecksGolden(format: PlanFormat) throws {
        let report = try Self.bottlenecks.get()
        #expect(report.analysis.base.status == .optimal)
        try Self.compare(report.render(format), golden: "baseline-bottlenecks", format: format)
    }

    @Test("the binding body's gain is called exact only when every plan behind it is proven")
    func exactOnlyWhenProven() throws {
        let proven = try Self.bottlenecks.get()
        #expect(proven.render(.markdown).contains("(re-solved, exact)."))
        var analysis = proven.analysis
        // A re-solve cut short by its time limit: its gain compares two schedules, not two optima.
        let top = try #require(analysis.ranking.firstIndex { ($0.lateness ?? 0) > 0 })
        analysis.ranking[top].status = .feasible
        let cut = BottleneckReport(analysis: analysis, scenario: proven.scenario, portfolio: proven.portfolio).render(.markdown)
        #expect(!cut.contains("exact)."))
        #expect(cut.contains("not all proven optimal"))
    }

    @Test("the sweep JSON round-trips and its figures are the plans' own")
    func sweepRoundTrip() throws {
        let report = try Self.sweep.get()
        let document = try JSONDecoder().decode(SweepDocument.self, from: Data(report.render(.json).utf8))
        #expect(document == report.document)
        #expect(document.scenario == "证券期货业技术管理标准规划（2022-2025）基线")
        #expect(document.points.map(\.value) == [4, 5, 6])
        for (point, entry) in zip(report.points, document.points) {
            let summary = try #require(PlanSummary(portfolio: point.portfolio, schedule: point.result.schedule))
            #expect(entry.objective == point.result.objective)
            #expect(entry.onTime == summary.onTime && entry.withTarget == summary.withTarget)
            #expect(entry.weightedMonthsLate == summary.weightedMonthsLate)
        }
    }

    @Test("the bottleneck JSON round-trips and ranks in the analysis' order")
    func bottlenecksRoundTrip() throws {
        let report = try Self.bottlenecks.get()
        let document = try JSONDecoder().decode(BottleneckDocument.self, from: Data(report.render(.json).utf8))
        #expect(document == report.document)
        #expect(document.ranking.map(\.rank) == Array(1...report.analysis.ranking.count))
        #expect(document.ranking.map(\.id) == report.analysis.ranking.map(\.id))
        #expect(document.ranking.map(\.latenessGain) == report.analysis.ranking.map(\.lateness))
        #expect(document.latenessWeight == report.analysis.base.latenessWeight)
    }

    /// A point without a schedule keeps every key, with null figures, so readers need no
    /// "is the key there" checks; the value is a number whenever the text is one.
    @Test("a sweep point without a schedule writes explicit nulls", arguments: [("1.5", 1.5), ("0", 0), ("x", nil)] as [(String, Double?)])
    func sweepNulls(text: String, value: Double?) throws {
        let portfolio = try ScenarioLoader.builtinBaseline()
        let result = PlanResult(status: .infeasible, schedule: nil, objective: nil, bound: nil, gap: nil, seconds: 0.12345, latenessWeight: 1)
        let json = SweepReport(parameter: "duration:*", points: [.init(value: text, portfolio: portfolio, result: result)]).render(.json)
        for key in ["objective", "bound", "gap", "on_time", "with_target", "months_late", "weighted_months_late", "last_publication"] {
            #expect(json.contains("\"\(key)\" : null"), "\(key)")
        }
        let document = try JSONDecoder().decode(SweepDocument.self, from: Data(json.utf8))
        #expect(document.points.first?.value == value)
        #expect(document.points.first?.seconds == 0.123)
    }
}
