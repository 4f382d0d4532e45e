import Foundation
import PlanModel
import Scheduling

/// How the plan responds to one parameter (`stdplan sweep`): a row per value and a text chart.
public struct SweepReport: Sendable {
    /// One value of the parameter and its plan.
    public struct Point: Sendable {
        /// The value as the user wrote it.
        public var value: String
        /// The portfolio planned for it.
        public var portfolio: Portfolio
        /// Its plan.
        public var result: PlanResult
        /// Creates a point.
        public init(value: String, portfolio: Portfolio, result: PlanResult) {
            self.value = value
            self.portfolio = portfolio
            self.result = result
        }
    }

    /// What was varied, e.g. `resource:wg-review`.
    public let parameter: String
    /// The points, in the order given.
    public let points: [Point]

    /// Creates a report.
    public init(parameter: String, points: [Point]) {
        self.parameter = parameter
        self.points = points
    }

    /// The report in `format`.
    public func render(_ format: PlanFormat) -> String {
        let headers = [parameter, "Status", "Gap", "On time", "Months late", "Weighted late", "Last publication"]
        var table = TextTable(headers: headers, rightAligned: [2, 3, 4, 5])
        var rows: [[String]] = []
        for point in points {
            let summary = PlanSummary(portfolio: point.portfolio, schedule: point.result.schedule)
            rows.append([point.value, point.result.status.rawValue, ComparisonReport.percent(point.result.gap),
                         summary.map { "\($0.onTime)/\($0.withTarget)" } ?? "—", summary.map { "\($0.monthsLate)" } ?? "—",
                         summary.map { "\($0.weightedMonthsLate)" } ?? "—", summary?.lastPublication?.description ?? "—"])
        }
        for row in rows { table.append(row) }
        switch format {
        case .csv:
            return CSV.line(["value", "status", "gap", "on_time", "with_target", "months_late", "weighted_months_late", "last_publication"])
                + points.map { point in
                    let s = PlanSummary(portfolio: point.portfolio, schedule: point.result.schedule)
                    return CSV.line([point.value, point.result.status.rawValue, point.result.gap.map { String($0) } ?? "",
                                     s.map { "\($0.onTime)" } ?? "", s.map { "\($0.withTarget)" } ?? "", s.map { "\($0.monthsLate)" } ?? "",
                                     s.map { "\($0.weightedMonthsLate)" } ?? "", s?.lastPublication?.description ?? ""])
                }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
            return text + "\n"
        case .markdown:
            return "# Sweep of \(parameter)\n\n" + table.markdown() + "\n```\n" + chart() + "```\n"
        case .table:
            return "Sweep of \(parameter)\n\n" + table.render() + "\nUrgency-weighted months late\n" + chart()
        }
    }

    /// The report as typed JSON (numbers as numbers), for `--format json`.
    public var document: SweepDocument { SweepDocument(self) }

    /// A horizontal bar per value, scaled to the largest.
    func chart(width: Int = 40) -> String {
        let values = points.map { PlanSummary(portfolio: $0.portfolio, schedule: $0.result.schedule)?.weightedMonthsLate }
        let largest = max(1, values.compactMap { $0 }.max() ?? 1)
        let labelWidth = points.map { DisplayWidth.of($0.value) }.max() ?? 1
        return zip(points, values).map { point, value in
            let label = DisplayWidth.pad(point.value, to: labelWidth, right: true)
            guard let value else { return "\(label) | (no schedule: \(point.result.status.rawValue))\n" }
            let bar = String(repeating: "#", count: Int((Double(value) / Double(largest) * Double(width)).rounded()))
            return "\(label) | \(bar) \(value)\n"
        }.joined()
    }
}
