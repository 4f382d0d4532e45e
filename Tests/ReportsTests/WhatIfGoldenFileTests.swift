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
        return BottleneckReport(analysis: analysis, scenario: portfolio.name)
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
}
