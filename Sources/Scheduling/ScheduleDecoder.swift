import PlanModel

/// Turns an ``Assignment`` (periods and indices) into a ``Schedule`` (months and ids).
struct ScheduleDecoder {
    let problem: PlanningProblem

    func schedule(from assignment: Assignment) -> Schedule {
        let portfolio = problem.portfolio
        let start = portfolio.planStart
        var openIndex: [Int: Int] = [:]
        for (k, standard) in problem.open.enumerated() { openIndex[standard.standard] = k }
        // Withdrawn work (cancelled, superseded) has no entry: nothing is scheduled or published.
        let entries = portfolio.standards.enumerated().compactMap { s, standard -> StandardSchedule? in
            if case .published(let month) = standard.status {
                return StandardSchedule(standard: standard.id, leadUnit: standard.leadUnits.first, phases: [], published: month)
            }
            guard let k = openIndex[s] else { return nil }
            let open = problem.open[k]
            let phases = open.tasks.map { task -> ScheduledPhase in
                let t = problem.tasks[task]
                let first = start + assignment.starts[task]
                return ScheduledPhase(phase: standard.phases[t.phaseIndex].id, start: first, finish: first + t.duration - 1)
            }
            let unit = assignment.units[k] >= 0 ? portfolio.units[assignment.units[k]].id : nil
            return StandardSchedule(standard: standard.id, leadUnit: unit, phases: phases, published: phases.last!.finish)
        }
        return Schedule(standards: entries)
    }
}
