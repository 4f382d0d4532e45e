import Foundation
import PlanModel
import Scheduling

/// A plan read out in the words a committee uses: how many standards are on time, how many
/// urgency-weighted months late and whether fewer are possible (apart for targets the plan states
/// and targets the scenario assumes), the most urgent slips, the busiest body and the calendar
/// waits (read off the schedule; what binds is `stdplan bottlenecks`' to measure); then the
/// solver's figures, each explained in one line.
struct PlanReading {
    let portfolio: Portfolio
    let result: PlanResult

    /// Open standards with a target year, and those of them published by its end.
    var onTime: (onTime: Int, withTarget: Int)? {
        PlanSummary(portfolio: portfolio, schedule: result.schedule).map { ($0.onTime, $0.withTarget) }
    }

    /// The first level of the objective when it is urgency-weighted months late.
    var latenessLevel: PlanLevel? { result.levels.first { $0.name == "lateness" } }

    /// The least urgency-weighted months late any schedule can have, as far as it is proven:
    /// the level's bound rounded up (it is a whole number).
    var unavoidableLateness: Int? {
        guard let level = latenessLevel, let bound = level.bound else { return nil }
        return level.proven ? level.value : Int((bound - 1e-6).rounded(.up))
    }

    /// The weights in words, e.g. "a month of a 5-star standard counts 5".
    var weightsInWords: String {
        let weights = portfolio.weights.urgency
        if weights == [1, 2, 3, 4, 5] { return "each month times the standard's stars" }
        return "each month times its urgency weight (" + weights.enumerated().map { "\($0.offset + 1) star\($0.offset == 0 ? "" : "s") \($0.element)" }.joined(separator: ", ") + ")"
    }

    /// The tallies by where the targets come from, when the scenario assumes some (else nil: every
    /// target is the plan's and the totals say it all); the plan's first.
    func bySource(_ summary: PlanSummary) -> [(source: TargetSource, tally: PlanSummary.Tally)]? {
        guard (summary.bySource[.assumed]?.withTarget ?? 0) > 0 else { return nil }
        return TargetSource.allCases.compactMap { source in summary.bySource[source].map { (source, $0) } }
    }

    /// A source of targets in words, e.g. "targets from the plan".
    static func words(_ source: TargetSource) -> String {
        switch source {
        case .plan: "targets from the plan"
        case .assumed: "assumed targets"
        }
    }

    /// On-time work in words, split by the source of the targets when some are assumed: "13 of 22
    /// standards with a target year; 9 miss it. Targets from the plan: 10 of 16 on time; assumed targets: 3 of 6".
    func onTimeText(_ summary: PlanSummary) -> String {
        let late = summary.withTarget - summary.onTime
        var text = "\(summary.onTime) of \(summary.withTarget) standards with a target year" + (late > 0 ? "; \(late) \(late == 1 ? "misses" : "miss") it" : "")
        if let split = bySource(summary) {
            text += ". " + split.enumerated().map { index, item in
                let words = Self.words(item.source)
                return (index == 0 ? words.prefix(1).uppercased() + words.dropFirst() : words)
                    + ": \(item.tally.onTime) of \(item.tally.withTarget)" + (index == 0 ? " on time" : "")
            }.joined(separator: "; ")
        }
        return text
    }

    /// Urgency-weighted months late of the schedule, split by the source of the targets when some
    /// are assumed, with how it compares with the best possible.
    func latenessText(_ summary: PlanSummary) -> String {
        var text = "\(summary.monthsLate) months in all; \(summary.weightedMonthsLate) urgency-weighted (\(weightsInWords))"
        if summary.monthsLate > 0, let split = bySource(summary) {
            text += ". " + split.enumerated().map { index, item in
                let words = Self.words(item.source)
                return (index == 0 ? words.prefix(1).uppercased() + words.dropFirst() : words)
                    + ": \(item.tally.weightedMonthsLate)" + (index == 0 ? " weighted months late" : "") + " (\(item.tally.monthsLate) month\(item.tally.monthsLate == 1 ? "" : "s"))"
            }.joined(separator: "; ")
        }
        if let level = latenessLevel {
            if level.proven {
                text += summary.weightedMonthsLate == 0 ? "" : ". No schedule has fewer: proven"
            } else if let least = unavoidableLateness {
                text += ". At least \(least) urgency-weighted months late are unavoidable (proven bound)"
            } else {
                text += ". Not proven the least possible: the search stopped before it had a bound"
            }
        }
        return text
    }

    /// Deferred and withdrawn work in words (nil when there is none): neither has a target in the
    /// plan, so neither is ever counted late.
    func setAsideText(_ summary: PlanSummary) -> String? {
        var parts: [String] = []
        if summary.deferred > 0 {
            parts.append("\(summary.deferred) deferred (planned from the month \(summary.deferred == 1 ? "it" : "they") may resume; no target, never counted late)")
        }
        if summary.withdrawn > 0 { parts.append("\(summary.withdrawn) cancelled or superseded (not planned)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The most urgent late standards, most urgent and latest first, e.g. "devops +8 (*****)".
    func mostUrgentSlips(_ limit: Int = 3) -> String? {
        guard let schedule = result.schedule else { return nil }
        let late = portfolio.standards.compactMap { standard -> (Standard, Int)? in
            guard standard.isOpen, let deadline = standard.deadline, let entry = schedule.entry(for: standard.id) else { return nil }
            let months = entry.published - deadline
            return months > 0 ? (standard, months) : nil
        }.sorted { a, b in (a.0.urgency, a.1, b.0.id.rawValue) > (b.0.urgency, b.1, a.0.id.rawValue) }
        guard !late.isEmpty else { return nil }
        var text = late.prefix(limit).map { "\($0.0.id) +\($0.1) (\(String(repeating: "*", count: $0.0.urgency)))" }.joined(separator: ", ")
        if late.count > limit { text += "; \(late.count - limit) more below" }
        return text
    }

    /// The lead unit or shared resource at full capacity most often in the plan, in words. Busiest
    /// is not binding: a body can be full every month and still not be what makes work late.
    var busiestBody: String? {
        guard let schedule = result.schedule, let (body, months) = CapacityUse.tightest(portfolio, schedule) else { return nil }
        return "\(body.name) (\(body.id), \(body.kind)): at full capacity in \(body.fullMonths) of the \(months) months "
            + "to the last publication, more often than any other lead unit or shared resource"
    }

    /// Months that phases wait for the calendars' months between one phase and the next, in words
    /// (nil when no calendar makes any phase wait).
    var calendarWaits: String? {
        guard let schedule = result.schedule else { return nil }
        let waits = CalendarWaits.of(portfolio, schedule)
        guard !waits.isEmpty else { return nil }
        return "phases ready before a calendar's month wait for it: " + waits.enumerated().map { index, wait in
            "\(wait.months)\(index == 0 ? " months in all" : "") for \(wait.calendar.name) (\(wait.calendar.id), \(wait.phases) phase\(wait.phases == 1 ? "" : "s"))"
        }.joined(separator: ", ")
    }

    /// Where to learn what binds: the summary does not re-solve, `stdplan bottlenecks` does.
    static let bindingText = "measured by `stdplan bottlenecks`, not here: it re-solves with more of each capacity and "
        + "each calendar open every month"

    /// The lines a committee reads first.
    func committeeLines() -> SummaryList {
        var list = SummaryList()
        guard let summary = PlanSummary(portfolio: portfolio, schedule: result.schedule) else { return list }
        list.append("On time", onTimeText(summary), colour: summary.onTime < summary.withTarget ? .late : nil)
        list.append("Months late", latenessText(summary))
        if let setAside = setAsideText(summary) { list.append("Set aside", setAside) }
        if let slips = mostUrgentSlips() { list.append("Most urgent slips", slips) }
        if let body = busiestBody { list.append("Busiest body", body) }
        if let waits = calendarWaits { list.append("Calendar waits", waits) }
        list.append("Binding body", Self.bindingText)
        list.append("Last publication", summary.lastPublication?.description ?? "—")
        return list
    }

    /// The status in words.
    var statusText: String {
        switch result.status {
        case .optimal:
            return "optimal: GLPK proved that no schedule is better (fewest weighted months late, then earliest publications)"
        case .feasible where result.interrupted:
            return "feasible, not proven optimal: interrupted (Ctrl-C); the best schedule so far"
        case .feasible where result.skippedModel != nil:
            return "feasible, from the heuristic: the model is too large to prove it (see the note below)"
        case .feasible:
            var text = "feasible: a valid schedule, not proven optimal (the time limit or the requested gap stopped the search)"
            if let level = latenessLevel, level.proven { text += "; its weighted months late are proven the least possible" }
            return text
        case .infeasible:
            return "infeasible: no schedule satisfies every rule of the scenario"
        case .timeLimit:
            return "time limit: no schedule was found in time"
        }
    }

    /// The solver's figures, each explained in a line.
    func solverLines() -> SummaryList {
        var list = SummaryList()
        list.append("Status", statusText, colour: result.schedule == nil ? .late : nil)
        if let objective = result.objective {
            list.append("Objective", "\(objective)" + objectiveMeaning(objective))
        } else {
            list.append("Objective", "— (no schedule)")
        }
        let bound = result.bound.map { PlanReport.number($0) }
        list.append("Best bound", bound.map { "\($0): no schedule can have a lower objective" } ?? "— (none proven)")
        list.append("Gap", result.gap.map { String(format: "%.2f%%", $0 * 100) + ": the objective is at most this far above the best possible" }
                    ?? "— (no bound to measure against)")
        list.append("Solve time", String(format: "%.2f s", result.seconds))
        return list
    }

    /// What the objective is made of, e.g. " = 421 weighted months late × 12685 + 1685 weighted months to publication".
    private func objectiveMeaning(_ objective: Int) -> String {
        let lateness = result.levels.first { $0.name == "lateness" }?.value
        let completion = result.levels.first { $0.name == "completion" }?.value
        if let lateness, let completion, objective == lateness * result.latenessWeight + completion {
            return " = \(lateness) weighted months late × \(result.latenessWeight) + \(completion) weighted months to publication "
                + "(the weight \(result.latenessWeight) puts lateness first)"
        }
        return ": the scenario's weighted sum of months late (× \(result.latenessWeight)) and months to publication"
    }

    /// What is known without a schedule: published work and work in progress.
    var knownFacts: String {
        let published = portfolio.standards.filter(\.isPublished).count
        let inProgress = portfolio.standards.filter { if case .inProgress = $0.status { true } else { false } }.count
        let withdrawn = portfolio.standards.filter(\.isWithdrawn).count
        let planned = portfolio.standards.count - published - inProgress - withdrawn
        return "\(published) standards published and \(inProgress) in progress (phase and start shown); \(planned) not started"
            + (withdrawn > 0 ? "; \(withdrawn) cancelled or superseded" : "")
            + ". No open standard has a schedule: each is marked \"not scheduled\""
    }
}
