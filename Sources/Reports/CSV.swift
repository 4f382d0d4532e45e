/// Comma-separated values as RFC 4180 describes them: fields with commas, quotes or line
/// breaks are quoted, quotes doubled, lines end in CRLF; formula prefixes are neutralised
/// (``Escaping/csvCell(_:)``).
public enum CSV {
    /// One CSV line (with its CRLF).
    public static func line(_ fields: [String]) -> String {
        fields.map(Escaping.csvCell).joined(separator: ",") + "\r\n"
    }
}
