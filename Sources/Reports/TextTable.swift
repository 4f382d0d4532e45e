/// A plain-text table whose columns line up in a terminal, whatever the script, and that fits a
/// given width: columns marked shrinkable are cut with an ellipsis (to no fewer columns than
/// their minimum), and optional columns are left out, in the order given, when cutting is not
/// enough.
public struct TextTable: Sendable {
    /// Column titles.
    public var headers: [String]
    /// Which columns are right-aligned (numbers).
    public var rightAligned: Set<Int>
    /// The rows, each with one cell per header.
    public var rows: [[String]] = []
    /// Columns whose cells may be cut with an ellipsis to fit (names; never figures).
    public var shrinkable: [Int: Shrink] = [:]
    /// Columns left out, first to last, while the table does not fit with every shrinkable
    /// column at its minimum.
    public var optional: [Int] = []
    /// Colour of some rows, by row index, on a terminal that shows colour.
    public var colours: [Int: TerminalText.Colour] = [:]

    /// Creates an empty table.
    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Appends a row, coloured when `colour` is given and the layout shows colour.
    public mutating func append(_ row: [String], colour: TerminalText.Colour? = nil) {
        if let colour { colours[rows.count] = colour }
        rows.append(row)
    }

    /// The table, two spaces between columns, a rule under the header, no trailing spaces;
    /// every column at full width.
    public func render() -> String { render(.wide) }

    /// The table laid out for `layout`: within its width when it has one.
    public func render(_ layout: TerminalLayout) -> String {
        // Cells as the terminal will show them (control characters escaped), so widths are true.
        var table = self
        table.headers = headers.map { Escaping.terminal($0) }
        table.rows = rows.map { $0.map { Escaping.terminal($0) } }
        return table.laidOut(layout)
    }

    private func laidOut(_ layout: TerminalLayout) -> String {
        let (columns, widths) = fit(width: layout.width)
        func line(_ cells: [String]) -> String {
            let padded = zip(columns, widths).map { column, width in
                let text = column < cells.count ? cells[column] : ""
                return DisplayWidth.pad(TerminalText.cut(text, to: width), to: width, right: rightAligned.contains(column))
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for (index, row) in rows.enumerated() {
            out.append(TerminalText.coloured(line(row), colours[index], enabled: layout.colour))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// How far a column may be cut.
    public struct Shrink: Sendable, Hashable {
        /// Cut to this width before any optional column is left out.
        public var comfortable: Int
        /// Never cut below this width.
        public var minimum: Int
        /// Creates a limit.
        public init(comfortable: Int, minimum: Int) {
            self.comfortable = max(comfortable, minimum)
            self.minimum = minimum
        }
    }

    /// The columns shown and their widths: every column at its natural width when that fits
    /// (or there is no width); else shrinkable columns cut (furthest above it first) to their comfortable
    /// width, leaving out as few optional columns (in order) as that needs; else the same down
    /// to their minimum width.
    func fit(width: Int?) -> (columns: [Int], widths: [Int]) {
        let natural = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        guard let width else { return (Array(headers.indices), natural) }
        func cut(_ columns: [Int], _ widths: inout [Int], to limit: (Shrink) -> Int) {
            while widths.reduce(0, +) + 2 * max(0, widths.count - 1) > width {
                let candidates = columns.indices.filter { k in
                    guard let shrink = shrinkable[columns[k]] else { return false }
                    return widths[k] > max(limit(shrink), DisplayWidth.of(headers[columns[k]]))
                }
                // The column furthest above its limit gives a column first, so cut columns end equally far above theirs.
                func excess(_ k: Int) -> Int { widths[k] - limit(shrinkable[columns[k]]!) }
                guard let furthest = candidates.max(by: { excess($0) < excess($1) || (excess($0) == excess($1) && $0 > $1) }) else { return }
                widths[furthest] -= 1
            }
        }
        var columns: [Int] = []
        var widths: [Int] = []
        for limit in [\Shrink.comfortable, \Shrink.minimum] {
            for dropped in 0...optional.count {
                columns = headers.indices.filter { !optional.prefix(dropped).contains($0) }
                widths = columns.map { natural[$0] }
                cut(columns, &widths, to: { $0[keyPath: limit] })
                if widths.reduce(0, +) + 2 * max(0, widths.count - 1) <= width { return (columns, widths) }
            }
        }
        return (columns, widths)
    }

    /// The table as GitHub-flavoured Markdown (pipes and line breaks in cells escaped); always complete.
    public func markdown() -> String {
        func escape(_ cell: String) -> String { Escaping.markdownCell(cell) }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + headers.indices.map { escape($0 < row.count ? row[$0] : "") }.joined(separator: " | ") + " |\n" }
        return out
    }
}
