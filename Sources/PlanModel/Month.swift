/// A calendar month, the planning period of stdplan.
///
/// Months are inclusive everywhere: a phase that starts in 2022-03 and finishes in 2022-05
/// is worked in March, April and May (three months).
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Months since January of year 0; consecutive months differ by one.
    public let index: Int

    /// Creates the month `month` (1–12) of `year`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month must be 1...12")
        index = year * 12 + (month - 1)
    }

    /// Creates a month from its running index (see ``index``).
    public init(index: Int) { self.index = index }

    /// Parses `YYYY-MM` (also `YYYY-M`); returns nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The calendar year.
    public var year: Int { index >= 0 ? index / 12 : (index - 11) / 12 }
    /// The month of the year, 1–12.
    public var month: Int { index - year * 12 + 1 }

    /// December of `year`: a target year is met when publication is in or before this month.
    public static func endOfYear(_ year: Int) -> Month { Month(year: year, month: 12) }

    /// `YYYY-MM`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.index < rhs.index }
    public static func + (lhs: Month, rhs: Int) -> Month { Month(index: lhs.index + rhs) }
    public static func - (lhs: Month, rhs: Int) -> Month { Month(index: lhs.index - rhs) }
    /// Number of months from `rhs` to `lhs` (positive when `lhs` is later).
    public static func - (lhs: Month, rhs: Month) -> Int { lhs.index - rhs.index }
}

extension Month: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let month = Month(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a month as YYYY-MM, got '\(text)'")
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
