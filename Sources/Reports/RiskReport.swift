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

    /// The report in `format`.
    public func render(_ format: PlanFormat) -> String {
        switch format {
        case .table: text(markdown: false)
        case .markdown: text(markdown: true)
        case .json: json()
        case .csv: csv()
        }
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "" }
    static func decimal(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "" }

    private func text(markdown: Bool) -> String {
        var out = markdown ? "# Slippage risk: \(portfolio.name)\n\n" : "Slippage risk: \(portfolio.name)\n"
        let status = asOf.map { ", status as of \($0)" } ?? ""
        out += "Scenario \(source), plan start \(portfolio.planStart)\(status); plan \(plan.status.rawValue); "
        out += "\(risk.samples) samples, seed \(risk.seed); \(risk.uncertainPhases) phases with uncertain durations.\n"
        out += "Simulated policy: \(RiskDocument.policy) (docs/risk.md).\n"
        if risk.uncertainPhases == 0 {
            out += "No phase duration is uncertain in this scenario: every sample is the plan.\n"
        }
        out += "\n"

        out += markdown ? "## Standards\n\n" : "Standards (open at the plan start)\n"
        var table = TextTable(headers: ["Standard", "ID", "Urgency", "Target", "Planned", "P(on time)", "P50", "P80", "P90", "E[late]", "Critical"],
                              rightAligned: [5, 9, 10])
        for item in risk.standards {
            table.append([
                portfolio.standard(item.standard)?.name ?? item.standard.rawValue, item.standard.rawValue,
                String(repeating: "*", count: item.urgency), item.targetYear.map(String.init) ?? "",
                item.plannedPublication.description, Self.percent(item.probabilityOnTime),
                item.p50.description, item.p80.description, item.p90.description,
                Self.decimal(item.expectedMonthsLate), Self.percent(item.criticality),
            ])
        }
        out += markdown ? table.markdown() : table.render()
        out += markdown ? "\n" : ""
        out += "P(on time): published by December of the target year. P50/P80/P90: month by which that share of samples has published.\n"
        out += "E[late]: mean months late. Critical: share of samples in which it is late or on the chain that decides a late publication.\n"
        out += apart()
        out += "\n"

        let p = risk.portfolio
        out += markdown ? "## Portfolio\n\n" : "Portfolio\n"
        var rows: [[String]] = [
            ["Standards with a target year", "\(p.standardsWithTarget)"],
            ["On time in the plan", "\(p.plannedOnTime)"],
            ["On time (P10 / P50 / P90)", "\(p.onTimeP10) / \(p.onTimeP50) / \(p.onTimeP90) (mean \(Self.decimal(p.onTimeMean)))"],
        ]
        if let all = p.probabilityAllUrgentOnTime {
            rows.append(["All urgency-5 on time", "\(Self.percent(all)) (\(p.urgentStandards) standards)"])
        } else {
            rows.append(["All urgency-5 on time", "no urgency-5 standard with a target year"])
        }
        rows.append(["Weighted months late", "planned \(p.plannedWeightedMonthsLate), expected \(Self.decimal(p.expectedWeightedMonthsLate))"])
        if markdown {
            out += "| | |\n|---|---|\n" + rows.map { "| \($0[0]) | \($0[1]) |\n" }.joined() + "\n"
        } else {
            out += rows.map { "  " + DisplayWidth.pad($0[0], to: 30) + $0[1] + "\n" }.joined()
        }
        out += "On time P10: at least that many in 90% of samples; P90: in 10%.\n"

        guard !risk.sensitivity.isEmpty else { return out }
        out += "\n"
        out += markdown ? "## Sensitivity: what drives lateness\n\n" : "Sensitivity: what drives lateness\n"
        var tornado = TextTable(headers: ["Driver", "Kind", "Phases", "Fast tenth", "Slow tenth", "Swing", ""], rightAligned: [2, 3, 4, 5])
        let widest = max(risk.sensitivity.map(\.swing).max() ?? 0, 1e-9)
        for bar in risk.sensitivity {
            let length = bar.swing > 0 ? max(1, Int((bar.swing / widest * 24).rounded())) : 0
            tornado.append([
                bar.kind == .phase ? "\(bar.name) (\(bar.id))" : bar.name, bar.kind.rawValue, "\(bar.phases)",
                Self.decimal(bar.fastLateness), Self.decimal(bar.slowLateness), Self.decimal(bar.swing),
                String(repeating: "#", count: length),
            ])
        }
        out += markdown ? tornado.markdown() : tornado.render()
        out += markdown ? "\n" : ""
        out += "Urgency-weighted months late, mean over the tenth of samples in which the driver's phases ran fastest and slowest.\n"
        return out
    }

    /// Deferred and withdrawn work, counted apart: a line each, empty when there is none.
    private func apart() -> String {
        var out = ""
        let deferred = portfolio.standards.filter(\.isDeferred)
        if !deferred.isEmpty {
            out += "Deferred (simulated from the month the deferral ends; their target years do not count): "
            out += deferred.map { "\($0.id) (\($0.status.words(for: $0)))" }.joined(separator: ", ") + ".\n"
        }
        let withdrawn = portfolio.standards.filter(\.isWithdrawn)
        if !withdrawn.isEmpty {
            out += "Not simulated, never late: " + withdrawn.map { "\($0.id) (\($0.status.words(for: $0)))" }.joined(separator: ", ") + ".\n"
        }
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
