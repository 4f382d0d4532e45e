import GLPK

extension Planner {
    /// Tells `options.progress` where `search` stands on its first level not yet proven (the last
    /// level once all are; the first, urgency-weighted months late, when planning has finished):
    /// the best schedule's value and the bound.
    /// `level` names the level instead (the one GLPK just finished).
    static func report(_ options: PlanOptions, _ stage: PlanProgress.Stage, _ search: LevelSearch, seconds: Double, level: Int? = nil) {
        guard let progress = options.progress else { return }
        let levels = search.problem.levels
        guard !levels.isEmpty else { return }
        let index: Int
        if case .finished = stage { index = 0 } else { index = level ?? min(search.proven.count, levels.count - 1) }
        let proven = index < search.proven.count
        let value = search.incumbent.map { Double($0.cost(in: search.problem, level: levels[index])) }
        let bound = proven ? value : search.levelBound.map { ($0 - max(1e-6, 1e-9 * abs($0))).rounded(.up) }
        progress.report(PlanProgress(stage: stage, level: levels[index].rawValue, incumbent: value, bound: bound, proven: proven, seconds: seconds))
    }

    /// GLPK's search progress on `level`, passed on to `options.progress` (nil when nobody listens);
    /// `seconds` is the planner's time when the search starts.
    /// `known` is the level's value of the best schedule the planner holds (GLPK has it as an
    /// incumbent only once it accepts the warm start).
    static func searchProgress(_ options: PlanOptions, level: ObjectiveLevel, known: Int?, seconds: Double) -> (@Sendable (MIPProgress) -> Void)? {
        guard let progress = options.progress else { return nil }
        let started = ContinuousClock.now
        return { mip in
            let searched = ContinuousClock.now - started
            let elapsed = seconds + Double(searched.components.seconds) + Double(searched.components.attoseconds) * 1e-18
            let incumbent = [mip.incumbent, known.map(Double.init)].compactMap { $0 }.min()
            progress.report(PlanProgress(stage: .searching, level: level.rawValue, incumbent: incumbent, bound: mip.bound,
                                         proven: false, seconds: elapsed))
        }
    }
}
