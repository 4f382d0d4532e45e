import PlanModel
import Risk
import Scheduling

/// The self-contained HTML report (`stdplan report`): one file with inline CSS and SVG, no
/// script, font or image from anywhere, that a planner can mail to a committee and that prints
/// on A4 landscape.
///
/// For each scenario: a header with the plan's status in words, standards on time and
/// urgency-weighted months late; the Gantt chart by category; a table of dates; with a status
/// file the slippage against the baseline; with a risk analysis the portfolio's figures and the
/// tornado; the load of each unit and shared resource against its capacity; and the standards
/// published before the plan. With several scenarios, a comparison comes first.
///
/// Every name from a scenario is escaped (``DocumentEscaping/html(_:)``); the dependency
/// toggle is a checkbox styled with CSS, so it works with scripts disabled.
public struct HTMLReport: Sendable {
    /// The scenarios, the first being the reference of a comparison.
    public var scenarios: [ReportScenario]
    /// The date the report is dated (YYYY-MM-DD), given by the caller so the same plan gives the same bytes.
    public var date: String

    /// Creates a report.
    public init(scenarios: [ReportScenario], date: String) {
        self.scenarios = scenarios
        self.date = date
    }

    private func h(_ text: String) -> String { DocumentEscaping.html(text) }

    /// The number of phase bars in the Gantt charts, for checking a rendered page against.
    public var barCount: Int {
        scenarios.reduce(0) { total, scenario in
            total + scenario.scheduledStandards.reduce(0) { $0 + $1.entry.phases.count }
        }
    }

    /// The HTML document.
    public func render() -> String {
        let palette = PhasePalette(portfolios: scenarios.map(\.portfolio))
        let title = scenarios.count == 1 ? scenarios[0].portfolio.name : "Scenario comparison: \(scenarios.count) scenarios"
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"stdplan\">\n"
        out += "<title>\(h(title)) · stdplan</title>\n<style>\n\(ReportStyle.css(palette: palette))\n</style>\n</head>\n<body>\n<main>\n"
        out += "<header class=\"report\">\n<h1>\(h(title))</h1>\n"
        out += "<p class=\"meta\">Plan report prepared with stdplan on \(h(date))"
        if scenarios.count == 1 {
            out += " · scenario \(h(scenarios[0].source)) · <span class=\"nb\">plan start \(scenarios[0].scenario.planStart)</span>"
            if let asOf = scenarios[0].asOf { out += " · <span class=\"nb\">status as of \(asOf)</span>" }
        }
        out += "</p>\n"
        if scenarios.count == 1 { out += kpis(scenarios[0]) + misses(scenarios[0]) }
        out += "</header>\n"
        if scenarios.count > 1 { out += comparison() }
        for (index, scenario) in scenarios.enumerated() {
            out += section(scenario, index: index, palette: palette)
        }
        out += "<footer>Months are inclusive: a phase from 2022-03 to 2022-05 is worked in March, April and May. "
        out += "A standard is on time when it is published by December of its target year; urgency-weighted months late "
        out += "count each month late once per star of urgency (the plan's first objective). Every schedule shown has passed "
        out += "stdplan's independent validator. Durations, capacities, candidate lead units and dependencies the plan does "
        out += "not state are assumptions, each labelled with its reason in the scenario file.</footer>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: Header figures

    private func kpis(_ scenario: ReportScenario) -> String {
        var out = "<dl class=\"kpis\">\n"
        func card(_ label: String, _ value: String, _ classes: String = "") {
            out += "<div class=\"kpi\(classes.isEmpty ? "" : " " + classes)\"><dt>\(label)</dt><dd>\(value)</dd></div>\n"
        }
        let bad = scenario.result.schedule == nil
        card("Status", h(scenario.statusInWords), "wide status" + (bad ? " bad" : ""))
        if let summary = scenario.summary {
            // Assumed targets apart from the plan's, as the text report says them.
            let assumed = summary.bySource[.assumed].flatMap { $0.withTarget > 0 ? $0 : nil }
            let plan = summary.bySource[.plan] ?? .init()
            card("On time", "\(summary.onTime) <small>of \(summary.withTarget) with a target year"
                 + (assumed.map { "; plan's targets \(plan.onTime) of \(plan.withTarget), assumed \($0.onTime) of \($0.withTarget)" } ?? "")
                 + "</small>", summary.onTime < summary.withTarget ? "bad" : "")
            card("Urgency-weighted months late", "\(summary.weightedMonthsLate) <small>\(summary.monthsLate) months in all"
                 + (assumed.map { summary.monthsLate > 0 ? "; plan's targets \(plan.weightedMonthsLate), assumed \($0.weightedMonthsLate)" : "" } ?? "")
                 + "</small>", summary.weightedMonthsLate > 0 ? "bad" : "")
            if summary.deferred > 0 || summary.withdrawn > 0 {
                card("Set aside", "\(summary.deferred + summary.withdrawn) <small>\(summary.deferred) deferred (never late), "
                     + "\(summary.withdrawn) cancelled or superseded</small>")
            }
            card("Last publication", summary.lastPublication?.description ?? "—")
        }
        if let replan = scenario.replan, !replan.slippage.isEmpty {
            let slipped = replan.slippage.filter { $0.monthsSlipped > 0 }
            card("Slipped since the plan", "\(slipped.count) <small>of \(replan.slippage.count), \(slipped.reduce(0) { $0 + $1.monthsSlipped }) months in all</small>",
                 slipped.isEmpty ? "" : "bad")
        }
        if let risk = scenario.risk {
            let p = risk.portfolio
            card("On time in 90% of samples", "≥ \(p.onTimeP10) <small>median \(p.onTimeP50), best tenth \(p.onTimeP90)</small>")
            if let all = p.probabilityAllUrgentOnTime {
                card("All urgency-5 on time", "\(DocumentNumbers.percent(all, digits: 0)) <small>\(p.urgentStandards) standards</small>")
            }
        }
        return out + "</dl>\n"
    }

    /// The standards that miss their target year, most urgent first, then most late.
    private func misses(_ scenario: ReportScenario) -> String {
        let late = scenario.scheduledStandards.compactMap { standard, entry -> (Standard, StandardSchedule, Int)? in
            guard let months = scenario.monthsLate(standard), months > 0 else { return nil }
            return (standard, entry, months)
        }.sorted { ($0.0.urgency, $0.2, $1.0.id.rawValue) > ($1.0.urgency, $1.2, $0.0.id.rawValue) }
        guard !late.isEmpty else {
            return scenario.result.schedule == nil ? "" : "<p class=\"ok\">Every standard with a target year is published by the end of it.</p>\n"
        }
        var out = "<h3>\(late.count) standard\(late.count == 1 ? " misses its" : "s miss their") target year</h3>\n<table class=\"misses\">\n"
        out += "<thead><tr><th>Urgency</th><th>Standard</th><th>Lead unit</th><th class=\"num\">Target</th><th class=\"num\">Publication</th>"
        out += "<th class=\"num\">Months late</th></tr></thead>\n<tbody>\n"
        for (standard, entry, months) in late {
            out += "<tr><td class=\"stars\">\(String(repeating: "★", count: max(0, min(standard.urgency, 5))))</td>"
            out += "<td>\(h(standard.name)) <span class=\"note\">\(h(standard.id.rawValue))</span></td><td>\(h(scenario.leadUnitName(standard) ?? ""))</td>"
            out += "<td class=\"num\">\(standard.targetYear.map(String.init) ?? "")</td><td class=\"num\">\(entry.published)</td>"
            out += "<td class=\"num late\">+\(months)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: Comparison

    private func comparison() -> String {
        let compared = scenarios.map {
            ComparedScenario(file: $0.source, question: $0.question, changes: $0.changes, portfolio: $0.portfolio, result: $0.result)
        }
        var out = "<section class=\"comparison\">\n<h2>Scenarios side by side</h2>\n"
        out += "<table>\n<thead><tr><th>#</th><th>Scenario</th><th>Status</th><th class=\"num\">On time</th><th class=\"num\">Months late</th>"
        out += "<th class=\"num\">Urgency-weighted months late</th><th class=\"num\">Last publication</th></tr></thead>\n<tbody>\n"
        for (index, scenario) in scenarios.enumerated() {
            let summary = scenario.summary
            out += "<tr><td class=\"num\">\(index + 1)</td><td><strong>\(h(scenario.portfolio.name))</strong><br><span class=\"note\">\(h(scenario.source))"
            if let question = scenario.question { out += " — \(h(question))" }
            out += "</span>"
            for change in scenario.changes { out += "<br><span class=\"note\">change \(h(change.name)): \(h(change.summary))</span>" }
            out += "</td><td>\(h(scenario.statusInWords))</td>"
            out += "<td class=\"num\">\(summary.map { "\($0.onTime) of \($0.withTarget)" } ?? "—")</td>"
            out += "<td class=\"num\">\(summary.map { "\($0.monthsLate)" } ?? "—")</td>"
            out += "<td class=\"num\">\(summary.map { "\($0.weightedMonthsLate)" } ?? "—")</td>"
            out += "<td class=\"num\">\(summary?.lastPublication?.description ?? "—")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        let rows = ComparisonReport(scenarios: compared, all: true).rows
        let differing = rows.filter(\.differs)
        out += "<h3>Publication month by standard</h3>\n"
        if differing.isEmpty {
            out += "<p>No standard's publication month differs between the scenarios.</p>\n"
        } else {
            out += "<p class=\"note\">Standards whose publication month differs, with the difference to scenario 1 in months "
            out += "(\(rows.count - differing.count) others publish in the same month in every scenario); red months are after the target year. "
            out += "Optimal plans are not unique: a standard may move only because the optimizer broke a tie differently.</p>\n"
            out += "<table>\n<thead><tr><th>Standard</th><th class=\"num\">Target</th>"
            for index in scenarios.indices { out += "<th class=\"num\">\(index + 1)</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for row in differing {
                out += "<tr><td>\(h(row.name)) <span class=\"note\">\(h(row.id.rawValue))</span></td>"
                out += "<td class=\"num\">\(row.targetYear.map(String.init) ?? "")</td>"
                for (k, month) in row.published.enumerated() {
                    guard let month else { out += "<td class=\"num\">—</td>"; continue }
                    let delta = row.differences[k] ?? 0
                    let late = row.targetYear.map { month > Month.endOfYear($0) } ?? false
                    var cell = "<span class=\"\(late ? "late" : "")\">\(month)</span>"
                    if k > 0, delta != 0 { cell += " <span class=\"\(delta > 0 ? "later" : "earlier")\">\(DocumentNumbers.signed(delta))</span>" }
                    out += "<td class=\"num\">\(cell)</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    // MARK: One scenario

    private func section(_ scenario: ReportScenario, index: Int, palette: PhasePalette) -> String {
        var out = "<section class=\"scenario\" id=\"scenario-\(index + 1)\">\n"
        if scenarios.count > 1 {
            out += "<h2>\(index + 1). \(h(scenario.portfolio.name))</h2>\n"
            out += "<p class=\"meta\">Scenario \(h(scenario.source)) · plan start \(scenario.scenario.planStart)"
            if let asOf = scenario.asOf { out += " · status as of \(asOf)" }
            out += "</p>\n"
            out += kpis(scenario) + misses(scenario)
        }
        if let explanation = scenario.result.explanation {
            out += "<p class=\"late\">Why: \(h(explanation))</p>\n"
        }
        guard scenario.result.schedule != nil else {
            out += "<p>There is no schedule to show.</p>\n"
            return out + published(scenario) + "</section>\n"
        }
        out += gantt(scenario, index: index, palette: palette)
        out += dates(scenario)
        if let replan = scenario.replan { out += slippage(scenario, replan) }
        if let risk = scenario.risk { out += riskSection(scenario, risk) }
        let timeline = GanttChart.timeline(for: scenario)
        if let load = LoadChart(scenario: scenario, timeline: timeline).svg() {
            out += "<h3>Load against capacity, month by month</h3>\n"
            out += "<ul class=\"legend\"><li><span class=\"sw used\"></span>load below capacity</li><li><span class=\"sw full\"></span>at capacity (binding)</li>"
            out += "<li><span class=\"sw idle\"></span>capacity</li></ul>\n"
            out += "<figure>\(load)<figcaption>Load is the sum of the loads of the phases under way each month: drafting groups for a lead unit, "
            out += "drafts under review for the working group. The right column counts the months at capacity.</figcaption></figure>\n"
        }
        out += published(scenario)
        return out + "</section>\n"
    }

    private func gantt(_ scenario: ReportScenario, index: Int, palette: PhasePalette) -> String {
        let chart = GanttChart(scenario: scenario, timeline: GanttChart.timeline(for: scenario), palette: palette, idPrefix: "g\(index + 1)")
        var out = "<div class=\"gantt-block\">\n<h3>Schedule by category</h3>\n"
        let shown = Set(scenario.scheduledStandards.flatMap { $0.entry.phases.map(\.phase) })
        out += "<ul class=\"legend\">"
        for phase in palette.phases where shown.contains(phase.id) {
            out += "<li><span class=\"sw p\(palette.index(of: phase.id))\"></span>\(h(phase.name))</li>"
        }
        out += "<li><span class=\"sw idle\"></span>idle months</li><li><span class=\"sw target\"></span>end of target year</li>"
        out += "<li><span class=\"sw late\"></span>late</li><li><span class=\"sw dep\"></span>dependency</li>"
        if scenario.risk != nil { out += "<li><span class=\"sw band\"></span>publication P50–P90</li>" }
        if scenario.replan != nil {
            out += "<li><span class=\"sw planned\"></span>planned (baseline)</li><li><span class=\"sw today\"></span>status date</li>"
        }
        out += "</ul>\n"
        out += "<input type=\"checkbox\" class=\"deps-toggle noprint\" id=\"deps-\(index + 1)\" checked>"
        out += "<label class=\"toggle noprint\" for=\"deps-\(index + 1)\"> show dependencies</label>\n"
        out += "<figure>\(chart.svg())<figcaption>Bars are phases, coloured by phase; dashed gaps are idle months between phases; "
        out += "the red tick is the end of the target year; tinted rows miss it, by the months shown on the right."
        if scenario.replan != nil { out += " Thin bars under each row are the baseline plan." }
        out += "</figcaption></figure>\n</div>\n"
        return out
    }

    private func dates(_ scenario: ReportScenario) -> String {
        let risk = scenario.risk
        var out = "<h3>Dates by standard</h3>\n<table class=\"dates\">\n<thead><tr><th>Standard</th><th>ID</th><th>Category</th><th>Urgency</th><th>Lead unit</th>"
        out += "<th class=\"num\">Start</th><th class=\"num\">Publication</th><th class=\"num\">Target</th><th class=\"num\">Late</th>"
        if risk != nil { out += "<th class=\"num\">P(on time)</th><th class=\"num\">P50–P90</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (standard, entry) in scenario.scheduledStandards {
            let late = scenario.monthsLate(standard)
            out += "<tr\((late ?? 0) > 0 ? " class=\"late-row\"" : "")><td>\(h(standard.name))</td><td class=\"id\">\(h(standard.id.rawValue))</td>"
            out += "<td class=\"nb\">\(h(CategoryLabel.of(standard).shortName))</td><td class=\"stars\">\(String(repeating: "★", count: max(0, min(standard.urgency, 5))))</td>"
            out += "<td>\(h(scenario.leadUnitName(standard) ?? ""))</td>"
            out += "<td class=\"num\">\(entry.phases.first?.start.description ?? "")</td><td class=\"num\">\(entry.published)</td>"
            out += "<td class=\"num\">\(standard.targetYear.map(String.init) ?? "")</td>"
            out += "<td class=\"num\">\(late.map { $0 > 0 ? "<span class=\"late\">+\($0)</span>" : "0" } ?? "")</td>"
            if let item = risk?.risk(of: standard.id) {
                out += "<td class=\"num\">\(item.probabilityOnTime.map { DocumentNumbers.percent($0, digits: 0) } ?? "")</td>"
                out += "<td class=\"num\">\(item.p50) – \(item.p90)</td>"
            } else if risk != nil {
                out += "<td></td><td></td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func slippage(_ scenario: ReportScenario, _ replan: Replan) -> String {
        var out = "<h3>Slippage against the baseline plan (status as of \(replan.status.asOf))</h3>\n"
        guard replan.baseline.schedule != nil, !replan.slippage.isEmpty else {
            return out + "<p>No slippage to show: the baseline plan has no schedule (\(h(replan.baseline.status.rawValue))).</p>\n"
        }
        let words = SlipText(scenario: scenario.scenario, slippage: replan.slippage)
        out += "<table>\n<thead><tr><th>Standard</th><th>Status \(replan.status.asOf)</th><th class=\"num\">Planned</th>"
        out += "<th class=\"num\">Forecast</th><th class=\"num\">Slip</th><th class=\"num\">Late</th><th>Why (parts of the slip, largest first)</th></tr></thead>\n<tbody>\n"
        for item in ReplanReport.ordered(replan.slippage, in: scenario.scenario) {
            let standard = scenario.scenario.standard(item.standard)
            out += "<tr\((item.monthsLate ?? 0) > 0 ? " class=\"late-row\"" : "")><td>\(h(standard?.name ?? item.standard.rawValue)) "
            out += "<span class=\"note\">\(h(item.standard.rawValue))</span></td><td>\(h(statusText(item.status, standard)))</td>"
            out += "<td class=\"num\">\(item.planned)</td><td class=\"num\">\(item.forecast?.description ?? "—")</td>"
            out += "<td class=\"num\">\(item.monthsSlipped > 0 ? "<span class=\"later\">+\(item.monthsSlipped)</span>" : DocumentNumbers.signed(item.monthsSlipped))</td>"
            out += "<td class=\"num\">\(item.monthsLate.map(String.init) ?? "")</td><td>\(h(words.summary(item)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    private func statusText(_ status: StandardStatus, _ standard: Standard?) -> String { status.words(for: standard) }

    private func riskSection(_ scenario: ReportScenario, _ risk: RiskResult) -> String {
        let p = risk.portfolio
        var out = "<h3>Slippage risk</h3>\n"
        out += "<p>\(risk.samples) samples (seed \(risk.seed)) of \(risk.uncertainPhases) uncertain phase durations, re-timing the plan as a "
        out += "programme would: \(h(RiskDocument.policy)).</p>\n"
        out += "<table class=\"compact\"><tbody>\n"
        out += "<tr><td>Standards with a target year</td><td class=\"num\">\(p.standardsWithTarget)</td></tr>\n"
        out += "<tr><td>On time in the plan</td><td class=\"num\">\(p.plannedOnTime)</td></tr>\n"
        out += "<tr><td>On time, P10 / P50 / P90 of samples</td><td class=\"num\">\(p.onTimeP10) / \(p.onTimeP50) / \(p.onTimeP90) "
        out += "(mean \(DocumentNumbers.decimal(p.onTimeMean)))</td></tr>\n"
        if let all = p.probabilityAllUrgentOnTime {
            out += "<tr><td>All \(p.urgentStandards) urgency-5 standards on time</td><td class=\"num\">\(DocumentNumbers.percent(all, digits: 1))</td></tr>\n"
        }
        out += "<tr><td>Urgency-weighted months late</td><td class=\"num\">plan \(p.plannedWeightedMonthsLate), expected "
        out += "\(DocumentNumbers.decimal(p.expectedWeightedMonthsLate))</td></tr>\n</tbody></table>\n"
        if let tornado = TornadoChart(risk: risk).svg() {
            out += "<ul class=\"legend\"><li><span class=\"sw fast\"></span>when it ran fastest</li><li><span class=\"sw slow\"></span>when it ran slowest</li></ul>\n"
            out += "<figure>\(tornado)<figcaption>What drives lateness: each bar spans the mean urgency-weighted months late over the tenth of "
            out += "samples in which that source ran fastest and the tenth in which it ran slowest.</figcaption></figure>\n"
        }
        return out
    }

    private func published(_ scenario: ReportScenario) -> String {
        let done = scenario.portfolio.standards.filter(\.isPublished)
        guard !done.isEmpty else { return "" }
        var out = "<h3>Published\(scenario.asOf == nil ? " before the plan" : " by the status date")</h3>\n<table>\n"
        out += "<thead><tr><th>Standard</th><th>ID</th><th>Category</th><th>Number</th><th>Lead unit</th><th class=\"num\">Published</th></tr></thead>\n<tbody>\n"
        for standard in done {
            let month: String
            if case .published(let m) = standard.status { month = m.description } else { month = "" }
            out += "<tr><td>\(h(standard.name))</td><td class=\"id\">\(h(standard.id.rawValue))</td><td>\(h(CategoryLabel.of(standard).shortName))</td>"
            out += "<td>\(h(standard.reference ?? ""))</td><td>\(h(scenario.leadUnitName(standard) ?? ""))</td><td class=\"num\">\(month)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
