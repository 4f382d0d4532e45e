import Foundation
import PlanModel
import Risk
import Scheduling

/// Renders a backtest for people (table, Markdown) and programs (JSON, CSV): the facts against
/// the forecast, the scores, and the calibration with its verdict.
public struct BacktestReport: Sendable {
    /// The scenario, as planned at its start.
    public let portfolio: Portfolio
    /// The plan whose forecast is judged.
    public let plan: PlanResult
    /// The figures.
    public let backtest: BacktestResult
    /// Where the scenario came from.
    public let source: String
    /// Where the status came from.
    public let statusSource: String

    /// Creates a report.
    public init(portfolio: Portfolio, plan: PlanResult, backtest: BacktestResult, source: String, statusSource: String) {
        self.portfolio = portfolio
        self.plan = plan
        self.backtest = backtest
        self.source = source
        self.statusSource = statusSource
    }

    /// The JSON document.
    public var document: BacktestDocument { BacktestDocument(portfolio: portfolio, plan: plan, backtest: backtest) }

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

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// What was observed, in words: "published 2022-11", "in 起草", "not started".
    func observed(_ fact: BacktestFact) -> String {
        switch fact.observation {
        case .published(let month): "published \(month)"
        case .inPhase(let phase): "in \(portfolio.standard(fact.standard)?.phases.first { $0.id == phase }?.name ?? phase.rawValue)"
        case .notStarted: "not started"
        }
    }

    private func heading(_ title: String, _ markdown: Bool) -> String { markdown ? "## \(title)\n\n" : "\(title)\n" }

    private func text(markdown: Bool, layout: TerminalLayout) -> String {
        let b = backtest
        func paragraph(_ text: String) -> String { TerminalText.paragraph(text, width: layout.width) }
        var out = markdown ? "# Backtest: \(portfolio.name)\n\n" : paragraph("Backtest: \(portfolio.name)")
        out += paragraph("Forecast: the risk simulation of the plan of \(source) as of its start \(b.planStart) (plan \(plan.status.rawValue); "
                         + "\(b.samples) samples, seed \(b.seed)). Facts: \(statusSource) as of \(b.asOf).")
        var scored = "Scored: \(b.facts.count) fact\(b.facts.count == 1 ? "" : "s") (entries marked `source: fact`); "
            + "\(b.assumptions) assumption\(b.assumptions == 1 ? "" : "s") not used"
        scored += b.unscored.isEmpty ? "." : "; not scored: " + b.unscored.map(unscoredText).joined(separator: ", ") + "."
        out += paragraph(scored) + "\n"
        guard let score = b.score else {
            out += paragraph("Nothing to score: the status file has no fact the forecast gave a probability to. "
                             + "Mark entries that a public source shows (an announcement, a posted draft) with `source: fact`.")
            return out
        }
        out += heading("Facts against the forecast", markdown)
        var table = TextTable(headers: ["Standard", "ID", "Observed by \(b.asOf)", "Planned", "Forecast P50", "P(observed)", "P(published by \(b.asOf))"],
                              rightAligned: [5, 6])
        table.shrinkable = [0: .init(comfortable: 24, minimum: 12)]
        table.optional = [1, 4, 3]
        for fact in b.facts {
            table.append([portfolio.standard(fact.standard)?.name ?? fact.standard.rawValue, fact.standard.rawValue, observed(fact),
                          fact.plannedPublication.description, fact.forecastMedian.description,
                          fact.probabilityObserved == 0 ? "0 (floor)" : Self.percent(fact.probabilityObserved), Self.percent(fact.probabilityPublished)])
        }
        out += markdown ? table.markdown() + "\n" : table.render(layout)
        out += paragraph("P(observed): share of samples in which exactly that happened (published in that month; in that phase in \(b.asOf); not started by then).") + "\n"

        out += heading("Scores", markdown)
        var rows = SummaryList()
        rows.append("Brier score", "\(String(format: "%.4f", score.brier)) (P(published by \(b.asOf)) against what happened; 0 is perfect, 0.25 is always saying 50%)")
        rows.append("Log-likelihood", "\(Self.number(score.logLikelihood)) (Σ ln P(observed); 0 is perfect; a fact no sample saw would count as 1/(2N) = "
                    + String(format: "%.2g", score.floor) + (score.floored == 0 ? ")" : "; \(score.floored) had none)"))
        rows.append("Typical fact", "\(Self.percent(score.geometricMeanProbability)) (the geometric mean of P(observed))")
        out += (markdown ? rows.markdown() : rows.render(layout)) + "\n"
        guard let calibration = b.calibration else { return out }

        out += heading("Calibration: the duration scale under which the facts are most likely", markdown)
        let o = calibration.overall
        var figures = SummaryList()
        figures.append("All durations", "\(BacktestFactor.times(o.value)) (range \(o.rangeText)): \(o.verdictText)")
        let best = o.value == 1 ? "(the best)" : "at ×1.00, \(Self.number(o.logLikelihood)) at \(BacktestFactor.times(o.value))"
        figures.append("Log-likelihood", "\(Self.number(calibration.logLikelihoodAtPlan)) \(o.value == 1 ? "at ×1.00 " : "")\(best), "
                       + "\(Self.number(calibration.logLikelihoodByPhase)) by phase")
        out += markdown ? figures.markdown() + "\n" : figures.render(layout)
        out += paragraph("Verdict: \(o.verdictText).") + "\n"
        out += markdown ? "### By phase (each in turn, the others held)\n\n" : "By phase (each in turn, the others held)\n"
        var phases = TextTable(headers: ["Phase", "ID", "Factor", "Range", "Verdict"], rightAligned: [2])
        phases.shrinkable = [4: .init(comfortable: 30, minimum: 16), 0: .init(comfortable: 12, minimum: 6)]
        phases.optional = [1]
        for phase in calibration.phases {
            phases.append([phase.name, phase.phase.rawValue, BacktestFactor.times(phase.factor.value), phase.factor.rangeText, phase.factor.verdictText])
        }
        out += markdown ? phases.markdown() + "\n" : phases.render(layout)
        out += paragraph(Self.byPhaseText(calibration))
        out += paragraph("Range: the factors whose log-likelihood is within 1.92 of the best (about 95% when facts are many; a rough guide with few). "
                         + "Factors are tried from ×0.50 to ×4.00; equally likely ones go to the one nearest ×1, so no scale is claimed without evidence.") + "\n"
        out += markdown ? "### Log-likelihood by factor (all durations)\n\n```\n" + chart(calibration) + "```\n" : "Log-likelihood by factor (all durations)\n" + chart(calibration)
        return out
    }

    /// Whether the factors by phase are worth using instead of one factor, in words.
    static func byPhaseText(_ calibration: BacktestCalibration) -> String {
        let moved = calibration.phasesMoved
        let numbers = "log-likelihood \(number(calibration.logLikelihoodByPhase)) against \(number(calibration.overall.logLikelihood)) for one factor"
        if moved == 0 { return "No phase moves off the overall factor: one factor is the calibration." }
        if calibration.byPhaseIsBetter { return "By phase: \(numbers), better by more than 1.92 for each of the \(moved) phases moved: use the factors by phase." }
        return "By phase: \(numbers), not better by 1.92 for each of the \(moved) phase\(moved == 1 ? "" : "s") moved: "
            + "with these facts the differences between phases may be chance; use the one factor."
    }

    private func unscoredText(_ item: BacktestUnscored) -> String {
        let why = item.reason == .knownAtPlanStart ? "known at the plan start" : "the forecast gives no probability to this"
        return "\(item.standard) (\(item.status.words(for: portfolio.standard(item.standard))): \(why))"
    }

    /// Every third factor (all of them are tried), with a bar from the worst to the best log-likelihood.
    func chart(_ calibration: BacktestCalibration, width: Int = 40) -> String {
        let grid = BacktestCalibration.grid
        let points = stride(from: 0, to: grid.count, by: 3).compactMap { k in calibration.curve[k].map { (k, $0) } }
        let low = points.map(\.1).min() ?? 0, high = points.map(\.1).max() ?? 0
        return points.map { k, value in
            let length = high > low ? Int(((value - low) / (high - low) * Double(width)).rounded()) : width
            let mark = grid[k] == 1 ? " (plan)" : ""
            return BacktestFactor.times(grid[k]) + " | " + String(repeating: "#", count: length) + " " + Self.number(value) + mark + "\n"
        }.joined()
    }

    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    private func csv() -> String {
        let d = document
        func number(_ value: Double) -> String { String(format: "%.4f", value) }
        var facts = CSV.line(["id", "name", "observed", "month", "phase", "planned_published", "forecast_p50", "p_observed", "p_published_by_as_of", "published"])
        for fact in d.facts {
            facts += CSV.line([fact.id, fact.name, fact.observed, fact.month ?? "", fact.phase ?? "", fact.plannedPublished, fact.forecastP50,
                               number(fact.pObserved), number(fact.pPublishedByAsOf), fact.published ? "true" : "false"])
        }
        var sections: [(String, String)] = [("Facts", facts)]
        if let score = d.score {
            var rows = CSV.line(["metric", "value"])
            for (metric, value) in [("facts", "\(score.facts)"), ("samples", "\(d.samples)"), ("seed", "\(d.seed)"), ("brier", number(score.brier)),
                                    ("log_likelihood", number(score.logLikelihood)), ("floor", "\(score.floor)"), ("floored", "\(score.floored)"),
                                    ("geometric_mean_probability", number(score.geometricMeanProbability))] {
                rows += CSV.line([metric, value])
            }
            sections.append(("Scores", rows))
        }
        if let calibration = d.calibration {
            var factors = CSV.line(["phase", "name", "factor", "low", "high", "low_open", "high_open", "log_likelihood", "verdict", "text"])
            for entry in [calibration.overall] + calibration.phases {
                factors += CSV.line([entry.phase ?? "*", entry.name ?? "all durations", "\(entry.factor)", "\(entry.low)", "\(entry.high)",
                                     "\(entry.lowOpen)", "\(entry.highOpen)", number(entry.logLikelihood), entry.verdict, entry.text])
            }
            var curve = CSV.line(["factor", "log_likelihood"])
            for point in calibration.curve { curve += CSV.line(["\(point.factor)", number(point.logLikelihood)]) }
            sections += [("Calibration", factors), ("Log-likelihood by factor", curve)]
        }
        return CSV.sections(sections)
    }
}
