import Foundation
import PlanModel
import Scheduling

/// Renders a plan for people (table, Markdown) and for programs (JSON, CSV).
///
/// A plan without a schedule (infeasible, or out of time before any) never looks finished:
/// the table shows what is known (publications, phases in progress with their start) and
/// marks every open standard "not scheduled", and the status and its explanation come first.
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

    /// The report in `format`; text tables laid out for `layout` (Markdown, CSV and JSON are
    /// always complete).
    public func render(_ format: PlanFormat, layout: TerminalLayout = .standard) -> String {
        switch format {
        // Names reach the terminal and Markdown with control characters escaped (Escaping), colours kept.
        case .table: Escaping.terminal(text(markdown: false, layout: layout), keepingLineBreaks: true, keepingColours: true)
        case .markdown: Escaping.terminal(text(markdown: true, layout: .wide), keepingLineBreaks: true)
        case .json: json()
        case .csv: csv()
        }
    }

    /// What the summary cannot say in a row: how to make an infeasible plan feasible, and why
    /// the MIP was not built.
    private func notes(markdown: Bool, layout: TerminalLayout) -> String {
        var out = ""
        if let size = result.skippedModel {
            out += "\n" + TerminalText.paragraph((markdown ? "**Note:** " : "Note: ") + "the MIP would have \(size.columns) columns and \(size.rows) rows "
                + "(\(size.tasks) phases over \(size.months) months), more than the bound of --max-model-size, so it was not built "
                + "and the schedule is the heuristic's, with the gap to a simple bound. To prove a plan, plan a shorter horizon "
                + "(horizon_end) or fewer standards (split the portfolio), or raise --max-model-size if memory and time allow.",
                width: markdown ? nil : layout.width)
        }
        if let conflict = result.conflict {
            out += markdown ? "\n## How to make the plan feasible\n\n" : "\nHow to make the plan feasible\n"
            out += conflict.lines.map { line in
                if markdown { return "- " + Escaping.markdownCell(line) + "\n" }
                // Each line keeps its own indentation (alternatives, then their parts), folded lines under it.
                let indent = "  " + String(line.prefix { $0 == " " })
                return TerminalText.paragraph(String(line.drop { $0 == " " }), width: layout.width, first: indent, rest: indent + "  ")
            }.joined()
        }
        return out
    }

    /// The cell of a standard that has no schedule although it is open.
    static let notScheduled = "not scheduled"

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

    /// The phase a standard without a schedule is known to be in, and since when.
    private func knownPhase(of standard: Standard) -> (index: Int, name: String, since: Month)? {
        guard case .inProgress(let phase, let since) = standard.status, let index = standard.phases.firstIndex(where: { $0.id == phase })
        else { return nil }
        return (index, standard.phases[index].name, since)
    }

    private func urgencyStars(_ standard: Standard) -> String { standard.isOpen ? String(repeating: "*", count: standard.urgency) : "" }

    private func leadUnitText(_ standard: Standard, _ entry: PlanDocument.StandardEntry) -> String {
        entry.leadUnitName ?? (standard.leadUnits.count > 1 ? "(one of \(standard.leadUnits.count))" : "")
    }

    private func lateText(_ entry: PlanDocument.StandardEntry) -> String { entry.monthsLate.map { $0 == 0 ? "0" : "+\($0)" } ?? "" }

    /// Every column: each phase's months, the reference of published work, the months its phases wait.
    private func wideTable() -> TextTable {
        let phases = phaseColumns
        var headers = ["Standard", "ID", "Category", "Urgency", "Lead unit"]
        headers += phases.map(\.name)
        headers += ["Published", "Target", "Late", "Idle"]
        var table = TextTable(headers: headers, rightAligned: [headers.count - 1, headers.count - 2, headers.count - 3])
        for (standard, entry) in zip(portfolio.standards, document.standards) {
            var row = [entry.name, entry.id, standard.category.shortName, urgencyStars(standard), leadUnitText(standard, entry)]
            let known = result.schedule == nil ? knownPhase(of: standard) : nil
            for phase in phases {
                let index = standard.phases.firstIndex { $0.id == phase.id }
                if let dated = entry.phases.first(where: { $0.id == phase.id.rawValue }) {
                    row.append(Self.span(dated.start, dated.finish))
                } else if !standard.isOpen || index == nil {
                    row.append("")
                } else if result.schedule != nil || (known.map { index! < $0.index } ?? false) {
                    row.append("done")
                } else if let known, index == known.index {
                    row.append("since \(known.since)")
                } else {
                    row.append(Self.notScheduled)
                }
            }
            row.append(publishedText(standard, entry, withReference: true))
            row.append(entry.targetYear.map(String.init) ?? "")
            row.append(lateText(entry))
            row.append(entry.idleMonths.map(String.init) ?? "")
            table.append(row, colour: (entry.monthsLate ?? 0) > 0 ? .late : nil)
        }
        return table
    }

    private func publishedText(_ standard: Standard, _ entry: PlanDocument.StandardEntry, withReference: Bool) -> String {
        guard let published = entry.published else {
            return standard.isPublished ? "—" : standard.isWithdrawn ? standard.status.words(for: standard) : Self.notScheduled
        }
        guard standard.isPublished, withReference, let reference = standard.reference else { return published }
        return "\(published) \(reference)"
    }

    /// Years the timeline column covers: from the plan start to the last publication or target.
    private var timelineYears: ClosedRange<Int>? {
        guard let schedule = result.schedule else { return nil }
        let open = portfolio.standards.filter(\.isOpen)
        let last = (open.compactMap { schedule.entry(for: $0.id)?.published.year } + open.compactMap(\.targetYear)).max()
        guard let last, last >= portfolio.planStart.year, last - portfolio.planStart.year < 12 else { return nil }
        return portfolio.planStart.year...last
    }

    /// One character per quarter: `=` work, `*` publication, `!` work or publication after the
    /// target year; blank before the plan start and after publication.
    private func timeline(_ standard: Standard, years: ClosedRange<Int>) -> String {
        guard let entry = result.schedule?.entry(for: standard.id), standard.isOpen else { return "" }
        let first = entry.phases.map(\.start).min() ?? entry.published
        var out = ""
        for year in years {
            for quarter in 0..<4 {
                let start = Month(year: year, month: quarter * 3 + 1), end = start + 2
                let late = standard.deadline.map { end > $0 } ?? false
                if entry.published >= start, entry.published <= end {
                    out += late ? "!" : "*"
                } else if first <= end, entry.published > end, end >= portfolio.planStart {
                    out += late ? "!" : "="
                } else {
                    out += " "
                }
            }
        }
        return String(out.reversed().drop { $0 == " " }.reversed())
    }

    /// Per standard: urgency, lead unit, first month and publication, target and months late;
    /// ID, category and a timeline by quarter when they fit.
    private func compactTable() -> TextTable {
        let years = timelineYears
        let yearHeader = years.map { $0.map { String($0 % 100) + "  " }.joined() }.map { String($0.dropLast(2)) }
        var headers = ["Standard", "ID", "Category", "Urgency", "Lead unit", "Start", "Published", "Target", "Late"]
        if let yearHeader { headers.append(yearHeader) }
        var table = TextTable(headers: headers, rightAligned: [7, 8])
        table.shrinkable = [0: .init(comfortable: 28, minimum: 12), 4: .init(comfortable: 12, minimum: 8), 5: .init(comfortable: 14, minimum: 7)]
        table.optional = [2, 1] + (years == nil ? [] : [9]) + [4]
        for (standard, entry) in zip(portfolio.standards, document.standards) {
            var start = entry.phases.first?.start ?? ""
            if result.schedule == nil, let known = knownPhase(of: standard) { start = "\(known.since) \(known.name)" }
            var row = [entry.name, entry.id, standard.category.shortName, urgencyStars(standard), leadUnitText(standard, entry), start,
                       publishedText(standard, entry, withReference: false), entry.targetYear.map(String.init) ?? "", lateText(entry)]
            if let years { row.append(timeline(standard, years: years)) }
            table.append(row, colour: (entry.monthsLate ?? 0) > 0 ? .late : nil)
        }
        return table
    }

    private func text(markdown: Bool, layout: TerminalLayout) -> String {
        let doc = document
        let reading = PlanReading(portfolio: portfolio, result: result)
        var out = markdown ? "# Plan: \(portfolio.name)\n\n" : TerminalText.paragraph("Plan: \(portfolio.name)", width: layout.width)
        out += TerminalText.paragraph("Scenario \(source), plan start \(portfolio.planStart), horizon \(portfolio.horizonEnd); months are inclusive.",
                                      width: layout.width)
        out += "\n"
        if result.schedule == nil {
            let headline = result.status == .infeasible
                ? "NO SCHEDULE: the plan is infeasible. Nothing below is planned: the table shows only what is known."
                : "NO SCHEDULE: the time limit ran out before any schedule was found. The table shows only what is known."
            out += markdown ? "**\(headline)**\n\n"
                : TerminalText.wrap(headline, width: layout.width).map { TerminalText.coloured($0, .late, enabled: layout.colour) + "\n" }.joined()
            if let explanation = result.explanation {
                out += markdown ? "Why: \(explanation)\n\n" : TerminalText.paragraph(explanation, width: layout.width, first: "Why: ")
            }
            out += markdown ? "Known facts: \(reading.knownFacts).\n\n" : TerminalText.paragraph(reading.knownFacts + ".", width: layout.width, first: "Known facts: ") + "\n"
        } else if let explanation = result.explanation {
            out += markdown ? "Note: \(explanation)\n\n" : TerminalText.paragraph(explanation, width: layout.width, first: "Note: ") + "\n"
        }
        let idleNote = "Late: months after December of the target year; Idle: months the standard's phases wait between one another "
            + "(for a meeting, a batch, a free slot)."
        if markdown {
            out += wideTable().markdown() + "\n" + idleNote + "\n"
        } else if layout.isCompact {
            out += compactTable().render(layout)
            out += TerminalText.paragraph(timelineYears == nil ? "Start: first month of the first open phase. --wide shows every phase."
                                          : "Start: first month of the first open phase; timeline by quarter: = work, * published, ! after the target year. "
                                          + "--wide shows every phase.", width: layout.width)
        } else {
            out += wideTable().render(layout)
            out += TerminalText.paragraph(idleNote, width: layout.width)
        }
        out += "\n"
        let committee = reading.committeeLines()
        let solver = reading.solverLines()
        let labels = max(committee.labelWidth, solver.labelWidth)
        if !committee.rows.isEmpty {
            out += markdown ? "## Summary\n\n" + committee.markdown() + "\n" : "Summary\n" + committee.render(layout, labelWidth: labels) + "\n"
        }
        out += markdown ? "## Solver\n\n" + solver.markdown() : "Solver\n" + solver.render(layout, labelWidth: labels)
        out += notes(markdown: markdown, layout: layout)
        guard result.schedule != nil else { return out }
        out += "\n"
        let late = doc.standards.filter { ($0.monthsLate ?? 0) > 0 }
        if late.isEmpty {
            out += "Every standard meets its target year.\n"
            return out
        }
        out += markdown ? "## Standards that miss their target year (most urgent first)\n\n"
            : "Standards that miss their target year (most urgent first)\n"
        var misses = TextTable(headers: ["Urgency", "Standard", "ID", "Target", "Published", "Months late"], rightAligned: [5])
        misses.shrinkable = [1: .init(comfortable: 30, minimum: 12)]
        misses.optional = [2]
        let ordered = late.sorted {
            ($0.urgency ?? 0, $0.monthsLate ?? 0, $1.id) > ($1.urgency ?? 0, $1.monthsLate ?? 0, $0.id)
        }
        for entry in ordered {
            misses.append([String(repeating: "*", count: entry.urgency ?? 0), entry.name, entry.id,
                           entry.targetYear.map(String.init) ?? "", entry.published ?? "", "\(entry.monthsLate ?? 0)"], colour: .late)
        }
        out += markdown ? misses.markdown() : misses.render(layout)
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

    /// One row per standard. `plan_status` (every row) and `schedule` (scheduled, not_scheduled
    /// or published) say whether the dates are a plan; `explanation` says why there is none;
    /// `target_source` and `idle_months` come last, added after the others (columns are only appended).
    private func csv() -> String {
        let phases = phaseColumns
        var header = ["id", "name", "category", "urgency", "target_year", "status", "lead_unit"]
        for phase in phases { header += ["\(phase.id)_start", "\(phase.id)_finish"] }
        header += ["published", "months_late", "plan_status", "schedule", "explanation", "target_source", "idle_months"]
        var out = CSV.line(header)
        for (standard, entry) in zip(portfolio.standards, document.standards) {
            var row = [entry.id, entry.name, entry.category, entry.urgency.map(String.init) ?? "", entry.targetYear.map(String.init) ?? "", entry.status, entry.leadUnit ?? ""]
            let known = result.schedule == nil ? knownPhase(of: standard) : nil
            for phase in phases {
                let dated = entry.phases.first { $0.id == phase.id.rawValue }
                let since = known.flatMap { $0.index < standard.phases.count && standard.phases[$0.index].id == phase.id ? $0.since.description : nil }
                row += [dated?.start ?? since ?? "", dated?.finish ?? ""]
            }
            let scheduled = !standard.isOpen ? standard.status.key : entry.published == nil ? "not_scheduled" : "scheduled"
            row += [entry.published ?? "", entry.monthsLate.map(String.init) ?? "", result.status.rawValue, scheduled,
                    scheduled == "not_scheduled" ? result.explanation ?? "" : "", entry.targetSource ?? "", entry.idleMonths.map(String.init) ?? ""]
            out += CSV.line(row)
        }
        return out
    }
}
