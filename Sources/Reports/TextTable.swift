/// A plain-text table whose columns line up in a terminal, whatever the script.
public struct TextTable: Sendable {
    /// Column titles.
    public var headers: [String]
    /// Which columns are right-aligned (numbers).
    public var rightAligned: Set<Int>
    /// The rows, each with one cell per header.
    public var rows: [[String]] = []

    /// Creates an empty table.
    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, two spaces between columns, a rule under the header, no trailing spaces.
    public func render() -> String {
        // Cells as the terminal will show them (control characters escaped), so widths are true.
        let headers = headers.map { Escaping.terminal($0) }
        let rows = rows.map { $0.map { Escaping.terminal($0) } }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column in
                DisplayWidth.pad(column < cells.count ? cells[column] : "", to: widths[column], right: rightAligned.contains(column))
            }
            return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// The table as GitHub-flavoured Markdown (pipes and line breaks in cells escaped).
    public func markdown() -> String {
        func escape(_ cell: String) -> String { Escaping.markdownCell(cell) }
        var out = "| " + headers.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + headers.indices.map { rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + headers.indices.map { escape($0 < row.count ? row[$0] : "") }.joined(separator: " | ") + " |\n" }
        return out
    }
}
