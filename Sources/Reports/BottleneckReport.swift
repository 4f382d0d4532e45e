import Foundation
import PlanModel
import Scheduling

/// The bottleneck ranking (`stdplan bottlenecks`).
public struct BottleneckReport: Sendable {
    /// The analysis.
    public let analysis: BottleneckAnalysis
    /// The scenario's name.
    public let scenario: String
    /// The lateness weight, to read objective figures as weighted months.
    public let latenessWeight: Int

    /// Creates a report.
    public init(analysis: BottleneckAnalysis, scenario: String) {
        self.analysis = analysis
        self.scenario = scenario
        latenessWeight = analysis.base.latenessWeight
    }

    /// The report as typed JSON (numbers as numbers), for `--format json`.
    public var document: BottleneckDocument { BottleneckDocument(self) }

    /// The report in `format`.
    public func render(_ format: PlanFormat) -> String {
        let headers = ["Rank", "Kind", "ID", "Name", "Capacity", "Gain: weighted late (re-solve)", "Gain: objective (re-solve)",
                       "Estimate: shadow price", "≈ weighted late", "Re-solve status"]
        var table = TextTable(headers: headers, rightAligned: [0, 4, 5, 6, 7, 8])
        var rows: [[String]] = []
        for (index, item) in analysis.ranking.enumerated() {
            rows.append(["\(index + 1)", item.kind.rawValue, item.id, item.name, "\(item.capacity)",
                         item.lateness.map(String.init) ?? "—", item.objective.map(String.init) ?? "—",
                         item.shadowPrice.map { String(format: "%.1f", $0) } ?? "—",
                         item.shadowLateness.map { String(format: "%.2f", $0) } ?? "—", item.status?.rawValue ?? "—"])
        }
        for row in rows { table.append(row) }
        let baseLine = "Base plan: \(analysis.base.status.rawValue), objective \(analysis.base.objective.map(String.init) ?? "—"), gap \(ComparisonReport.percent(analysis.base.gap))"
        let note = """
            Gain = how much lower the figure is when the unit or resource gets one more unit of capacity in
            every month and the plan is re-solved (exact, within each solve's gap). The estimate is minus
            the sum of the LP relaxation's shadow prices of its capacity rows (objective units; ≈ weighted
            late divides by the lateness weight \(latenessWeight)): cheap, first-order, and blind to integrality.
            """
        switch format {
        case .table: return "Bottlenecks of \(scenario)\n\(baseLine)\n\n" + table.render() + "\n" + note + "\n"
        case .markdown: return "# Bottlenecks of \(scenario)\n\n\(baseLine)\n\n" + table.markdown() + "\n" + note + "\n"
        case .csv:
            return CSV.line(["rank", "kind", "id", "name", "capacity", "lateness_gain", "objective_gain", "shadow_price", "shadow_lateness", "status"])
                + rows.map { CSV.line($0.map { $0 == "—" ? "" : $0 }) }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
            return text + "\n"
        }
    }
}
