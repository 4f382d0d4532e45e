import PlanModel

/// Checks that a re-planned schedule keeps every fact of a status file, independently of how
/// the status was applied: published months, the phase under way and its start, no work
/// before the status date for what has not started, none before the end of a deferral (and
/// then from the first phase), none at all for cancelled or superseded work, and the lead units
/// the status names.
public enum StatusFactCheck {
    /// Every fact of `status` that `schedule` does not keep, in words; empty when all are kept.
    /// `portfolio` is the scenario (for the life cycle of standards not started).
    public static func violations(of schedule: Schedule, status: StatusSnapshot, portfolio: Portfolio) -> [String] {
        var problems: [String] = []
        for fact in status.entries {
            let id = fact.standard
            switch fact.status {
            case .cancelled, .superseded:
                if schedule.entry(for: id) != nil { problems.append("\(id) is \(fact.status.key), the re-plan still schedules it") }
                continue
            default:
                break
            }
            guard let entry = schedule.entry(for: id) else {
                problems.append("\(id) is missing from the re-planned schedule")
                continue
            }
            switch fact.status {
            case .cancelled, .superseded:
                break
            case .deferred(let until):
                // Deferred work has not begun: its whole life cycle lies ahead, from the month the deferral ends.
                guard let first = entry.phases.first else {
                    problems.append("\(id) is deferred until \(until), the re-plan has no phase for it")
                    continue
                }
                if first.phase != portfolio.standard(id)?.phases.first?.id || first.start < max(until, status.asOf) {
                    problems.append("\(id) is deferred until \(until), the re-plan starts \(first.phase) in \(first.start)")
                }
            case .published(let month):
                if entry.published != month || !entry.phases.isEmpty {
                    problems.append("\(id) was published \(month), the re-plan says \(entry.published) with \(entry.phases.count) phases left")
                }
            case .inProgress(let phase, let since):
                guard let first = entry.phases.first else {
                    problems.append("\(id) is in \(phase) since \(since), the re-plan has no phase left")
                    continue
                }
                if first.phase != phase || first.start != since {
                    problems.append("\(id) is in \(phase) since \(since), the re-plan starts with \(first.phase) in \(first.start)")
                }
            case .planned:
                let lifeCycle = portfolio.standard(id)?.phases.first?.id
                guard let first = entry.phases.first else {
                    problems.append("\(id) has not started, the re-plan has no phase for it")
                    continue
                }
                if first.phase != lifeCycle || first.start < status.asOf {
                    problems.append("\(id) has not started by \(status.asOf), the re-plan starts \(first.phase) in \(first.start)")
                }
            }
            if let unit = fact.leadUnit, entry.leadUnit != unit, !fact.status.isPublishedStatus {
                problems.append("\(id) is led by \(unit), the re-plan gives \(entry.leadUnit.map(\.rawValue) ?? "no unit")")
            }
        }
        return problems
    }
}

extension StandardStatus {
    /// True for `.published`.
    var isPublishedStatus: Bool {
        if case .published = self { return true }
        return false
    }
}
