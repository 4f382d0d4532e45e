import PlanModel

/// An independent checker of a schedule against its scenario. It shares no code with the
/// optimizer beyond the value types, and is written to be obviously right rather than fast:
/// month by month, rule by rule.
public enum ScheduleValidator {
    /// Every violation of the scenario's rules by `schedule`; empty means valid.
    public static func check(_ schedule: Schedule, against portfolio: Portfolio) -> [ScheduleViolation] {
        var violations: [ScheduleViolation] = []
        func fail(_ kind: ScheduleViolation.Kind, _ id: StandardID?, _ month: Month? = nil, _ message: String) {
            violations.append(ScheduleViolation(kind: kind, standard: id, month: month, message: message))
        }
        var entries: [StandardID: StandardSchedule] = [:]
        for entry in schedule.standards {
            if portfolio.standard(entry.standard) == nil {
                fail(.unknownStandard, entry.standard, nil, "\(entry.standard) is not a standard of the scenario")
            } else if entries[entry.standard] != nil {
                fail(.unknownStandard, entry.standard, nil, "\(entry.standard) appears twice in the schedule")
            }
            entries[entry.standard] = entries[entry.standard] ?? entry
        }

        // Per standard: unit, phases, durations, order, earliest start, progress, horizon.
        for standard in portfolio.standards {
            let id = standard.id
            if standard.isWithdrawn {
                // Cancelled or superseded: nothing to schedule and nothing to publish.
                if entries[id] != nil { fail(.withdrawn, id, nil, "\(id) is \(standard.status.key); it must not be scheduled") }
                continue
            }
            guard let entry = entries[id] else {
                fail(.missingStandard, id, nil, "\(id) has no entry in the schedule")
                continue
            }
            if case .published(let month) = standard.status {
                if entry.published != month { fail(.publication, id, entry.published, "\(id) was published \(month), schedule says \(entry.published)") }
                if !entry.phases.isEmpty { fail(.phases, id, nil, "\(id) is published; it has no phases left to schedule") }
                continue
            }
            if let unit = entry.leadUnit {
                if !standard.leadUnits.contains(unit) {
                    fail(.leadUnit, id, nil, "\(id) is led by \(unit), which is not among its lead units \(standard.leadUnits.map(\.rawValue))")
                }
            } else {
                fail(.leadUnit, id, nil, "\(id) has no lead unit")
            }
            let first: Int
            switch standard.status {
            case .planned, .deferred: first = 0
            case .inProgress(let phase, _): first = standard.phases.firstIndex { $0.id == phase } ?? 0
            case .published, .cancelled, .superseded: continue
            }
            let expected = Array(standard.phases[first...])
            guard entry.phases.map(\.phase) == expected.map(\.id) else {
                fail(.phases, id, nil, "\(id) should schedule phases \(expected.map(\.id.rawValue)), found \(entry.phases.map(\.phase.rawValue))")
                continue
            }
            let underWayAtStart: Bool
            if case .inProgress = standard.status { underWayAtStart = true } else { underWayAtStart = false }
            for (offset, dated) in entry.phases.enumerated() {
                let phase = expected[offset]
                var months = phase.months
                if offset == 0, case .inProgress(_, let since) = standard.status {
                    if dated.start != since {
                        fail(.fixedProgress, id, dated.start, "\(id) has been in \(phase.id) since \(since), schedule starts it \(dated.start)")
                    }
                    // Overrun phases run at least into the plan start month.
                    months = max(months, portfolio.planStart - since + 1)
                } else {
                    if dated.start < portfolio.planStart {
                        fail(.earliestStart, id, dated.start, "\(id) \(phase.id) starts \(dated.start), before the plan start \(portfolio.planStart)")
                    }
                    if let earliest = standard.earliestStart, dated.start < earliest {
                        fail(.earliestStart, id, dated.start, "\(id) \(phase.id) starts \(dated.start), before its earliest start \(earliest)")
                    }
                    if case .deferred(let until) = standard.status, dated.start < until {
                        fail(.earliestStart, id, dated.start, "\(id) is deferred until \(until), but \(phase.id) starts \(dated.start)")
                    }
                    if let gate = phase.startsIn, portfolio.calendar(gate)?.contains(dated.start) != true {
                        fail(.calendar, id, dated.start, "\(id) \(phase.id) starts \(dated.start), which is not a month of calendar \(gate)")
                    }
                }
                // The phase under way at the plan start is a fact, gates included; every other phase keeps its gates.
                let underWay: Bool
                if offset == 0, case .inProgress = standard.status { underWay = true } else { underWay = false }
                if !underWay, let gate = phase.endsIn, portfolio.calendar(gate)?.contains(dated.finish) != true {
                    fail(.calendar, id, dated.finish, "\(id) \(phase.id) finishes \(dated.finish), which is not a month of calendar \(gate)")
                }
                // The wait after the phase under way at the plan start is not limited (its start is a fact).
                if offset > 0, !(offset == 1 && underWayAtStart), let limit = phase.maxWait {
                    let waited = dated.start - entry.phases[offset - 1].finish - 1
                    if waited > limit {
                        fail(.wait, id, dated.start, "\(id) \(phase.id) starts \(dated.start), \(waited) months after \(entry.phases[offset - 1].phase) finishes; at most \(limit) allowed")
                    }
                }
                if dated.finish - dated.start + 1 != months {
                    fail(.duration, id, dated.start, "\(id) \(phase.id) takes \(dated.finish - dated.start + 1) months, should take \(months)")
                }
                if offset > 0, dated.start <= entry.phases[offset - 1].finish {
                    fail(.phaseOrder, id, dated.start, "\(id) \(phase.id) starts \(dated.start), before \(entry.phases[offset - 1].phase) finishes \(entry.phases[offset - 1].finish)")
                }
                if dated.finish > portfolio.horizonEnd {
                    fail(.horizon, id, dated.finish, "\(id) \(phase.id) finishes \(dated.finish), after the horizon \(portfolio.horizonEnd)")
                }
            }
            if standard.hardDeadline, let deadline = standard.deadline, entry.published > deadline {
                fail(.deadline, id, entry.published, "\(id) publishes \(entry.published), after its hard deadline \(deadline)")
            }
            if let last = entry.phases.last, entry.published != last.finish {
                fail(.publication, id, entry.published, "\(id) is said to publish \(entry.published), but its last phase finishes \(last.finish)")
            }
        }

        // Dependencies.
        for original in portfolio.dependencies {
            var dependency = original
            // Cancelled work releases nothing; superseded work is replaced by the standard superseding it.
            if case .superseded(let by) = portfolio.standard(dependency.predecessor)?.status, portfolio.standard(StandardID(by)) != nil {
                dependency.predecessor = StandardID(by)
                dependency.predecessorPhase = nil
            }
            guard let successor = portfolio.standard(dependency.successor), let predecessor = portfolio.standard(dependency.predecessor),
                  !predecessor.isWithdrawn, let succEntry = entries[successor.id], let predEntry = entries[predecessor.id] else { continue }
            let succPhase = dependency.successorPhase ?? successor.phases.first?.id
            // Only phases still to be scheduled wait: one under way at the plan start is a fact.
            guard let waiting = succEntry.phases.first(where: { $0.phase == succPhase }) else { continue }
            if case .inProgress(let current, _) = successor.status, current == waiting.phase { continue }
            let finish: Month?
            if predecessor.isPublished {
                finish = dependency.predecessorPhase == nil ? predEntry.published : nil
            } else if let phase = dependency.predecessorPhase {
                finish = predEntry.phases.first { $0.phase == phase }?.finish  // nil: done before the plan start
            } else {
                finish = predEntry.published
            }
            guard let finish else { continue }
            let allowed = finish + 1 + dependency.lag
            if waiting.start < allowed {
                let what = dependency.predecessorPhase.map { "\(predecessor.id) \($0)" } ?? "\(predecessor.id)"
                fail(.dependency, successor.id, waiting.start,
                     "\(successor.id) \(waiting.phase) starts \(waiting.start), but must wait for \(what) (finishes \(finish)) plus \(dependency.lag) months: not before \(allowed)")
            }
        }

        // Capacities, month by month.
        var month = portfolio.planStart
        while month <= portfolio.horizonEnd {
            var unitLoad: [UnitID: Int] = [:]
            var resourceLoad: [ResourceID: Int] = [:]
            for standard in portfolio.standards {
                guard let entry = entries[standard.id] else { continue }
                for dated in entry.phases where dated.start <= month && month <= dated.finish {
                    guard let phase = standard.phases.first(where: { $0.id == dated.phase }) else { continue }
                    if let unit = entry.leadUnit { unitLoad[unit, default: 0] += phase.unitLoad }
                    for load in phase.resourceLoads { resourceLoad[load.resource, default: 0] += load.amount }
                }
            }
            for unit in portfolio.units {
                let load = unitLoad[unit.id] ?? 0, capacity = portfolio.capacity(of: unit, in: month)
                if load > capacity { fail(.unitCapacity, nil, month, "\(unit.id) carries load \(load) in \(month), capacity \(capacity)") }
            }
            for resource in portfolio.resources {
                let load = resourceLoad[resource.id] ?? 0, capacity = portfolio.capacity(of: resource, in: month)
                if load > capacity { fail(.resourceCapacity, nil, month, "\(resource.id) carries load \(load) in \(month), capacity \(capacity)") }
            }
            month = month + 1
        }
        return violations
    }
}
