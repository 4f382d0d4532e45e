import PlanModel

/// Month-by-month load of every shared resource and every lead unit that leads open work,
/// against its capacity, as inline SVG on the Gantt chart's month axis.
///
/// Load is counted from the shown plan's start (with a status: the status date), since work
/// before it is history the plan does not hold. Months at capacity are marked: they are where
/// the plan is bound.
struct LoadChart {
    /// One line of the chart.
    struct Series {
        var name: String
        var kind: String
        var capacity: CapacityProfile
        /// Load per month of the timeline, from its first month.
        var load: [Int]
    }

    let scenario: ReportScenario
    let timeline: ChartTimeline

    /// Resources first, then units in scenario order; only those with load in the plan.
    var series: [Series] {
        guard let schedule = scenario.result.schedule else { return [] }
        return CapacityUse.bodies(scenario.portfolio, schedule, first: timeline.first, last: timeline.last, countFrom: scenario.portfolio.planStart)
            .map { Series(name: $0.name, kind: $0.kind, capacity: $0.capacity, load: $0.load) }
    }

    private static let rowHeight = 38.0
    private static let barArea = 24.0

    /// The chart, or nil when the plan has no schedule.
    func svg() -> String? {
        let series = self.series
        guard !series.isEmpty else { return nil }
        let w = GanttChart.width
        let top = 26.0
        let height = top + Double(series.count) * Self.rowHeight + 4
        var out = "<svg class=\"load\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.number(w)) \(SVG.number(height))\" "
        out += "role=\"img\" aria-label=\"Load against capacity by month\">"
        for k in series.indices where k % 2 == 1 {
            out += SVG.rect(x: 0, y: top + Double(k) * Self.rowHeight, width: w, height: Self.rowHeight, "class=\"row odd\"")
        }
        out += timeline.axis(top: 2, bottom: height - 2)
        out += SVG.text(x: 8, y: 14, "Unit or resource", "class=\"col-head\"")
        out += SVG.text(x: w - GanttChart.rightWidth + 4, y: 14, "Months full", "class=\"col-head\"")
        let start = scenario.portfolio.planStart
        if start > timeline.first {
            let x = timeline.x(start)
            out += SVG.rect(x: timeline.left, y: top, width: x - timeline.left, height: height - top - 2, "class=\"history\"",
                            title: "before \(start): history, not counted")
        }
        for (k, item) in series.enumerated() {
            out += row(item, y: top + Double(k) * Self.rowHeight)
        }
        return out + "</svg>"
    }

    private func row(_ item: Series, y: Double) -> String {
        var out = "<g class=\"load-row\"><title>\(DocumentEscaping.html(item.name))</title>"
        out += SVG.text(x: 14, y: y + 14, DocumentEscaping.html(SVG.fit(item.name, width: GanttChart.labelWidth - 20, fontSize: 11)), "class=\"name\"")
        out += SVG.text(x: 14, y: y + 27, DocumentEscaping.html(item.kind + ", " + capacityText(item.capacity)), "class=\"sub\"")
        let firstCounted = max(scenario.portfolio.planStart, timeline.first)
        var scale = 1
        for i in item.load.indices {
            let month = timeline.first + i
            guard month >= firstCounted else { continue }
            scale = max(scale, item.load[i], item.capacity.capacity(in: month))
        }
        let base = y + 6 + Self.barArea
        func yOf(_ value: Int) -> Double { base - Double(value) / Double(scale) * Self.barArea }
        var full = 0
        var path = ""
        for i in item.load.indices {
            let month = timeline.first + i
            guard month >= firstCounted else { continue }
            let capacity = item.capacity.capacity(in: month)
            let load = item.load[i]
            let x = timeline.x(month)
            let kind = load > capacity ? "over" : (load == capacity && load > 0 ? "full" : "used")
            if load == capacity && load > 0 { full += 1 }
            if load > 0 {
                out += SVG.rect(x: x + 0.5, y: yOf(load), width: timeline.monthWidth - 1, height: base - yOf(load), "class=\"\(kind)\"",
                                title: "\(month): \(load) of \(capacity)")
            }
            path += (path.isEmpty ? "M" : " L") + "\(SVG.number(x)),\(SVG.number(yOf(capacity))) H\(SVG.number(timeline.xEnd(month)))"
        }
        out += "<path class=\"cap\" d=\"\(path)\"/>"
        out += SVG.line(x1: timeline.x(firstCounted), y1: base, x2: timeline.right, y2: base, "class=\"baseline\"")
        out += SVG.text(x: GanttChart.width - GanttChart.rightWidth + 4, y: y + 20, "\(full)", "class=\"\(full > 0 ? "full-label" : "sub")\"")
        return out + "</g>"
    }

    private func capacityText(_ profile: CapacityProfile) -> String {
        var text = "capacity \(profile.initial)"
        for change in profile.changes { text += ", \(change.value) from \(change.from)" }
        return text
    }
}
