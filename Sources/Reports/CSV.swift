/// Comma-separated values as RFC 4180 describes them: fields with commas, quotes or line
/// breaks are quoted, quotes doubled, lines end in CRLF; formula prefixes are neutralised
/// (``Escaping/csvCell(_:)``).
public enum CSV {
    /// One CSV line (with its CRLF).
    public static func line(_ fields: [String]) -> String {
        fields.map(Escaping.csvCell).joined(separator: ",") + "\r\n"
    }

    /// Several tables in one file, for a spreadsheet: each starts with a row holding its title,
    /// then its header row and rows; an empty row separates them (docs/documents.md).
    public static func sections(_ sections: [(title: String, table: String)]) -> String {
        sections.map { line([$0.title]) + $0.table }.joined(separator: "\r\n")
    }
}
