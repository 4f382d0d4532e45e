import PlanModel

/// A day of the Gregorian calendar, for documents that need dates where stdplan plans in
/// months (MS Project, iCalendar, TaskJuggler).
///
/// How months map to days is decided once, in ``WorkingCalendar``.
struct CalendarDay: Hashable, Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    var serial: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `serial` days after 1970-01-01 (Hinnant's `civil_from_days`).
    init(serial: Int) {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday).
    var weekday: Int { ((serial % 7) + 11) % 7 }

    /// Monday to Friday.
    var isWeekday: Bool { (1...5).contains(weekday) }

    /// The stdplan month it lies in.
    var planMonth: Month { Month(year: year, month: month) }

    /// The next day.
    var next: CalendarDay { CalendarDay(serial: serial + 1) }

    /// `YYYY-MM-DD`.
    var iso: String { "\(Self.digits(year, 4))-\(Self.digits(month, 2))-\(Self.digits(day, 2))" }

    /// `YYYYMMDD`, the iCalendar DATE form.
    var basic: String { "\(Self.digits(year, 4))\(Self.digits(month, 2))\(Self.digits(day, 2))" }

    /// The number of days in `month` of `year`.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return text.count >= count ? text : String(repeating: "0", count: count - text.count) + text
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.serial < rhs.serial }
}
