/// Labelled lines such as a plan's summary: a label column, then the text, wrapped under itself
/// to the layout's width; a two-column table in Markdown.
struct SummaryList {
    /// The lines: label and text (an empty label continues the line above).
    var rows: [(label: String, text: String)] = []
    /// Colour of some rows, by row index.
    var colours: [Int: TerminalText.Colour] = [:]

    mutating func append(_ label: String, _ text: String, colour: TerminalText.Colour? = nil) {
        if let colour { colours[rows.count] = colour }
        rows.append((label, text))
    }

    /// Columns of the widest label.
    var labelWidth: Int { rows.map { DisplayWidth.of($0.label) }.max() ?? 0 }

    /// Indented by two spaces, the texts aligned two columns after the widest label (or after
    /// `labelWidth` columns, to align several lists).
    func render(_ layout: TerminalLayout, labelWidth: Int? = nil) -> String {
        let labelWidth = (labelWidth ?? self.labelWidth) + 2
        return rows.enumerated().map { index, row in
            let first = "  " + DisplayWidth.pad(row.label, to: labelWidth)
            return TerminalText.wrap(row.text, width: layout.width, first: first)
                .map { TerminalText.coloured($0, colours[index], enabled: layout.colour) + "\n" }.joined()
        }.joined()
    }

    func markdown() -> String {
        "| | |\n|---|---|\n" + rows.map { "| \(Escaping.markdownCell($0.label)) | \(Escaping.markdownCell($0.text)) |\n" }.joined()
    }
}
