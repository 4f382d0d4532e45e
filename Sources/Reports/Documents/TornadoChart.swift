import Risk

/// The tornado of a risk analysis as inline SVG: one bar per source of uncertainty, from the
/// urgency-weighted months late when it ran fastest (its fastest tenth of samples) to when it
/// ran slowest, around the expected value; the widest first.
struct TornadoChart {
    let risk: RiskResult

    private static let rowHeight = 22.0

    /// The chart, or nil when nothing is uncertain.
    func svg() -> String? {
        let bars = risk.sensitivity
        guard !bars.isEmpty else { return nil }
        let w = GanttChart.width
        let left = GanttChart.labelWidth + 8, right = w - 60
        let expected = risk.portfolio.expectedWeightedMonthsLate
        let planned = Double(risk.portfolio.plannedWeightedMonthsLate)
        var low = min(expected, planned), high = max(expected, planned)
        for bar in bars {
            low = min(low, bar.fastLateness)
            high = max(high, bar.slowLateness)
        }
        let span = max(high - low, 1)
        low -= span * 0.05
        high += span * 0.05
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * (right - left) }
        let top = 24.0
        let height = top + Double(bars.count) * Self.rowHeight + 26
        var out = "<svg class=\"tornado\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.number(w)) \(SVG.number(height))\" "
        out += "role=\"img\" aria-label=\"Tornado: what drives lateness\">"
        out += SVG.text(x: 8, y: 14, "Source of uncertainty", "class=\"col-head\"")
        out += SVG.text(x: left, y: 14, "urgency-weighted months late: fastest tenth ← expected → slowest tenth", "class=\"col-head\"")
        for (k, bar) in bars.enumerated() {
            let y = top + Double(k) * Self.rowHeight
            if k % 2 == 1 { out += SVG.rect(x: 0, y: y, width: w, height: Self.rowHeight, "class=\"row odd\"") }
            let label = bar.kind == .phase ? "\(bar.name) (\(bar.id))" : bar.name
            out += "<g><title>\(DocumentEscaping.html(label)): \(DocumentNumbers.decimal(bar.fastLateness)) when fastest, "
            out += "\(DocumentNumbers.decimal(bar.slowLateness)) when slowest, over \(bar.phases) phases</title>"
            out += SVG.text(x: 14, y: y + 15, DocumentEscaping.html(SVG.fit(label, width: GanttChart.labelWidth - 110, fontSize: 11)), "class=\"name\"")
            out += SVG.text(x: GanttChart.labelWidth - 90, y: y + 15, DocumentEscaping.html(bar.kind.rawValue), "class=\"sub\"")
            let xe = x(expected)
            let xf = x(min(bar.fastLateness, expected)), xs = x(max(bar.slowLateness, expected))
            out += SVG.rect(x: xf, y: y + 5, width: xe - xf, height: 12, "class=\"fast\"")
            out += SVG.rect(x: xe, y: y + 5, width: xs - xe, height: 12, "class=\"slow\"")
            out += SVG.text(x: xf - 3, y: y + 15, DocumentNumbers.decimal(bar.fastLateness), "class=\"sub\" text-anchor=\"end\"")
            out += SVG.text(x: xs + 3, y: y + 15, DocumentNumbers.decimal(bar.slowLateness), "class=\"sub\"")
            out += "</g>"
        }
        let bottom = top + Double(bars.count) * Self.rowHeight
        out += SVG.line(x1: x(expected), y1: top - 2, x2: x(expected), y2: bottom + 4, "class=\"expected\"")
        out += SVG.text(x: x(expected), y: bottom + 16, "expected \(DocumentNumbers.decimal(expected))", "class=\"sub\" text-anchor=\"middle\"")
        if abs(x(planned) - x(expected)) > 1 {
            out += SVG.line(x1: x(planned), y1: top - 2, x2: x(planned), y2: bottom + 4, "class=\"planned-line\"")
            let anchor = planned < expected ? "end" : "start"
            out += SVG.text(x: x(planned) + (planned < expected ? -4 : 4), y: bottom + 16, "plan \(Int(planned))", "class=\"sub\" text-anchor=\"\(anchor)\"")
        }
        return out + "</svg>"
    }
}
