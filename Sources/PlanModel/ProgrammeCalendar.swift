/// A named set of months: when projects are approved (立项 batches), when a committee meets, when
/// the regulator publishes. A phase may be allowed to start, or to end, only in a calendar's
/// months (``Phase/startsIn``, ``Phase/endsIn``).
public struct ProgrammeCalendar: Hashable, Sendable {
    /// Its id in the scenario.
    public var id: CalendarID
    /// Its name, in any script.
    public var name: String
    /// Months of every year in the calendar, 1–12 (e.g. [3, 9] for March and September).
    public var monthsOfYear: Set<Int>
    /// Particular months in the calendar, besides the recurring ones.
    public var months: Set<Month>

    /// Creates a calendar.
    public init(id: CalendarID, name: String, monthsOfYear: Set<Int> = [], months: Set<Month> = []) {
        self.id = id
        self.name = name
        self.monthsOfYear = monthsOfYear
        self.months = months
    }

    /// True when `month` is in the calendar.
    public func contains(_ month: Month) -> Bool { monthsOfYear.contains(month.month) || months.contains(month) }

    /// The first month of the calendar at or after `month`, within `limit` months; nil if none.
    public func next(atOrAfter month: Month, within limit: Int = 1200) -> Month? {
        var candidate = month
        for _ in 0...max(0, limit) {
            if contains(candidate) { return candidate }
            candidate = candidate + 1
        }
        return nil
    }
}

/// Identifies a calendar.
public typealias CalendarID = Identifier<ProgrammeCalendar>
