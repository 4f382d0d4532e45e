import Foundation
import PlanModel
import Risk
import Scheduling

/// Renders a re-plan: the re-planned schedule (as `stdplan plan` does) and the slippage of
/// every standard against the baseline plan.
public struct ReplanReport: Sendable {
    /// The scenario as planned (the baseline).
    public let scenario: Portfolio
    /// The re-plan.
    public let replan: Replan
    /// Where the scenario came from.
    public let source: String
    /// Where the status came from.
    public let statusSource: String

    /// Creates a report.
    public init(scenario: Portfolio, replan: Replan, source: String, statusSource: String) {
        self.scenario = scenario
        self.replan = replan
        self.source = source
        self.statusSource = statusSource
    }

    /// Most slipped first, then most urgent, then by id: a stable order.
    static func ordered(_ slippage: [Slippage], in scenario: Portfolio) -> [Slippage] {
        slippage.sorted { a, b in
            let ua = scenario.standard(a.standard)?.urgency ?? 0, ub = scenario.standard(b.standard)?.urgency ?? 0
            return (b.monthsSlipped, ub, a.standard.rawValue) < (a.monthsSlipped, ua, b.standard.rawValue)
        }
    }

    /// The report in `format`; text tables laid out for `layout` (Markdown, CSV and JSON are
    /// always complete).
    public func render(_ format: PlanFormat, layout: TerminalLayout = .standard) -> String {
        switch format {
        case .table: text(markdown: false, layout: layout)
        case .markdown: text(markdown: true, layout: .wide)
        case .json: json()
        case .csv: csv()
        }
    }

    private func statusText(_ status: StandardStatus, _ standard: Standard?) -> String { status.words(for: standard) }

    private func text(markdown: Bool, layout: TerminalLayout) -> String {
        let planSource = "\(source) with status \(statusSource) (as of \(replan.status.asOf))"
        var out = PlanReport(portfolio: replan.portfolio, result: replan.result, source: planSource).render(markdown ? .markdown : .table, layout: layout)
        out += "\n"
        out += markdown ? "## Slippage against the baseline plan\n\n" : "Slippage against the baseline plan\n"
        guard replan.baseline.schedule != nil, replan.result.schedule != nil else {
            out += TerminalText.paragraph("No slippage: " + (replan.baseline.schedule == nil ? "the baseline plan has no schedule (\(replan.baseline.status.rawValue))"
                                                                 : "the re-plan has no schedule (\(replan.result.status.rawValue))") + ".", width: layout.width)
            return out
        }
        out += TerminalText.paragraph("Baseline: the plan of \(source) from \(scenario.planStart) (\(replan.baseline.status.rawValue)); "
                                      + "forecast: the facts of the status file, then the re-plan.", width: layout.width) + "\n"
        let words = SlipText(scenario: scenario, slippage: replan.slippage)
        // On a narrow screen the reasons go under the table, wrapped, rather than cut.
        let reasonsBelow = !markdown && layout.isCompact
        var table = TextTable(headers: ["Standard", "ID", "Urgency", "Status \(replan.status.asOf)", "Planned", "Forecast", "Slip", "Late"]
                              + (reasonsBelow ? [] : ["Why"]), rightAligned: [6, 7])
        table.shrinkable = [0: .init(comfortable: 24, minimum: 12), 3: .init(comfortable: 16, minimum: 10)]
        table.optional = [1, 2, 4]
        let ordered = Self.ordered(replan.slippage, in: scenario)
        for item in ordered {
            let standard = scenario.standard(item.standard)
            table.append([
                standard?.name ?? item.standard.rawValue, item.standard.rawValue, String(repeating: "*", count: standard?.urgency ?? 0),
                statusText(item.status, standard), item.planned.description, item.forecast.description,
                SlipText.signed(item.monthsSlipped), item.monthsLate.map(String.init) ?? "",
            ] + (reasonsBelow ? [] : [words.summary(item)]), colour: (item.monthsLate ?? 0) > 0 ? .late : item.monthsSlipped > 0 ? .atRisk : nil)
        }
        out += markdown ? table.markdown() : table.render(layout)
        let slipped = replan.slippage.filter { $0.monthsSlipped > 0 }
        out += markdown ? "\n" : ""
        out += TerminalText.paragraph("\(slipped.count) of \(replan.slippage.count) standards slipped, by \(slipped.reduce(0) { $0 + $1.monthsSlipped }) months in all. "
                                      + "Slip: forecast minus planned publication; Late: months after December of the target year; "
                                      + "Why: the parts of the slip (they add up to it), largest first.", width: layout.width)
        if reasonsBelow {
            out += "\nWhy each standard slipped\n"
            for item in ordered where item.monthsSlipped != 0 || !item.contributions.isEmpty {
                out += TerminalText.paragraph(words.summary(item), width: layout.width, first: "  \(item.standard) \(SlipText.signed(item.monthsSlipped)): ", rest: "      ")
            }
        }
        return out
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(ReplanDocument(scenario: scenario, replan: replan)), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private func csv() -> String {
        var out = CSV.line(["id", "name", "urgency", "target_year", "status", "phase", "since", "planned", "forecast", "months_slipped", "months_late", "reason", "reasons"])
        for entry in ReplanDocument(scenario: scenario, replan: replan).slippage {
            out += CSV.line([entry.id, entry.name, "\(entry.urgency)", entry.targetYear.map(String.init) ?? "", entry.status, entry.phase ?? "",
                             entry.since ?? "", entry.planned, entry.forecast, "\(entry.monthsSlipped)", entry.monthsLate.map(String.init) ?? "",
                             entry.reason ?? "", entry.reasons.map { "\($0.text) \(SlipText.signed($0.months))" }.joined(separator: "; ")])
        }
        let schedule = PlanReport(portfolio: replan.portfolio, result: replan.result, source: source).render(.csv)
        return CSV.sections([("Re-planned schedule", schedule), ("Slippage", out)])
    }
}
