import Foundation
import PlanModel
import Risk
import Scheduling

/// Renders a risk analysis for people (table, Markdown) and programs (JSON, CSV).
public struct RiskReport: Sendable {
    /// The portfolio simulated (with the status applied, when there is one).
    public let portfolio: Portfolio
    /// The deterministic plan that was simulated.
    public let plan: PlanResult
    /// The figures.
    public let risk: RiskResult
    /// Where the scenario came from, for the heading.
    public let source: String
    /// The status date, when the analysis starts from a status file.
    public let asOf: Month?

    /// Creates a report.
    public init(portfolio: Portfolio, plan: PlanResult, risk: RiskResult, source: String, asOf: Month? = nil) {
        self.portfolio = portfolio
        self.plan = plan
        self.risk = risk
        self.source = source
        self.asOf = asOf
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

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "" }
    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }

    /// Red when the standard is more likely late than not, yellow when at risk (below 80 % on time).
    static func colour(_ probability: Double?) -> TerminalText.Colour? {
        guard let probability else { return nil }
        return probability < 0.5 ? .late : probability < 0.8 ? .atRisk : nil
    }

    private func text(markdown: Bool, layout: TerminalLayout) -> String {
        var out = markdown ? "# Slippage risk: \(portfolio.name)\n\n" : TerminalText.paragraph("Slippage risk: \(portfolio.name)", width: layout.width)
        let status = asOf.map { ", status as of \($0)" } ?? ""
        out += TerminalText.paragraph("Scenario \(source), plan start \(portfolio.planStart)\(status); plan \(plan.status.rawValue); "
                                      + "\(risk.samples) samples, seed \(risk.seed); \(risk.uncertainPhases) phases with uncertain durations.", width: layout.width)
        out += TerminalText.paragraph("Simulated policy: \(RiskDocument.policy) (docs/risk.md).", width: layout.width)
        if risk.uncertainPhases == 0 {
            out += "No phase duration is uncertain in this scenario: every sample is the plan.\n"
        }
        out += "\n"

        out += markdown ? "## Standards\n\n" : "Standards (open at the plan start)\n"
        var table = TextTable(headers: ["Standard", "ID", "Urgency", "Target", "Planned", "P(on time)", "P50", "P80", "P90", "E[late]", "Critical"],
                              rightAligned: [5, 9, 10])
        table.shrinkable = [0: .init(comfortable: 24, minimum: 12)]
        table.optional = [1, 7, 10, 8, 4, 2]
        for item in risk.standards {
            table.append([
                portfolio.standard(item.standard)?.name ?? item.standard.rawValue, item.standard.rawValue,
                String(repeating: "*", count: item.urgency), item.targetYear.map(String.init) ?? "",
                item.plannedPublication.description, Self.percent(item.probabilityOnTime),
                item.p50.description, item.p80.description, item.p90.description,
                Self.decimal(item.expectedMonthsLate), Self.percent(item.criticality),
            ], colour: Self.colour(item.probabilityOnTime))
        }
        out += markdown ? table.markdown() : table.render(layout)
        out += markdown ? "\n" : ""
        out += TerminalText.paragraph("P(on time): published by December of the target year. P50/P80/P90: month by which that share of samples has published.",
                                      width: layout.width)
        out += TerminalText.paragraph("E[late]: mean months late. Critical: share of samples in which it is late or on the chain that decides a late publication.",
                                      width: layout.width) + "\n"

        let p = risk.portfolio
        out += markdown ? "## Portfolio\n\n" : "Portfolio\n"
        var rows = SummaryList()
        rows.append("Standards with a target year", "\(p.standardsWithTarget)")
        rows.append("On time in the plan", "\(p.plannedOnTime)")
        rows.append("On time (P10 / P50 / P90)", "\(p.onTimeP10) / \(p.onTimeP50) / \(p.onTimeP90) (mean \(Self.decimal(p.onTimeMean)))")
        if let all = p.probabilityAllUrgentOnTime {
            rows.append("All urgency-5 on time", "\(Self.percent(all)) (\(p.urgentStandards) standards)", colour: Self.colour(all))
        } else {
            rows.append("All urgency-5 on time", "no urgency-5 standard with a target year")
        }
        rows.append("Weighted months late", "planned \(p.plannedWeightedMonthsLate), expected \(Self.decimal(p.expectedWeightedMonthsLate))")
        out += markdown ? rows.markdown() + "\n" : rows.render(layout)
        out += TerminalText.paragraph("On time P10: at least that many in 90% of samples; P90: in 10%.", width: layout.width)

        guard !risk.sensitivity.isEmpty else { return out }
        out += "\n"
        out += markdown ? "## Sensitivity: what drives lateness\n\n" : "Sensitivity: what drives lateness\n"
        var tornado = TextTable(headers: ["Driver", "Kind", "Phases", "Fast tenth", "Slow tenth", "Swing", ""], rightAligned: [2, 3, 4, 5])
        tornado.shrinkable = [0: .init(comfortable: 24, minimum: 12)]
        tornado.optional = [6]
        let widest = max(risk.sensitivity.map(\.swing).max() ?? 0, 1e-9)
        for bar in risk.sensitivity {
            let length = bar.swing > 0 ? max(1, Int((bar.swing / widest * 24).rounded())) : 0
            tornado.append([
                bar.kind == .phase ? "\(bar.name) (\(bar.id))" : bar.name, bar.kind.rawValue, "\(bar.phases)",
                Self.decimal(bar.fastLateness), Self.decimal(bar.slowLateness), Self.decimal(bar.swing),
                String(repeating: "#", count: length),
            ])
        }
        out += markdown ? tornado.markdown() : tornado.render(layout)
        out += markdown ? "\n" : ""
        out += TerminalText.paragraph("Urgency-weighted months late, mean over the tenth of samples in which the driver's phases ran fastest and slowest.",
                                      width: layout.width)
        return out
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = RiskDocument(portfolio: portfolio, plan: plan, risk: risk, asOf: asOf)
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private func csv() -> String {
        let document = RiskDocument(portfolio: portfolio, plan: plan, risk: risk, asOf: asOf)
        var out = CSV.line(["id", "name", "urgency", "target_year", "planned_published", "p_on_time", "p50", "p80", "p90",
                            "expected_months_late", "criticality"])
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
        for entry in document.standards {
            out += CSV.line([entry.id, entry.name, "\(entry.urgency)", entry.targetYear.map(String.init) ?? "", entry.plannedPublished,
                             number(entry.pOnTime), entry.p50, entry.p80, entry.p90, number(entry.expectedMonthsLate), number(entry.criticality)])
        }
        let p = document.portfolio
        var figures = CSV.line(["metric", "value"])
        let rows: [(String, String)] = [
            ("samples", "\(document.samples)"), ("seed", "\(document.seed)"), ("standards_with_target", "\(p.standardsWithTarget)"),
            ("planned_on_time", "\(p.plannedOnTime)"), ("on_time_p10", "\(p.onTimeP10)"), ("on_time_p50", "\(p.onTimeP50)"),
            ("on_time_p90", "\(p.onTimeP90)"), ("on_time_mean", number(p.onTimeMean)), ("urgent_standards", "\(p.urgentStandards)"),
            ("p_all_urgent_on_time", number(p.pAllUrgentOnTime)), ("planned_weighted_months_late", "\(p.plannedWeightedMonthsLate)"),
            ("expected_weighted_months_late", number(p.expectedWeightedMonthsLate)),
        ]
        for (metric, value) in rows { figures += CSV.line([metric, value]) }
        var tornado = CSV.line(["kind", "id", "name", "phases", "fast", "slow", "swing"])
        for bar in document.sensitivity {
            tornado += CSV.line([bar.kind, bar.id, bar.name, "\(bar.phases)", number(bar.fast), number(bar.slow), number(bar.swing)])
        }
        return CSV.sections([("Standards", out), ("Portfolio", figures), ("Sensitivity", tornado)])
    }
}
