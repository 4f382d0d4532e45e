import Foundation
import PlanModel
import Scheduling

/// Scenarios side by side (`stdplan compare`): their headline figures, then the publication
/// month of every standard in each, with the difference to the first scenario.
public struct ComparisonReport: Sendable {
    /// The scenarios, the first being the reference.
    public let scenarios: [ComparedScenario]
    /// Show every standard, not only those whose publication month differs.
    public let all: Bool

    /// Creates a report.
    public init(scenarios: [ComparedScenario], all: Bool) {
        self.scenarios = scenarios
        self.all = all
    }

    /// One standard across the scenarios.
    struct Row {
        var id: StandardID
        var name: String
        var targetYear: Int?
        var published: [Month?]
        var differences: [Int?]
        var differs: Bool
        /// Per scenario: the move from the first scenario is tie-only (see ``isTieOnly``).
        var tieOnly: [Bool]
    }

    /// A move of `id` in scenario `index` is tie-only when that scenario's objective equals the
    /// first's (the change cost nothing) and the change touches nothing of the standard
    /// (``ChangeFootprint``): a choice among equally good plans, not something the change forced
    /// on the standard itself.
    func isTieOnly(_ id: StandardID, in index: Int, moved: Bool) -> Bool {
        guard moved, index > 0, let reference = scenarios[0].result.objective, scenarios[index].result.objective == reference else { return false }
        return !ChangeFootprint(base: scenarios[0].portfolio, variant: scenarios[index].portfolio).touches(id)
    }

    /// Standards in first-seen order across the scenarios (added standards appear after the base's).
    var rows: [Row] {
        var order: [StandardID] = []
        var seen: Set<StandardID> = []
        var names: [StandardID: (String, Int?)] = [:]
        for scenario in scenarios {
            for standard in scenario.portfolio.standards where standard.isOpen && seen.insert(standard.id).inserted {
                order.append(standard.id)
                names[standard.id] = (standard.name, standard.targetYear)
            }
        }
        return order.map { id in
            let published = scenarios.map { $0.result.schedule?.entry(for: id)?.published }
            let reference = published.first ?? nil
            let differences = published.map { month -> Int? in
                guard let month, let reference else { return nil }
                return month - reference
            }
            // A scenario without a schedule (infeasible, out of time) says nothing about this standard;
            // one that lacks the standard (added or removed) does.
            let months = zip(scenarios, published).compactMap { scenario, month -> Int? in
                guard scenario.result.schedule != nil else { return nil }
                return month?.index ?? Int.min
            }
            let differs = Set(months).count > 1
            let tieOnly = differences.indices.map { isTieOnly(id, in: $0, moved: (differences[$0] ?? 0) != 0) }
            return Row(id: id, name: names[id]!.0, targetYear: names[id]!.1, published: published, differences: differences, differs: differs,
                       tieOnly: tieOnly)
        }
    }

    /// The report in `format`; text tables laid out for `layout` (Markdown, CSV and JSON are
    /// always complete).
    public func render(_ format: PlanFormat, layout: TerminalLayout = .standard) -> String {
        switch format {
        case .table: text(markdown: false, layout: layout)
        case .markdown: text(markdown: true, layout: .wide)
        case .csv: csv()
        case .json: json()
        }
    }

    static func percent(_ gap: Double?) -> String { gap.map { String(format: "%.2f%%", $0 * 100) } ?? "—" }

    /// True when some scenario assumes targets the programme's plan does not state: the figures
    /// are then shown apart by the source of the targets.
    var splitsTargets: Bool { scenarios.contains { ($0.summary?.bySource[.assumed]?.withTarget ?? 0) > 0 } }

    /// One source's on-time work and weighted lateness in a cell, e.g. "10/16, 60".
    static func tallyCell(_ summary: PlanSummary?, _ source: TargetSource) -> String {
        guard let summary else { return "—" }
        let tally = summary.bySource[source] ?? .init()
        return "\(tally.onTime)/\(tally.withTarget), \(tally.weightedMonthsLate)"
    }

    private func headlineTable() -> TextTable {
        let split = splitsTargets
        var headers = ["#", "Scenario", "On time", "Weighted late", "vs 1", "Months late", "Last publication", "Status", "Gap"]
        if split { headers += ["Plan targets", "Assumed targets"] }
        var table = TextTable(headers: headers, rightAligned: split ? [0, 2, 3, 4, 5, 8, 9, 10] : [0, 2, 3, 4, 5, 8])
        table.shrinkable = [1: .init(comfortable: 24, minimum: 12)]
        // The split goes first when the terminal is narrow: the totals and the reading below keep it.
        table.optional = (split ? [10, 9] : []) + [5, 8, 6, 4]
        let reference = scenarios.first?.summary
        for (index, scenario) in scenarios.enumerated() {
            let summary = scenario.summary
            var versus = ""
            if index > 0, let summary, let reference { versus = Self.signed(summary.weightedMonthsLate - reference.weightedMonthsLate) }
            let worse = index > 0 && (summary == nil || (reference.map { summary!.weightedMonthsLate > $0.weightedMonthsLate } ?? false))
            var cells = [
                "\(index + 1)", scenario.portfolio.name, summary.map { "\($0.onTime)/\($0.withTarget)" } ?? "—",
                summary.map { "\($0.weightedMonthsLate)" } ?? "—", versus, summary.map { "\($0.monthsLate)" } ?? "—",
                summary?.lastPublication?.description ?? "—", scenario.result.status.rawValue, Self.percent(scenario.result.gap),
            ]
            if split { cells += [Self.tallyCell(summary, .plan), Self.tallyCell(summary, .assumed)] }
            table.append(cells, colour: worse ? .late : nil)
        }
        return table
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value == 0 ? "0" : "\(value)" }

    /// One scenario against the first, in words, e.g. "5 fewer on time (10 of 22), 191 more
    /// urgency-weighted months late (464)".
    func reading(_ index: Int) -> String {
        let scenario = scenarios[index]
        guard let summary = scenario.summary else {
            return "no schedule (\(scenario.result.status.rawValue)): nothing in the tables below is planned for it"
        }
        var own = "\(summary.onTime) of \(summary.withTarget) on time, \(summary.weightedMonthsLate) urgency-weighted months late"
        if index > 0, let reference = scenarios[0].summary {
            let onTime = summary.onTime - reference.onTime, late = summary.weightedMonthsLate - reference.weightedMonthsLate
            let parts = [onTime == 0 ? "the same number on time" : "\(abs(onTime)) \(onTime > 0 ? "more" : "fewer") on time",
                         late == 0 ? "the same weighted lateness" : "\(abs(late)) \(late > 0 ? "more" : "fewer") weighted months late"]
            own += " (against 1: " + parts.joined(separator: ", ") + ")"
        }
        if splitsTargets {
            let plan = summary.bySource[.plan] ?? .init(), assumed = summary.bySource[.assumed] ?? .init()
            own += "; targets from the plan: \(plan.onTime) of \(plan.withTarget) on time, \(plan.weightedMonthsLate) weighted months late; "
                + "assumed targets: \(assumed.onTime) of \(assumed.withTarget), \(assumed.weightedMonthsLate)"
        }
        if summary.deferred > 0 || summary.withdrawn > 0 {
            own += "; \(summary.deferred) deferred, \(summary.withdrawn) cancelled or superseded (never counted late)"
        }
        if let moved = monthsMoved(index) {
            own += "; publications moved \(moved.months) months in all from 1's plan"
                + (moved.proven ? " (no equally good plan moves fewer)" : " (not proven the fewest)")
        }
        if scenario.result.status == .feasible {
            own += "; not proven optimal: the time limit (or --gap) stopped the search, so another run may give another plan"
        }
        return own
    }

    /// Months scenario `index`'s publications moved from the first's plan, when it was planned
    /// with that plan as its reference (the stability level), and whether that is proven least.
    func monthsMoved(_ index: Int) -> (months: Int, proven: Bool)? {
        guard index > 0, let level = scenarios[index].result.levels.first(where: { $0.name == "stability" }), let value = level.value else { return nil }
        return (value, level.proven)
    }

    private func text(markdown: Bool, layout: TerminalLayout) -> String {
        var out = markdown ? "# Scenario comparison\n\n" : "Scenario comparison\n\n"
        let headline = markdown ? headlineTable().markdown() : headlineTable().render(layout)
        out += headline
        out += markdown ? "\n" : ""
        // The split's columns are the first left out of a narrow table; the note explains them only where they are.
        let splitShown = splitsTargets && headline.contains("Assumed targets")
        out += TerminalText.paragraph("Weighted late: months late × the standard's urgency weight, summed; vs 1: against the first scenario. "
                                      + "Status: optimal is proven best; feasible is valid but not proven (see the gap); infeasible and "
                                      + "time_limit have no schedule."
                                      + (splitShown ? " Plan targets, assumed targets: on time and weighted months late among the standards "
                                         + "whose target year the programme's plan states, and among those whose target the scenario assumes." : ""),
                                      width: layout.width)
        out += "\n"
        for (index, scenario) in scenarios.enumerated() {
            let first = markdown ? "- \(index + 1): " : "  \(index + 1): "
            let rest = markdown ? "  - " : "       "
            var heading = scenario.file
            if let question = scenario.question { heading += " — \(question)" }
            out += markdown ? first + heading + "\n" : TerminalText.paragraph(heading, width: layout.width, first: first, rest: "     ")
            for change in scenario.changes {
                out += markdown ? rest + "change \(change.name): \(change.summary)\n"
                    : TerminalText.paragraph("change \(change.name): \(change.summary)", width: layout.width, first: rest, rest: rest + "  ")
            }
            let reading = "result: " + reading(index)
            out += markdown ? rest + reading + "\n" : TerminalText.coloured(TerminalText.paragraph(reading, width: layout.width, first: rest, rest: rest + "  "),
                                                                           scenario.result.schedule == nil ? .late : nil, enabled: layout.colour)
            if let explanation = scenario.result.explanation {
                let why = "why \(scenario.result.status.rawValue): \(explanation)"
                out += markdown ? rest + why + "\n" : TerminalText.paragraph(why, width: layout.width, first: rest, rest: rest + "  ")
            }
        }
        let rows = self.rows.filter { all || $0.differs }
        out += "\n"
        out += markdown ? "## Publication month by standard\n\n" + (all ? "" : "Only standards whose publication differs (use --all for every one).\n\n")
            : TerminalText.paragraph("Publication month by standard" + (all ? "" : " (only where scenarios differ; --all shows every standard)"), width: layout.width)
        if rows.isEmpty {
            out += TerminalText.paragraph("No standard's publication month differs between the scenarios.", width: layout.width)
            return out
        }
        let compact = !markdown && layout.isCompact
        var table = TextTable(headers: ["Standard", "ID", "Target"] + scenarios.indices.map { "\($0 + 1)" }, rightAligned: compact ? Set(4..<(3 + scenarios.count)) : [])
        table.shrinkable = [0: .init(comfortable: 24, minimum: 12)]
        table.optional = [1]
        for row in rows {
            var cells = [row.name, row.id.rawValue, row.targetYear.map(String.init) ?? ""]
            for (k, month) in row.published.enumerated() {
                guard let month else { cells.append("—"); continue }
                let delta = row.differences[k] ?? 0
                let tie = row.tieOnly[k]
                if compact, k > 0, row.differences[k] != nil {
                    cells.append(Self.signed(delta) + (tie ? "~" : ""))
                } else {
                    cells.append(k == 0 || delta == 0 ? month.description : "\(month) (\(Self.signed(delta))\(tie ? ", tie only" : ""))")
                }
            }
            table.append(cells, colour: newlyLate(row) ? .late : nil)
        }
        out += markdown ? table.markdown() : table.render(layout)
        var notes: [String] = []
        if compact {
            notes.append("Columns 2 to \(scenarios.count): months later (+) or earlier (-) than in 1; — not in that plan; --wide shows the months.")
        }
        if rows.contains(where: { $0.tieOnly.contains(true) }) {
            notes.append((compact ? "~" : "tie only") + ": a tie-only move: the scenario's objective equals 1's and its change touches nothing of "
                         + "this standard (its phases, lead units and their capacity, the resources it loads, its dependencies); "
                         + "the optimizer chose among equally good plans.")
        }
        out += notes.map { markdown ? "\n" + $0 + "\n" : TerminalText.paragraph($0, width: layout.width) }.joined()
        return out
    }

    /// Late (after its target year) in some scenario although on time in the first.
    private func newlyLate(_ row: Row) -> Bool {
        guard let target = row.targetYear else { return false }
        let deadline = Month.endOfYear(target)
        let onTimeFirst = row.published.first.flatMap { $0 }.map { $0 <= deadline } ?? false
        return onTimeFirst && row.published.dropFirst().contains { $0.map { $0 > deadline } ?? false }
    }

    /// Scenario names as column headers, numbered where two scenarios share a name.
    private var columnNames: [String] {
        let names = scenarios.map(\.portfolio.name)
        return names.enumerated().map { index, name in names.filter { $0 == name }.count > 1 ? "\(name) (\(index + 1))" : name }
    }

    private func csv() -> String {
        let names = columnNames
        var summary = CSV.line(["metric"] + names)
        let summaries = scenarios.map(\.summary)
        var metrics: [(String, (Int) -> String)] = [
            ("file", { scenarios[$0].file }),
            ("question", { scenarios[$0].question ?? "" }),
            ("status", { scenarios[$0].result.status.rawValue }),
            ("gap", { scenarios[$0].result.gap.map { String(format: "%.6f", $0) } ?? "" }),
            ("on_time", { summaries[$0].map { "\($0.onTime)" } ?? "" }),
            ("with_target", { summaries[$0].map { "\($0.withTarget)" } ?? "" }),
            ("months_late", { summaries[$0].map { "\($0.monthsLate)" } ?? "" }),
            ("weighted_months_late", { summaries[$0].map { "\($0.weightedMonthsLate)" } ?? "" }),
            ("last_publication", { summaries[$0]?.lastPublication?.description ?? "" }),
            ("explanation", { scenarios[$0].result.explanation ?? "" }),
            ("months_moved", { monthsMoved($0).map { "\($0.months)" } ?? "" }),
        ]
        // Appended after the first rows, so that readers of older files find those where they were.
        for source in TargetSource.allCases {
            let tally: (Int) -> PlanSummary.Tally? = { index in summaries[index].map { $0.bySource[source] ?? PlanSummary.Tally() } }
            metrics.append(("on_time_\(source.rawValue)", { tally($0).map { String($0.onTime) } ?? "" }))
            metrics.append(("with_target_\(source.rawValue)", { tally($0).map { String($0.withTarget) } ?? "" }))
            metrics.append(("months_late_\(source.rawValue)", { tally($0).map { String($0.monthsLate) } ?? "" }))
            metrics.append(("weighted_months_late_\(source.rawValue)", { tally($0).map { String($0.weightedMonthsLate) } ?? "" }))
        }
        metrics.append(("deferred", { summaries[$0].map { String($0.deferred) } ?? "" }))
        metrics.append(("withdrawn", { summaries[$0].map { String($0.withdrawn) } ?? "" }))
        for (metric, value) in metrics { summary += CSV.line([metric] + scenarios.indices.map(value)) }
        var header = ["id", "name", "target_year"] + names
        header += names.dropFirst().map { "difference: \($0)" }
        header += names.dropFirst().map { "tie only: \($0)" }
        var table = CSV.line(header)
        for row in rows where all || row.differs {
            var cells = [row.id.rawValue, row.name, row.targetYear.map(String.init) ?? ""]
            cells += row.published.map { $0?.description ?? "" }
            cells += row.differences.dropFirst().map { $0.map(String.init) ?? "" }
            cells += row.tieOnly.dropFirst().map { $0 ? "yes" : "" }
            table += CSV.line(cells)
        }
        return CSV.sections([("Summary", summary), ("Publication month by standard", table)])
    }

    struct Document: Encodable {
        struct ScenarioEntry: Encodable {
            var file: String
            var name: String
            var question: String?
            var changes: [[String: String]]
            var status: String
            var objective: Int?
            var bound: Double?
            var gap: Double?
            var seconds: Double
            var onTime: Int?
            var withTarget: Int?
            var monthsLate: Int?
            var weightedMonthsLate: Int?
            var lastPublication: String?
            var explanation: String?
            var monthsMoved: Int?
            var byTargetSource: [String: PlanDocument.TallyEntry]?
            var deferred: Int?
            var withdrawn: Int?

            enum CodingKeys: String, CodingKey {
                case file, name, question, changes, status, objective, bound, gap, seconds, explanation, deferred, withdrawn
                case onTime = "on_time", withTarget = "with_target", monthsLate = "months_late"
                case weightedMonthsLate = "weighted_months_late", lastPublication = "last_publication", monthsMoved = "months_moved"
                case byTargetSource = "by_target_source"
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(file, forKey: .file); try c.encode(name, forKey: .name); try c.encode(question, forKey: .question)
                try c.encode(changes, forKey: .changes); try c.encode(status, forKey: .status); try c.encode(objective, forKey: .objective)
                try c.encode(bound, forKey: .bound); try c.encode(gap, forKey: .gap); try c.encode(seconds, forKey: .seconds)
                try c.encode(onTime, forKey: .onTime); try c.encode(withTarget, forKey: .withTarget); try c.encode(monthsLate, forKey: .monthsLate)
                try c.encode(weightedMonthsLate, forKey: .weightedMonthsLate); try c.encode(lastPublication, forKey: .lastPublication)
                try c.encode(explanation, forKey: .explanation); try c.encode(monthsMoved, forKey: .monthsMoved)
                try c.encode(byTargetSource, forKey: .byTargetSource); try c.encode(deferred, forKey: .deferred)
                try c.encode(withdrawn, forKey: .withdrawn)
            }
        }

        struct StandardEntry: Encodable {
            var id: String
            var name: String
            var targetYear: Int?
            var published: [String?]
            var difference: [Int?]
            var tieOnly: [Bool]
            enum CodingKeys: String, CodingKey { case id, name, published, difference, targetYear = "target_year", tieOnly = "tie_only" }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(targetYear, forKey: .targetYear)
                try c.encode(published, forKey: .published); try c.encode(difference, forKey: .difference); try c.encode(tieOnly, forKey: .tieOnly)
            }
        }

        var format = 1
        var generator = Generator.name
        var scenarios: [ScenarioEntry]
        var standards: [StandardEntry]
    }

    private func json() -> String {
        let document = Document(
            scenarios: scenarios.enumerated().map { index, scenario in
                let summary = scenario.summary
                return .init(file: scenario.file, name: scenario.portfolio.name, question: scenario.question,
                             changes: scenario.changes.map { ["name": $0.name, "summary": $0.summary] },
                             status: scenario.result.status.rawValue, objective: scenario.result.objective,
                             bound: scenario.result.bound, gap: scenario.result.gap.map { ($0 * 1_000_000).rounded() / 1_000_000 },
                             seconds: (scenario.result.seconds * 1000).rounded() / 1000, onTime: summary?.onTime, withTarget: summary?.withTarget,
                             monthsLate: summary?.monthsLate, weightedMonthsLate: summary?.weightedMonthsLate,
                             lastPublication: summary?.lastPublication?.description, explanation: scenario.result.explanation,
                             monthsMoved: monthsMoved(index)?.months,
                             byTargetSource: summary.map { PlanDocument.SummaryEntry($0).byTargetSource },
                             deferred: summary?.deferred, withdrawn: summary?.withdrawn)
            },
            standards: rows.filter { all || $0.differs }.map {
                .init(id: $0.id.rawValue, name: $0.name, targetYear: $0.targetYear, published: $0.published.map { $0?.description },
                      difference: $0.differences, tieOnly: $0.tieOnly)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }
}
