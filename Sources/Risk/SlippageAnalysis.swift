import PlanModel
import Scheduling

/// Explains each standard's slip between the baseline plan and the forecast (facts of the
/// status file, then the re-plan).
///
/// The forecast is first compacted: re-timed with its own lead units and order, every phase as
/// early as its predecessors and the capacities allow (the optimizer is free to leave waits
/// that change no publication; compaction removes them, so every wait that remains has a
/// cause). Then the slip is split exactly along the standard's life cycle:
///
///     slip = (start of the first phase with a known date − planned start of that phase)
///          + Σ (forecast − planned months) of each later phase
///          + Σ (forecast − planned wait before each later phase)
///          + (re-plan − compacted publication)
///
/// and each part is named: a late start (or a deferral), slower progress before the status
/// date, a longer phase, a wait for a unit's or a shared resource's capacity, a wait for a
/// dependency. Work the status cancels or supersedes has no forecast and no parts: it is
/// listed with its status, never as slipped.
struct SlippageAnalysis {
    let scenario: Portfolio
    let baseline: Schedule
    let status: StatusSnapshot
    /// The compilation of the re-planned portfolio (the scenario with the status applied).
    let compiled: PlanningProblem
    let forecast: Schedule

    /// The re-planned portfolio.
    var replanned: Portfolio { compiled.portfolio }

    func slippage() throws(RiskError) -> [Slippage] {
        let model = try SimulationModel(compiled: compiled, plan: forecast, holdPlannedStarts: false, ignoringUncertainty: true)
        var pass = RetimingPass(model: model)
        pass.retime()
        var openIndex: [StandardID: Int] = [:]
        for (k, open) in model.open.enumerated() { openIndex[replanned.standards[open.standard].id] = k }

        var result: [Slippage] = []
        for standard in scenario.standards where standard.isOpen {
            guard let planned = baseline.entry(for: standard.id) else {
                throw .scheduleMismatch(standard: standard.id, reason: "it has no entry in the baseline plan")
            }
            let now = status.entry(for: standard.id)?.status ?? standard.status
            switch now {
            case .cancelled, .superseded:
                // Withdrawn work has no forecast: it is listed with its status, never as slipped or late.
                result.append(Slippage(standard: standard.id, status: now, planned: planned.published, forecast: nil, targetYear: standard.targetYear, contributions: []))
                continue
            default:
                break
            }
            var parts: [SlipContribution] = []
            let published: Month
            if case .published(let month) = now {
                published = month
                if case .inProgress(let phase, _) = standard.status, let last = standard.phases.last {
                    parts.append(SlipContribution(reason: .longerPhases(from: phase, through: last.id), months: month - planned.published))
                } else {
                    parts.append(SlipContribution(reason: .publishedLater, months: month - planned.published))
                }
            } else {
                guard let k = openIndex[standard.id], let entry = forecast.entry(for: standard.id) else {
                    throw .scheduleMismatch(standard: standard.id, reason: "it has no entry in the re-plan")
                }
                published = entry.published
                parts = explain(standard, now: now, planned: planned, tasks: Array(model.open[k].tasks), model: model, pass: pass)
                let residual = entry.published - (replanned.planStart + pass.publication(k))
                if residual != 0 { parts.append(SlipContribution(reason: .schedulingChoice, months: residual)) }
            }
            result.append(Slippage(standard: standard.id, status: now, planned: planned.published, forecast: published,
                                   targetYear: standard.targetYear, contributions: Self.merge(parts)))
        }
        return result
    }

    /// The parts of the slip of a standard still open on the status date.
    private func explain(_ standard: Standard, now: StandardStatus, planned: StandardSchedule, tasks: [Int],
                         model: SimulationModel, pass: RetimingPass) -> [SlipContribution] {
        let start = replanned.planStart
        let first = model.tasks[tasks[0]].phaseIndex
        var parts: [SlipContribution] = []
        func plannedPhase(_ index: Int) -> ScheduledPhase? { planned.phases.first { $0.phase == standard.phases[index].id } }
        guard let anchor = plannedPhase(first) else { return [] }
        let forecastStart = start + pass.start[tasks[0]]
        switch now {
        case .inProgress(let phase, _):
            let reach = forecastStart - anchor.start
            if reach != 0 {
                let baselineFirst = planned.phases.first.flatMap { dated in standard.phases.firstIndex { $0.id == dated.phase } } ?? first
                let reason: SlipReason
                if first == baselineFirst {
                    reason = .lateStart
                } else if case .inProgress = standard.status {
                    reason = .longerPhases(from: standard.phases[baselineFirst].id, through: standard.phases[first - 1].id)
                } else {
                    reason = .behind(reaching: phase)
                }
                parts.append(SlipContribution(reason: reason, months: reach))
            }
        default:
            // Not started: late by the status date (or held by a deferral until its month), then
            // whatever holds its start after that.
            var hold = status.asOf
            var held = SlipReason.lateStart
            if case .deferred(let until) = now {
                hold = max(until, status.asOf)
                held = .deferred(until: until)
            }
            let notStarted = max(0, hold - anchor.start)
            if notStarted > 0 { parts.append(SlipContribution(reason: held, months: notStarted)) }
            let extra = forecastStart - max(anchor.start, hold)
            if extra > 0 {
                parts.append(SlipContribution(reason: cause(of: tasks[0], model: model, pass: pass), months: extra))
            } else if extra < 0 {
                parts.append(SlipContribution(reason: .lessWaiting, months: extra))
            }
        }
        for (position, t) in tasks.enumerated() {
            guard let dated = plannedPhase(model.tasks[t].phaseIndex) else { continue }
            let longer = pass.months[t] - dated.months
            if longer != 0 { parts.append(SlipContribution(reason: .longerPhase(standard.phases[model.tasks[t].phaseIndex].id), months: longer)) }
            guard position > 0, let before = plannedPhase(model.tasks[tasks[position - 1]].phaseIndex) else { continue }
            let previous = tasks[position - 1]
            let forecastWait = pass.start[t] - (pass.start[previous] + pass.months[previous])
            let plannedWait = dated.start - before.finish - 1
            let change = forecastWait - plannedWait
            if change > 0 {
                parts.append(SlipContribution(reason: cause(of: t, model: model, pass: pass), months: change))
            } else if change < 0 {
                parts.append(SlipContribution(reason: .lessWaiting, months: change))
            }
        }
        return parts
    }

    /// What holds task `t` at its start in the compacted forecast.
    private func cause(of t: Int, model: SimulationModel, pass: RetimingPass) -> SlipReason {
        let row = pass.waitRow[t]
        if row == RetimingPass.calendarWait {
            let task = model.tasks[t]
            let calendar = max(task.startCalendar, task.endCalendar)
            return .calendar(replanned.calendars[calendar].id)
        }
        if row >= 0 {
            return row < model.unitCount ? .unitCapacity(replanned.units[row].id) : .resourceCapacity(replanned.resources[row - model.unitCount].id)
        }
        let task = model.tasks[t]
        for i in task.dependencies {
            let predecessor = model.dependencyTasks[i]
            if pass.start[predecessor] + pass.months[predecessor] + model.dependencyLags[i] == pass.start[t] {
                return .dependency(replanned.standards[model.open[model.tasks[predecessor].open].standard].id)
            }
        }
        return .earliestStart
    }

    /// Equal reasons summed, zeros dropped, largest first (ties by kind and subject).
    static func merge(_ parts: [SlipContribution]) -> [SlipContribution] {
        var total: [SlipReason: Int] = [:]
        var order: [SlipReason] = []
        for part in parts {
            if total[part.reason] == nil { order.append(part.reason) }
            total[part.reason, default: 0] += part.months
        }
        return order.compactMap { reason in total[reason].flatMap { $0 == 0 ? nil : SlipContribution(reason: reason, months: $0) } }
            .sorted { ($1.months, $0.reason.kind, $0.reason.subject ?? "") < ($0.months, $1.reason.kind, $1.reason.subject ?? "") }
    }
}
