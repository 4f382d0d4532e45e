/// Comma-separated values as RFC 4180 describes them: fields with commas, quotes or line
/// breaks are quoted, quotes doubled, lines end in CRLF.
public enum CSV {
    /// One CSV line (with its CRLF).
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }
}
