import PlanModel
import Scheduling
import Validation

/// The optimum of a tiny portfolio by enumeration: every lead unit and every start month of every
/// phase of every planned standard, each schedule judged by the independent validator, the
/// objective computed from its definition (`ObjectiveWeights`). Obviously right, and slow: keep
/// portfolios to a few standards, phases and months.
enum BruteForce {
    /// The least objective of any valid schedule and its two levels (urgency-weighted months late,
    /// weighted completion); nil when no schedule is valid.
    struct Optimum: Equatable {
        var objective: Int
        var weightedLateness: Int
        var completion: Int
    }

    /// Lateness weight `auto`: one more than the largest completion any schedule could have.
    static func latenessWeight(_ portfolio: Portfolio) -> Int {
        if let weight = portfolio.weights.lateness { return weight }
        let periods = portfolio.horizonEnd - portfolio.planStart + 1
        return portfolio.standards.filter { !$0.isPublished }
            .reduce(0) { $0 + portfolio.weights.weight(urgency: $1.urgency) * portfolio.weights.completion * periods } + 1
    }

    /// The objective of a schedule, from its definition.
    static func objective(_ schedule: Schedule, _ portfolio: Portfolio) -> Optimum {
        var lateness = 0, completion = 0
        for standard in portfolio.standards where !standard.isPublished {
            guard let entry = schedule.entry(for: standard.id) else { continue }
            let w = portfolio.weights.weight(urgency: standard.urgency)
            if let deadline = standard.deadline { lateness += w * max(0, entry.published - deadline) }
            completion += w * portfolio.weights.completion * (entry.published - portfolio.planStart + 1)
        }
        return Optimum(objective: latenessWeight(portfolio) * lateness + completion, weightedLateness: lateness, completion: completion)
    }

    /// Every schedule of the planned standards, checked and scored; the least objective wins.
    static func optimum(_ portfolio: Portfolio) -> Optimum? {
        var best: Optimum?
        forEachValidSchedule(portfolio) { schedule in
            let value = objective(schedule, portfolio)
            if best.map({ value.objective < $0.objective }) ?? true { best = value }
        }
        return best
    }

    /// Calls `visit` with every schedule of the planned standards that the validator accepts.
    static func forEachValidSchedule(_ portfolio: Portfolio, _ visit: (Schedule) -> Void) {
        let standards = portfolio.standards
        var entries: [StandardSchedule] = []
        func place(_ s: Int) {
            if s == standards.count {
                let schedule = Schedule(standards: entries)
                guard ScheduleValidator.check(schedule, against: portfolio).isEmpty else { return }
                visit(schedule)
                return
            }
            let standard = standards[s]
            if case .published(let month) = standard.status {
                entries.append(StandardSchedule(standard: standard.id, leadUnit: standard.leadUnits.first, phases: [], published: month))
                place(s + 1)
                entries.removeLast()
                return
            }
            for unit in standard.leadUnits {
                var phases: [ScheduledPhase] = []
                func phase(_ p: Int, from earliest: Month) {
                    if p == standard.phases.count {
                        entries.append(StandardSchedule(standard: standard.id, leadUnit: unit, phases: phases, published: phases.last!.finish))
                        place(s + 1)
                        entries.removeLast()
                        return
                    }
                    let months = standard.phases[p].months
                    var start = earliest
                    while start + (months - 1) <= portfolio.horizonEnd {
                        phases.append(ScheduledPhase(phase: standard.phases[p].id, start: start, finish: start + (months - 1)))
                        phase(p + 1, from: start + months)
                        phases.removeLast()
                        start = start + 1
                    }
                }
                phase(0, from: portfolio.planStart)
            }
        }
        place(0)
    }
}
