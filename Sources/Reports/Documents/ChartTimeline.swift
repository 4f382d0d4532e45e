import PlanModel

/// The month axis the Gantt and load charts share, so their months line up on the page.
struct ChartTimeline: Sendable {
    /// First month shown (a January).
    var first: Month
    /// Last month shown (a December).
    var last: Month
    /// Left edge of the first month, in SVG units.
    var left: Double
    /// Right edge of the last month.
    var right: Double

    /// A timeline from January of `from`'s year to December of `to`'s year.
    init(from: Month, to: Month, left: Double, right: Double) {
        first = Month(year: from.year, month: 1)
        last = Month(year: max(to.year, from.year), month: 12)
        self.left = left
        self.right = right
    }

    /// Months shown.
    var months: Int { last - first + 1 }
    /// Width of one month.
    var monthWidth: Double { (right - left) / Double(months) }

    /// The left edge of `month` (clamped to the axis).
    func x(_ month: Month) -> Double {
        left + Double(min(max(month - first, 0), months)) * monthWidth
    }

    /// The right edge of `month` (clamped to the axis).
    func xEnd(_ month: Month) -> Double { x(month + 1) }

    /// The year axis: a band with the years, ticks at every quarter, and light lines down to `bottom`.
    func axis(top: Double, bottom: Double) -> String {
        var out = "<g class=\"axis\">"
        for year in first.year...last.year {
            let start = x(Month(year: year, month: 1)), end = xEnd(Month(year: year, month: 12))
            out += SVG.rect(x: start, y: top, width: end - start, height: 16, "class=\"year-band\(year % 2 == 0 ? " even" : "")\"")
            out += SVG.text(x: (start + end) / 2, y: top + 12, "\(year)", "class=\"year-label\" text-anchor=\"middle\"")
            out += SVG.line(x1: start, y1: top, x2: start, y2: bottom, "class=\"year-line\"")
            for quarter in [4, 7, 10] {
                let q = x(Month(year: year, month: quarter))
                out += SVG.line(x1: q, y1: top + 16, x2: q, y2: bottom, "class=\"quarter-line\"")
            }
        }
        out += SVG.line(x1: right, y1: top, x2: right, y2: bottom, "class=\"year-line\"")
        return out + "</g>"
    }
}
