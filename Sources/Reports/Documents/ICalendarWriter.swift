import PlanModel
import Scheduling

/// An iCalendar file (RFC 5545) of a plan's milestones (`stdplan export --to ics`): one
/// all-day event per phase finish of every scheduled standard, the last being its publication.
///
/// - Each event falls on the last working day of the month its phase finishes (as in
///   ``WorkingCalendar``), since months are the plan's unit.
/// - UIDs are derived from the scenario's name, the standard's id and the phase's id, so
///   importing a later export of the same scenario updates the events instead of duplicating
///   them; SEQUENCE grows with the export date, so clients take the later export as the update.
/// - Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text is
///   escaped as RFC 5545 §3.3.11 requires.
public struct ICalendarWriter: Sendable {
    /// What was planned.
    public var portfolio: Portfolio
    /// The schedule.
    public var schedule: Schedule
    /// The export date, YYYY-MM-DD (DTSTAMP and SEQUENCE).
    public var date: String

    /// Creates a writer.
    public init(portfolio: Portfolio, schedule: Schedule, date: String) {
        self.portfolio = portfolio
        self.schedule = schedule
        self.date = date
    }

    /// The calendar.
    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//stdplan//stdplan export//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + DocumentEscaping.icalText("stdplan: \(portfolio.name)")]
        let stamp = date.replacingOccurrences(of: "-", with: "") + "T000000Z"
        let sequence = exportDay - CalendarDay(year: 2000, month: 1, day: 1).serial
        for standard in portfolio.standards where standard.isOpen {
            guard let entry = schedule.entry(for: standard.id) else { continue }
            let lead = entry.leadUnit.map { portfolio.unit($0)?.name ?? $0.rawValue }
            let late = standard.deadline.map { max(0, entry.published - $0) }
            for (k, dated) in entry.phases.enumerated() {
                let phaseName = standard.phases.first { $0.id == dated.phase }?.name ?? dated.phase.rawValue
                let isPublication = k == entry.phases.count - 1
                let day = WorkingCalendar.lastWorkingDay(of: dated.finish)
                let summary = isPublication ? "Publication (\(phaseName)): \(standard.name)" : "\(phaseName) finishes: \(standard.name)"
                var description = "\(standard.name) (\(standard.id.rawValue)), \(CategoryLabel.of(standard).name)"
                if let lead { description += "\nLead unit: \(lead)" }
                description += "\nPhase \(phaseName): \(dated.start) – \(dated.finish)"
                description += "\nPublication planned for \(entry.published)"
                if let target = standard.targetYear {
                    description += ", target year \(target)" + ((late ?? 0) > 0 ? " (\(late!) months late)" : " (on time)")
                }
                description += "\nPlanned by stdplan: \(portfolio.name)"
                lines += [
                    "BEGIN:VEVENT",
                    "UID:" + uid(standard: standard.id.rawValue, phase: isPublication ? "publication" : dated.phase.rawValue),
                    "DTSTAMP:\(stamp)",
                    "SEQUENCE:\(max(0, sequence))",
                    "DTSTART;VALUE=DATE:\(day.basic)",
                    "DTEND;VALUE=DATE:\(day.next.basic)",
                    "SUMMARY:" + DocumentEscaping.icalText(summary),
                    "DESCRIPTION:" + DocumentEscaping.icalText(description),
                    "CATEGORIES:" + DocumentEscaping.icalText(CategoryLabel.of(standard).name),
                    "TRANSP:TRANSPARENT",
                    "END:VEVENT",
                ]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined()
    }

    /// The export date as a day number (the Unix epoch's day when the date cannot be read).
    private var exportDay: Int {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        return CalendarDay(year: parts[0], month: parts[1], day: parts[2]).serial
    }

    /// `<standard>.<phase>.<hash>@stdplan`: the ids kept readable where they are plain ASCII,
    /// and a hash of scenario name, standard id and phase id that makes the UID unique to them.
    func uid(standard: String, phase: String) -> String {
        func plain(_ text: String) -> String {
            String(text.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }.prefix(40))
        }
        let hash = Self.fnv1a(Array(portfolio.name.utf8) + [0] + Array(standard.utf8) + [0] + Array(phase.utf8))
        return "\(plain(standard)).\(plain(phase)).\(hash)@stdplan"
    }

    /// 64-bit FNV-1a of `bytes`, as 16 hex digits: stable across runs and platforms.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// One content line folded at 75 octets (RFC 5545 §3.1), each physical line ending in CRLF.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var start = 0
        var limit = 75
        while bytes.count - start > limit {
            var end = start + limit
            // Never cut a UTF-8 character: back up over continuation bytes (10xxxxxx).
            while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            out += bytes[start..<end] + [0x0D, 0x0A, 0x20]
            start = end
            limit = 74  // the leading space counts
        }
        out += bytes[start...] + [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }
}
