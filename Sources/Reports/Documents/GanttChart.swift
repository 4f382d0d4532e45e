import PlanModel
import Risk

/// The Gantt chart of one scenario as inline SVG: standards grouped by category, one bar per
/// scheduled phase coloured by phase, idle months between phases dashed, the end of each target
/// year marked, late rows tinted with their months late, dependencies as arrows (hidden by the
/// report's toggle), and, when known, the planned bars of the baseline under the forecast, the
/// P50–P90 band of publication and the status date.
///
/// Every phase bar carries `data-bar="phase"`, so a reader (or a test) can count them.
struct GanttChart {
    /// Width of the SVG's coordinate system; the page scales it.
    static let width = 1040.0
    /// The column of names on the left.
    static let labelWidth = 320.0
    /// The column of lateness (and P(on time)) on the right.
    static let rightWidth = 92.0

    struct Row {
        var standard: Standard
        var entry: StandardSchedule
        var planned: StandardSchedule?
        var monthsLate: Int?
        var risk: StandardRisk?
        var leadUnit: String?
        var y = 0.0
    }

    let scenario: ReportScenario
    let timeline: ChartTimeline
    let palette: PhasePalette
    /// Distinguishes this chart's ids (arrow marker) from other charts in the same page.
    let idPrefix: String

    /// The month axis for `scenario`: from the scenario's plan start to the latest of every
    /// date shown (publications, planned publications, P90s, target years, status date).
    static func timeline(for scenario: ReportScenario) -> ChartTimeline {
        var last = scenario.scenario.planStart
        for (standard, entry) in scenario.scheduledStandards {
            last = max(last, entry.published)
            if let deadline = standard.deadline { last = max(last, deadline) }
        }
        for entry in scenario.plannedSchedule?.standards ?? [] { last = max(last, entry.published) }
        if let asOf = scenario.asOf { last = max(last, asOf) }
        // P90s of heavy tails can lie decades out; the axis follows them for two years at most,
        // and a band that goes beyond ends in an arrow.
        let riskLimit = last + 24
        for item in scenario.risk?.standards ?? [] { last = max(last, min(item.p90, riskLimit)) }
        return ChartTimeline(from: scenario.scenario.planStart, to: last, left: labelWidth + 8, right: width - rightWidth - 8)
    }

    /// Rows grouped by category, categories in the order the scenario first names them.
    var groups: [(category: CategoryLabel, rows: [Row])] {
        var order: [CategoryLabel] = []
        var rows: [CategoryLabel: [Row]] = [:]
        for (standard, entry) in scenario.scheduledStandards {
            let category = CategoryLabel.of(standard)
            if rows[category] == nil { order.append(category) }
            rows[category, default: []].append(Row(
                standard: standard, entry: entry, planned: scenario.plannedSchedule?.entry(for: standard.id),
                monthsLate: scenario.monthsLate(standard), risk: scenario.risk?.risk(of: standard.id),
                leadUnit: scenario.leadUnitName(standard)))
        }
        return order.map { ($0, rows[$0] ?? []) }
    }

    /// Scheduled phases drawn, one bar each.
    var barCount: Int { scenario.scheduledStandards.reduce(0) { $0 + $1.entry.phases.count } }

    private var rowHeight: Double { scenario.plannedSchedule == nil ? 30 : 36 }
    private static let categoryHeight = 22.0
    private static let axisHeight = 22.0

    /// The chart.
    func svg() -> String {
        var groups = self.groups
        var y = Self.axisHeight + 4
        for g in groups.indices {
            y += Self.categoryHeight
            for r in groups[g].rows.indices {
                groups[g].rows[r].y = y
                y += rowHeight
            }
        }
        let height = y + 6
        let w = Self.width
        var out = "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.number(w)) \(SVG.number(height))\" "
        out += "role=\"img\" aria-label=\"Gantt chart of \(DocumentEscaping.html(scenario.portfolio.name))\">"
        out += "<defs><marker id=\"\(idPrefix)-arrow\" viewBox=\"0 0 6 6\" refX=\"5\" refY=\"3\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
        out += "<path d=\"M0,0 L6,3 L0,6 z\" class=\"dep-head\"/></marker>"
        out += "<pattern id=\"\(idPrefix)-band\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        out += "<rect width=\"4\" height=\"4\" class=\"band-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" class=\"band-line\"/></pattern></defs>"
        // Row backgrounds first, then the axis lines over them, then the bars.
        for (category, rows) in groups {
            let top = (rows.first?.y ?? y) - Self.categoryHeight
            out += SVG.rect(x: 0, y: top, width: w, height: Self.categoryHeight - 2, "class=\"cat-band\"")
            out += SVG.text(x: 8, y: top + 14, DocumentEscaping.html(category.name) + " <tspan class=\"cat-count\">\(rows.count)</tspan>",
                            "class=\"cat-name\"")
            for (k, row) in rows.enumerated() {
                let late = (row.monthsLate ?? 0) > 0
                out += SVG.rect(x: 0, y: row.y, width: w, height: rowHeight, "class=\"row\(late ? " late-row" : k % 2 == 1 ? " odd" : "")\"")
            }
        }
        out += timeline.axis(top: 2, bottom: height - 4)
        out += SVG.text(x: 8, y: 14, "Standard", "class=\"col-head\"")
        out += SVG.text(x: w - Self.rightWidth + 4, y: 14, "Late", "class=\"col-head\"")
        for (_, rows) in groups {
            for row in rows { out += self.row(row) }
        }
        out += dependencies(groups.flatMap(\.rows))
        if let asOf = scenario.asOf {
            let x = timeline.x(asOf)
            out += "<g class=\"today\">" + SVG.line(x1: x, y1: Self.axisHeight - 4, x2: x, y2: height - 4)
            out += SVG.text(x: x + 3, y: Self.axisHeight + 2, "status \(asOf)", "class=\"today-label\"") + "</g>"
        }
        return out + "</svg>"
    }

    private func row(_ row: Row) -> String {
        let y = row.y
        let standard = row.standard
        let barY = y + 6, barHeight = 12.0
        var out = "<g class=\"standard\" data-standard=\"\(DocumentEscaping.html(standard.id.rawValue))\">"
        out += "<title>\(DocumentEscaping.html(standard.name))</title>"
        // Labels: the name, then id, lead unit and urgency.
        let nameWidth = Self.labelWidth - 20
        out += SVG.text(x: 14, y: y + 12, DocumentEscaping.html(SVG.fit(standard.name, width: nameWidth, fontSize: 11)), "class=\"name\"")
        let stars = String(repeating: "★", count: max(0, min(standard.urgency, 5)))
        let sub = [standard.id.rawValue, row.leadUnit ?? "", stars].filter { !$0.isEmpty }.joined(separator: " · ")
        out += SVG.text(x: 14, y: y + 24, DocumentEscaping.html(SVG.fit(sub, width: nameWidth, fontSize: 9)), "class=\"sub\"")
        // The P50–P90 band of publication behind the bars.
        if let risk = row.risk {
            let x1 = timeline.x(risk.p50), x2 = timeline.xEnd(risk.p90)
            out += "<g class=\"risk\">" + SVG.rect(x: x1, y: barY - 3, width: x2 - x1, height: barHeight + 6, "fill=\"url(#\(idPrefix)-band)\" class=\"risk-band\"")
            if risk.p90 > timeline.last {
                out += "<path class=\"clipped\" d=\"M\(SVG.number(x2 - 1)),\(SVG.number(barY + 6)) l-5,-5 v10 z\"/>"
            }
            out += "<title>publication P50 \(risk.p50), P80 \(risk.p80), P90 \(risk.p90)</title></g>"
        }
        // Target: the end of December of the target year.
        if let deadline = standard.deadline, deadline >= timeline.first, deadline <= timeline.last {
            let x = timeline.xEnd(deadline)
            out += "<g class=\"target\">" + SVG.line(x1: x, y1: barY - 4, x2: x, y2: barY + barHeight + 4)
            out += "<path d=\"M\(SVG.number(x - 3.5)),\(SVG.number(barY - 4)) h7 l-3.5,4 z\"/>"
            out += "<title>target: by the end of \(deadline.year)</title></g>"
        }
        // Phases and the idle months between them.
        for (k, phase) in row.entry.phases.enumerated() {
            let x1 = timeline.x(phase.start), x2 = timeline.xEnd(phase.finish)
            let name = standard.phases.first { $0.id == phase.phase }?.name ?? phase.phase.rawValue
            let index = palette.index(of: phase.phase)
            let months = DocumentNumbers.months(phase.months)
            out += SVG.rect(x: x1, y: barY, width: max(x2 - x1, 1), height: barHeight,
                            "class=\"bar p\(index)\" data-bar=\"phase\" data-phase=\"\(DocumentEscaping.html(phase.phase.rawValue))\"",
                            title: "\(DocumentEscaping.html(name)): \(phase.start) – \(phase.finish), \(months)")
            if phase.start < timeline.first {
                out += "<path class=\"clipped\" d=\"M\(SVG.number(x1 + 1)),\(SVG.number(barY + 6)) l5,-5 v10 z\"><title>under way since \(phase.start)</title></path>"
            }
            if k + 1 < row.entry.phases.count {
                let next = row.entry.phases[k + 1]
                let idle = next.start - phase.finish - 1
                if idle > 0 {
                    let gx1 = x2, gx2 = timeline.x(next.start)
                    out += "<g class=\"idle\">" + SVG.line(x1: gx1 + 1, y1: barY + barHeight / 2, x2: gx2 - 1, y2: barY + barHeight / 2)
                    if gx2 - gx1 >= 12 {
                        out += SVG.text(x: (gx1 + gx2) / 2, y: barY - 1, "\(idle)", "class=\"idle-count\" text-anchor=\"middle\"")
                    }
                    out += "<title>idle \(DocumentNumbers.months(idle)): waiting between \(DocumentEscaping.html(name)) and the next phase</title></g>"
                }
            }
        }
        // The baseline's planned phases, thin, under the forecast.
        if let planned = row.planned {
            for phase in planned.phases {
                let x1 = timeline.x(phase.start), x2 = timeline.xEnd(phase.finish)
                out += SVG.rect(x: x1, y: barY + barHeight + 5, width: max(x2 - x1, 1), height: 5,
                                "class=\"planned p\(palette.index(of: phase.phase))\" data-planned-bar=\"phase\"")
            }
            let x = timeline.xEnd(planned.published)
            out += "<g class=\"planned-pub\">" + SVG.line(x1: x, y1: barY + barHeight + 3, x2: x, y2: barY + barHeight + 12)
            out += "<title>planned publication \(planned.published)</title></g>"
        }
        // Right column: months late, and P(on time).
        let rx = Self.width - Self.rightWidth + 4
        if let late = row.monthsLate {
            out += late > 0
                ? SVG.text(x: rx, y: y + 13, "+\(late) mo late", "class=\"late-label\"")
                : SVG.text(x: rx, y: y + 13, "on time", "class=\"ok-label\"")
        } else {
            out += SVG.text(x: rx, y: y + 13, "no target", "class=\"sub\"")
        }
        if let p = row.risk?.probabilityOnTime {
            out += SVG.text(x: rx, y: y + 25, "P(on time) \(DocumentNumbers.percent(p, digits: 0))", "class=\"sub risk-p\"")
        }
        return out + "</g>"
    }

    /// Arrows from the finish of each predecessor phase to the start of the phase that waits for
    /// it, for dependencies between two standards on the chart.
    private func dependencies(_ rows: [Row]) -> String {
        let portfolio = scenario.portfolio
        var byID: [StandardID: Row] = [:]
        for row in rows { byID[row.standard.id] = row }
        var out = "<g class=\"deps\">"
        for dependency in portfolio.resolvedDependencies {
            guard case .phase(let p, let pIndex) = dependency.predecessor else { continue }
            let successor = portfolio.standards[dependency.successor], predecessor = portfolio.standards[p]
            guard let sRow = byID[successor.id], let pRow = byID[predecessor.id],
                  let to = sRow.entry.phases.first(where: { $0.phase == successor.phases[dependency.successorPhaseIndex].id }),
                  let from = pRow.entry.phases.first(where: { $0.phase == predecessor.phases[pIndex].id })
            else { continue }
            let x1 = timeline.xEnd(from.finish), y1 = pRow.y + 12
            let x2 = timeline.x(to.start), y2 = sRow.y + 12
            let elbow = min(x1 + 4, x2 - 2)
            let lag = dependency.lag > 0 ? ", then \(DocumentNumbers.months(dependency.lag))" : ""
            out += "<path d=\"M\(SVG.number(x1)),\(SVG.number(y1)) H\(SVG.number(elbow)) V\(SVG.number(y2)) H\(SVG.number(x2))\" "
            out += "marker-end=\"url(#\(idPrefix)-arrow)\"><title>\(DocumentEscaping.html(successor.id.rawValue)) waits for "
            out += "\(DocumentEscaping.html(predecessor.id.rawValue))\(lag)</title></path>"
        }
        return out + "</g>"
    }
}
