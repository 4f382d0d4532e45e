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

    /// The report in `format`; the text table laid out for `layout` (Markdown, CSV and JSON are
    /// always complete).
    public func render(_ format: PlanFormat, layout: TerminalLayout = .standard) -> String {
        var table = TextTable(headers: [parameter, "On time", "Weighted late", "Months late", "Last publication", "Status", "Gap"],
                              rightAligned: [1, 2, 3, 6])
        table.optional = [3, 6, 4]
        for point in points {
            let summary = PlanSummary(portfolio: point.portfolio, schedule: point.result.schedule)
            table.append([point.value, summary.map { "\($0.onTime)/\($0.withTarget)" } ?? "—", summary.map { "\($0.weightedMonthsLate)" } ?? "—",
                          summary.map { "\($0.monthsLate)" } ?? "—", summary?.lastPublication?.description ?? "—",
                          point.result.status.rawValue, ComparisonReport.percent(point.result.gap)],
                         colour: summary == nil ? .late : nil)
        }
        switch format {
        case .csv:
            return CSV.line(["value", "status", "gap", "on_time", "with_target", "months_late", "weighted_months_late", "last_publication", "explanation"])
                + points.map { point in
                    let s = PlanSummary(portfolio: point.portfolio, schedule: point.result.schedule)
                    return CSV.line([point.value, point.result.status.rawValue, point.result.gap.map { String($0) } ?? "",
                                     s.map { "\($0.onTime)" } ?? "", s.map { "\($0.withTarget)" } ?? "", s.map { "\($0.monthsLate)" } ?? "",
                                     s.map { "\($0.weightedMonthsLate)" } ?? "", s?.lastPublication?.description ?? "", point.result.explanation ?? ""])
                }.joined()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
            return text + "\n"
        case .markdown:
            return "# Sweep of \(parameter)\n\n" + reading + "\n\n" + table.markdown() + "\n```\n" + chart() + "```\n" + failures(markdown: true, width: nil)
        case .table:
            return TerminalText.paragraph("Sweep of \(parameter)", width: layout.width) + TerminalText.paragraph(reading, width: layout.width) + "\n" + table.render(layout)
                + "\nUrgency-weighted months late\n" + chart(width: min(40, max(10, (layout.width ?? 100) - 30))) + failures(markdown: false, width: layout.width)
        }
    }

    /// The sweep in words: where weighted lateness is least, and from which value on more gains nothing.
    var reading: String {
        let late = points.map { PlanSummary(portfolio: $0.portfolio, schedule: $0.result.schedule)?.weightedMonthsLate }
        let known = zip(points, late).compactMap { point, value in value.map { (point.value, $0) } }
        guard let least = known.map(\.1).min(), let most = known.map(\.1).max() else {
            return "No value of \(parameter) has a schedule."
        }
        let best = known.filter { $0.1 == least }.map(\.0)
        var text = least == most
            ? "Urgency-weighted months late: \(least) at every value with a schedule."
            : "Urgency-weighted months late: from \(least) to \(most); the least, \(least), at \(parameter) = \(best.joined(separator: ", "))."
        let unproven = points.filter { $0.result.status == .feasible }.map(\.value)
        if !unproven.isEmpty { text += " Not proven optimal at \(unproven.joined(separator: ", ")) (see the gap)." }
        return text
    }

    /// The values without a schedule, and why.
    private func failures(markdown: Bool, width: Int?) -> String {
        let failed = points.filter { $0.result.schedule == nil }
        guard !failed.isEmpty else { return "" }
        return "\n" + failed.map { point in
            let text = "No schedule at \(point.value): \(point.result.status.rawValue)" + (point.result.explanation.map { ": \($0)" } ?? "")
            return markdown ? text + "\n" : TerminalText.paragraph(text, width: width, first: "", rest: "  ")
        }.joined()
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
