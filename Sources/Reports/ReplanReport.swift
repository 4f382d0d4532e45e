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

    /// Most slipped first, then most urgent, then by id: a stable order; withdrawn work last.
    static func ordered(_ slippage: [Slippage], in scenario: Portfolio) -> [Slippage] {
        slippage.sorted { a, b in
            let ua = scenario.standard(a.standard)?.urgency ?? 0, ub = scenario.standard(b.standard)?.urgency ?? 0
            let wa = a.isWithdrawn ? 1 : 0, wb = b.isWithdrawn ? 1 : 0
            return (wa, b.monthsSlipped, ub, a.standard.rawValue) < (wb, a.monthsSlipped, ua, b.standard.rawValue)
        }
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

    private func statusText(_ status: StandardStatus, _ standard: Standard?) -> String { status.words(for: standard) }

    private func text(markdown: Bool) -> String {
        let planSource = "\(source) with status \(statusSource) (as of \(replan.status.asOf))"
        var out = PlanReport(portfolio: replan.portfolio, result: replan.result, source: planSource).render(markdown ? .markdown : .table)
        out += "\n"
        out += markdown ? "## Slippage against the baseline plan\n\n" : "Slippage against the baseline plan\n"
        guard replan.baseline.schedule != nil, replan.result.schedule != nil else {
            out += "No slippage: " + (replan.baseline.schedule == nil ? "the baseline plan has no schedule (\(replan.baseline.status.rawValue))" : "the re-plan has no schedule (\(replan.result.status.rawValue))") + ".\n"
            return out
        }
        out += "Baseline: the plan of \(source) from \(scenario.planStart) (\(replan.baseline.status.rawValue)); forecast: the facts of the status file, then the re-plan.\n\n"
        let words = SlipText(scenario: scenario, slippage: replan.slippage)
        var table = TextTable(headers: ["Standard", "ID", "Urgency", "Status \(replan.status.asOf)", "Planned", "Forecast", "Slip", "Late", "Why"], rightAligned: [6, 7])
        for item in Self.ordered(replan.slippage, in: scenario) {
            let standard = scenario.standard(item.standard)
            table.append([
                standard?.name ?? item.standard.rawValue, item.standard.rawValue, String(repeating: "*", count: standard?.urgency ?? 0),
                statusText(item.status, standard), item.planned.description, item.forecast?.description ?? "—",
                item.isWithdrawn ? "—" : SlipText.signed(item.monthsSlipped), item.monthsLate.map(String.init) ?? "", words.summary(item),
            ])
        }
        out += markdown ? table.markdown() : table.render()
        let slipped = replan.slippage.filter { $0.monthsSlipped > 0 }
        out += markdown ? "\n" : ""
        let withdrawn = replan.slippage.filter(\.isWithdrawn).count, deferred = replan.slippage.filter(\.isDeferred).count
        out += "\(slipped.count) of \(replan.slippage.count - withdrawn) standards slipped, by \(slipped.reduce(0) { $0 + $1.monthsSlipped }) months in all"
        if withdrawn > 0 { out += "; \(withdrawn) cancelled or superseded (no forecast, not counted)" }
        if deferred > 0 { out += "; \(deferred) deferred (target no longer counts, never late)" }
        out += ". "
        out += "Slip: forecast minus planned publication; Late: months after December of the target year; "
        out += "Why: the parts of the slip (they add up to it), largest first.\n"
        return out
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(ReplanDocument(scenario: scenario, replan: replan)), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private func csv() -> String {
        var out = CSV.line(["id", "name", "urgency", "target_year", "status", "phase", "since", "planned", "forecast", "months_slipped", "months_late", "reason", "reasons",
                            "deferred_until", "superseded_by"])
        for entry in ReplanDocument(scenario: scenario, replan: replan).slippage {
            let reasons = entry.reasons.map { "\($0.text) \(SlipText.signed($0.months))" }.joined(separator: "; ")
            let slipped = entry.monthsSlipped.map(String.init) ?? ""
            out += CSV.line([entry.id, entry.name, "\(entry.urgency)", entry.targetYear.map(String.init) ?? "", entry.status, entry.phase ?? "",
                             entry.since ?? "", entry.planned, entry.forecast ?? "", slipped, entry.monthsLate.map(String.init) ?? "",
                             entry.reason ?? "", reasons, entry.deferredUntil ?? "", entry.supersededBy ?? ""])
        }
        let schedule = PlanReport(portfolio: replan.portfolio, result: replan.result, source: source).render(.csv)
        return CSV.sections([("Re-planned schedule", schedule), ("Slippage", out)])
    }
}
