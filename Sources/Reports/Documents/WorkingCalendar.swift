import PlanModel

/// How stdplan's months become dates in files for day-based tools (docs/documents.md):
///
/// - a phase that starts in month M starts on the **first working day** of M at 08:00;
/// - a phase that finishes in month N finishes on the **last working day** of N at 17:00;
/// - working days are Monday to Friday, 8 hours each (08:00–12:00, 13:00–17:00); public
///   holidays are not modelled (the plan does not know them, and months are its unit);
/// - a duration is the working time between those two instants, so a tool that recomputes the
///   finish from the start and the duration on this calendar lands on the same day;
/// - a lag of k months is written as k months of the tool's own month unit; the dates stay
///   the plan's because every phase is also pinned to start no earlier than its planned day.
enum WorkingCalendar {
    /// Working hours per day.
    static let hoursPerDay = 8

    /// The first Monday-to-Friday day of `month`.
    static func firstWorkingDay(of month: Month) -> CalendarDay {
        var day = CalendarDay(year: month.year, month: month.month, day: 1)
        while !day.isWeekday { day = day.next }
        return day
    }

    /// The last Monday-to-Friday day of `month`.
    static func lastWorkingDay(of month: Month) -> CalendarDay {
        var day = CalendarDay(year: month.year, month: month.month, day: CalendarDay.days(inMonth: month.month, of: month.year))
        while !day.isWeekday { day = CalendarDay(serial: day.serial - 1) }
        return day
    }

    /// Working days from the first working day of `start` through the last working day of
    /// `finish` (inclusive months).
    static func workingDays(from start: Month, through finish: Month) -> Int {
        let first = firstWorkingDay(of: start).serial, last = lastWorkingDay(of: finish).serial
        guard last >= first else { return 0 }
        return (first...last).reduce(0) { $0 + (CalendarDay(serial: $1).isWeekday ? 1 : 0) }
    }
}
