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
    /// The portfolio analysed, for the base plan's figures in words (nil: objective figures only).
    public let portfolio: Portfolio?

    /// Creates a report.
    public init(analysis: BottleneckAnalysis, scenario: String, portfolio: Portfolio? = nil) {
        self.analysis = analysis
        self.scenario = scenario
        latenessWeight = analysis.base.latenessWeight
        self.portfolio = portfolio
    }

    /// The report as typed JSON (numbers as numbers), for `--format json`.
    public var document: BottleneckDocument { BottleneckDocument(self) }

    /// The base plan and the binding body in words.
    var reading: [String] {
        let base = analysis.base
        var lines: [String] = []
        if let portfolio, let summary = PlanSummary(portfolio: portfolio, schedule: base.schedule) {
            lines.append("Base plan: \(summary.onTime) of \(summary.withTarget) standards on time, \(summary.weightedMonthsLate) urgency-weighted "
                         + "months late (\(base.status.rawValue)\(base.status == .optimal ? "" : ", gap \(ComparisonReport.percent(base.gap))")).")
        } else {
            lines.append("Base plan: \(base.status.rawValue), objective \(base.objective.map(String.init) ?? "—"), gap \(ComparisonReport.percent(base.gap)).")
        }
        guard base.schedule != nil else {
            lines.append("The base plan has no schedule, so no gain can be measured.")
            return lines
        }
        let gaining = analysis.ranking.filter { ($0.lateness ?? 0) > 0 }
        if let top = gaining.first {
            // A calendar has no capacity to add: what was re-solved is the calendar open every month.
            let what = top.kind == .calendar ? "open in every month instead of \(top.capacity) months a year"
                : "one more unit of capacity in every month"
            var text = "Binding: \(top.name) (\(top.id)): \(what) cuts \(top.lateness!) urgency-weighted months late"
            if gaining.count > 1 {
                text += "; then " + gaining.dropFirst().prefix(2).map { "\($0.id) \($0.lateness!)" }.joined(separator: ", ")
            }
            // "Exact" only when every plan behind the figures is proven: a time-limited re-solve compares
            // two schedules, not two optima, and its gain may be off by the gaps.
            let named = [top] + gaining.dropFirst().prefix(2)
            let exact = base.status == .optimal && named.allSatisfy { $0.status == .optimal }
            lines.append(text + (exact ? " (re-solved, exact)." : " (re-solved within the time limit, not all proven optimal: gains between best schedules found, not between optima)."))
        } else if let top = analysis.ranking.first(where: { ($0.objective ?? 0) > 0 }) {
            lines.append("No single unit or resource cuts lateness with one more unit of capacity; \(top.name) (\(top.id)) brings publications earliest.")
        } else {
            lines.append("No single unit or resource gains anything from one more unit of capacity.")
        }
        return lines
    }

    /// The report in `format`; the text table laid out for `layout` (Markdown, CSV and JSON are
    /// always complete).
    public func render(_ format: PlanFormat, layout: TerminalLayout = .standard) -> String {
        let headers = ["Rank", "Name", "ID", "Kind", "Capacity", "Gain (re-solve)", "Gain: objective", "Shadow price",
                       "Estimate (LP)", "Re-solve"]
        var table = TextTable(headers: headers, rightAligned: [0, 4, 5, 6, 7, 8])
        table.shrinkable = [1: .init(comfortable: 20, minimum: 10)]
        table.optional = [7, 6, 2, 9, 3]
        var rows: [[String]] = []
        for (index, item) in analysis.ranking.enumerated() {
            rows.append(["\(index + 1)", item.name, item.id, item.kind.rawValue, "\(item.capacity)",
                         item.lateness.map(String.init) ?? "—", item.objective.map(String.init) ?? "—",
                         item.shadowPrice.map { String(format: "%.1f", $0) } ?? "—",
                         item.shadowLateness.map { String(format: "%.2f", $0) } ?? "—", item.status?.rawValue ?? "—"])
        }
        for row in rows { table.append(row) }
        let note = "Gain (re-solve): how many fewer urgency-weighted months late (gain: objective, in objective units) when the unit "
            + "or resource gets one more unit of capacity in every month, or the calendar is open every month (its capacity: months "
            + "a year), and the plan is re-solved (exact, within each solve's gap). "
            + "Estimate (LP): minus the sum of the LP relaxation's shadow prices of its capacity rows, in weighted months late (shadow price: the same "
            + "in objective units, i.e. times the lateness weight \(latenessWeight)): cheap, first-order, and blind to integrality."
        switch format {
        case .table:
            return TerminalText.paragraph("Bottlenecks of \(scenario)", width: layout.width) + reading.map { TerminalText.paragraph($0, width: layout.width) }.joined() + "\n"
                + table.render(layout) + "\n" + TerminalText.paragraph(note, width: layout.width)
        case .markdown:
            return "# Bottlenecks of \(scenario)\n\n" + reading.joined(separator: "\n") + "\n\n" + table.markdown() + "\n" + note + "\n"
        case .csv:
            // The columns in their documented order: rank, kind, id, name, then the figures.
            return CSV.line(["rank", "kind", "id", "name", "capacity", "lateness_gain", "objective_gain", "shadow_price", "shadow_lateness", "status"])
                + rows.map { row in CSV.line(([row[0], row[3], row[2], row[1]] + row[4...]).map { $0 == "—" ? "" : $0 }) }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
            return text + "\n"
        }
    }
}
