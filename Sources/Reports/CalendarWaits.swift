import PlanModel

/// Months that phases of a plan wait for a calendar (a phase that may start, or end, only in a
/// calendar's months), read off the schedule without solving anything: for each gated phase after
/// the first, the wait from the month after the previous phase finishes to the first start the
/// gate allows, at most the phase's actual wait. It is what the calendar alone imposes; whether
/// that wait costs lateness (whether the calendar binds) only a re-solve can say (`stdplan bottlenecks`).
struct CalendarWaits {
    /// One calendar and the waits it imposes.
    struct Wait {
        var calendar: ProgrammeCalendar
        /// Months waited in all.
        var months: Int
        /// Phases that waited.
        var phases: Int
    }

    /// Calendars that impose some wait in `schedule`, most months first, then in scenario order.
    static func of(_ portfolio: Portfolio, _ schedule: Schedule) -> [Wait] {
        var months: [CalendarID: Int] = [:], phases: [CalendarID: Int] = [:]
        for standard in portfolio.standards where standard.isOpen {
            guard let entry = schedule.entry(for: standard.id) else { continue }
            for (previous, dated) in zip(entry.phases, entry.phases.dropFirst()) {
                guard let phase = standard.phases.first(where: { $0.id == dated.phase }) else { continue }
                let ready = previous.finish + 1
                let waited = dated.start - ready
                guard waited > 0 else { continue }
                // The wait each gate would impose on its own; with two gates the larger one is charged.
                let forced = [phase.startsIn.map { ($0, firstAllowed(portfolio, $0, ready, dated.months, end: false)) },
                              phase.endsIn.map { ($0, firstAllowed(portfolio, $0, ready, dated.months, end: true)) }]
                    .compactMap { $0 }.compactMap { gate, start in start.map { (gate, min(waited, $0 - ready)) } }
                guard let (gate, wait) = forced.max(by: { $0.1 < $1.1 }), wait > 0 else { continue }
                months[gate, default: 0] += wait
                phases[gate, default: 0] += 1
            }
        }
        return portfolio.calendars.enumerated()
            .compactMap { index, calendar in months[calendar.id].map { (index, Wait(calendar: calendar, months: $0, phases: phases[calendar.id] ?? 0)) } }
            .sorted { ($0.1.months, -$0.0) > ($1.1.months, -$1.0) }
            .map(\.1)
    }

    /// The first start at or after `ready` that `calendar` allows for a phase of `length` months
    /// (its start in the calendar, or with `end` its finish); nil if the calendar is unknown or empty.
    private static func firstAllowed(_ portfolio: Portfolio, _ calendar: CalendarID, _ ready: Month, _ length: Int, end: Bool) -> Month? {
        guard let calendar = portfolio.calendar(calendar) else { return nil }
        let offset = end ? length - 1 : 0
        return calendar.next(atOrAfter: ready + offset, within: 1200).map { $0 - offset }
    }
}
