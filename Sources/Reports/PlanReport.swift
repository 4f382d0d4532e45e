import Foundation
import PlanModel
import Scheduling

/// Renders a plan for people (table, Markdown) and for programs (JSON, CSV).
public struct PlanReport: Sendable {
    /// The portfolio planned.
    public let portfolio: Portfolio
    /// The outcome.
    public let result: PlanResult
    /// Where the scenario came from, for the heading.
    public let source: String

    /// Creates a report.
    public init(portfolio: Portfolio, result: PlanResult, source: String) {
        self.portfolio = portfolio
        self.result = result
        self.source = source
    }

    /// The report in `format`.
    public func render(_ format: PlanFormat) -> String {
        switch format {
        // Names reach the terminal and Markdown with control characters escaped (Escaping).
        case .table: Escaping.terminal(text(markdown: false), keepingLineBreaks: true)
        case .markdown: Escaping.terminal(text(markdown: true), keepingLineBreaks: true)
        case .json: json()
        case .csv: csv()
        }
    }

    private var document: PlanDocument { PlanDocument(portfolio: portfolio, result: result) }

    /// Phase columns: the ids of the longest life cycle, named as the first standard names them.
    private var phaseColumns: [(id: PhaseID, name: String)] {
        let longest = portfolio.standards.max { $0.phases.count < $1.phases.count }?.phases ?? []
        return longest.map { ($0.id, $0.name) }
    }

    static func span(_ start: String, _ finish: String) -> String {
        if start == finish { return start }
        if start.prefix(4) == finish.prefix(4) { return "\(start)~\(finish.suffix(2))" }
        return "\(start)~\(finish)"
    }

    private func text(markdown: Bool) -> String {
        let doc = document
        var out = markdown ? "# Plan: \(portfolio.name)\n\n" : "Plan: \(portfolio.name)\n"
        out += (markdown ? "" : "") + "Scenario \(source), plan start \(portfolio.planStart), horizon \(portfolio.horizonEnd); months are inclusive.\n\n"
        let phases = phaseColumns
        var headers = ["Standard", "ID", "Category", "Urgency", "Lead unit"]
        headers += phases.map(\.name)
        headers += ["Published", "Target", "Late"]
        let right: Set<Int> = [headers.count - 1, headers.count - 2]
        var table = TextTable(headers: headers, rightAligned: right)
        for (standard, entry) in zip(portfolio.standards, doc.standards) {
            var row = [entry.name, entry.id, standard.category.shortName,
                       standard.isPublished ? "" : String(repeating: "*", count: entry.urgency ?? 0),
                       entry.leadUnitName ?? (standard.leadUnits.count > 1 ? "(one of \(standard.leadUnits.count))" : "")]
            for phase in phases {
                if let dated = entry.phases.first(where: { $0.id == phase.id.rawValue }) {
                    row.append(Self.span(dated.start, dated.finish))
                } else {
                    row.append(standard.isOpen ? "done" : "")
                }
            }
            row.append(entry.published.map { standard.isPublished ? "\($0) \(standard.reference ?? "")".trimmingCharacters(in: .whitespaces) : $0 }
                       ?? (standard.isWithdrawn ? standard.status.words(for: standard) : "—"))
            row.append(entry.targetYear.map(String.init) ?? "")
            row.append(entry.monthsLate.map { $0 == 0 ? "0" : "+\($0)" } ?? "")
            table.append(row)
        }
        out += markdown ? table.markdown() : table.render()
        out += "\n"
        out += markdown ? "## Summary\n\n" : "Summary\n"
        var summary = TextTable(headers: ["", ""])
        let statusText: String
        switch result.status {
        case .optimal: statusText = "optimal (proven by GLPK, gap 0)"
        case .feasible where result.interrupted: statusText = "feasible, not proven optimal: interrupted (Ctrl-C); the best schedule so far"
        case .feasible where result.skippedModel != nil: statusText = "feasible, from the heuristic: the model is too large to prove it"
        case .feasible: statusText = "feasible, not proven optimal (see gap)"
        case .infeasible: statusText = "infeasible: no schedule satisfies the constraints"
        case .timeLimit: statusText = "time limit reached without a schedule"
        }
        summary.append(["Status", statusText])
        if let explanation = result.explanation { summary.append(["Why", explanation]) }
        let targeted = doc.standards.filter { $0.monthsLate != nil }
        let late = targeted.filter { ($0.monthsLate ?? 0) > 0 }
        if let objective = result.objective {
            // Only open work is in the objective: a standard published late (a fact in a re-plan) is not.
            let weighted = zip(portfolio.standards, doc.standards).reduce(0) {
                $0 + ($1.0.isOpen ? portfolio.weights.weight(urgency: $1.0.urgency) * ($1.1.monthsLate ?? 0) : 0)
            }
            summary.append(["Objective", "\(objective)"])
            summary.append(["  weighted months late", "\(weighted) (× \(result.latenessWeight) each)"])
            summary.append(["  weighted completion", "\(objective - weighted * result.latenessWeight)"])
        } else {
            summary.append(["Objective", "—"])
        }
        summary.append(["Best bound", result.bound.map { Self.number($0) } ?? "—"])
        summary.append(["Gap", result.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "—"])
        summary.append(["Solve time", String(format: "%.2f s", result.seconds)])
        if result.schedule != nil {
            summary.append(["On time", "\(targeted.count - late.count) of \(targeted.count) standards with a target year"])
            let lastPublication = doc.standards.compactMap(\.published).max() ?? "—"
            summary.append(["Last publication", lastPublication])
        }
        if markdown {
            out += "| | |\n|---|---|\n" + summary.rows.map { "| \(Escaping.markdownCell($0[0])) | \(Escaping.markdownCell($0[1])) |\n" }.joined()
        } else {
            out += summary.rows.map { "  " + DisplayWidth.pad($0[0], to: 24) + $0[1] + "\n" }.joined()
        }
        out += notes(markdown: markdown)
        guard result.schedule != nil else { return out }
        out += "\n"
        if late.isEmpty {
            out += "Every standard meets its target year.\n"
            return out
        }
        out += markdown ? "## Standards that miss their target year (most urgent first)\n\n"
            : "Standards that miss their target year (most urgent first)\n"
        var misses = TextTable(headers: ["Urgency", "Standard", "ID", "Target", "Published", "Months late"], rightAligned: [5])
        let ordered = late.sorted {
            ($0.urgency ?? 0, $0.monthsLate ?? 0, $1.id) > ($1.urgency ?? 0, $1.monthsLate ?? 0, $0.id)
        }
        for entry in ordered {
            misses.append([String(repeating: "*", count: entry.urgency ?? 0), entry.name, entry.id,
                           entry.targetYear.map(String.init) ?? "", entry.published ?? "", "\(entry.monthsLate ?? 0)"])
        }
        out += markdown ? misses.markdown() : misses.render()
        return out
    }

    /// What the summary cannot say in a row: how to make an infeasible plan feasible, and why
    /// the MIP was not built.
    private func notes(markdown: Bool) -> String {
        var out = ""
        if let size = result.skippedModel {
            out += "\n" + (markdown ? "**Note:** " : "Note: ") + "the MIP would have \(size.columns) columns and \(size.rows) rows "
                + "(\(size.tasks) phases over \(size.months) months), more than the bound of --max-model-size, so it was not built "
                + "and the schedule is the heuristic's, with the gap to a simple bound. To prove a plan, plan a shorter horizon "
                + "(horizon_end) or fewer standards (split the portfolio), or raise --max-model-size if memory and time allow.\n"
        }
        if let conflict = result.conflict {
            out += markdown ? "\n## How to make the plan feasible\n\n" : "\nHow to make the plan feasible\n"
            out += conflict.lines.map { (markdown ? "- " : "  ") + (markdown ? Escaping.markdownCell($0) : $0) + "\n" }.joined()
        }
        return out
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.3f", value)
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private func csv() -> String {
        let phases = phaseColumns
        var header = ["id", "name", "category", "urgency", "target_year", "status", "lead_unit"]
        for phase in phases { header += ["\(phase.id)_start", "\(phase.id)_finish"] }
        header += ["published", "months_late"]
        var out = CSV.line(header)
        for entry in document.standards {
            var row = [entry.id, entry.name, entry.category, entry.urgency.map(String.init) ?? "", entry.targetYear.map(String.init) ?? "", entry.status, entry.leadUnit ?? ""]
            for phase in phases {
                let dated = entry.phases.first { $0.id == phase.id.rawValue }
                row += [dated?.start ?? "", dated?.finish ?? ""]
            }
            row += [entry.published ?? "", entry.monthsLate.map(String.init) ?? ""]
            out += CSV.line(row)
        }
        return out
    }
}
