/// What a lower bound is on: one level of the objective, optionally plus a second level scaled by a
/// small factor (the *guide* the planner adds at the lateness level, see
/// `TimeIndexedModel.setObjective(_:guide:)`), with earlier levels optionally held at their proven
/// values (`Σ level ≤ value`, as `TimeIndexedModel.hold(_:atMost:)` does), so the bound is on exactly
/// what the MIP minimises.
///
/// Every level is a sum over open standards of a cost of its publication period, plus, at the
/// completion and weighted levels, its idle months priced by `Task.idleCost` (as
/// `Assignment.cost(in:level:)` counts them).
struct BoundObjective: Sendable, Hashable {
    /// A level held at or below a value while `level` is minimised.
    struct Held: Sendable, Hashable {
        var level: ObjectiveLevel
        var atMost: Int
    }

    /// The level minimised.
    var level: ObjectiveLevel
    /// A level added with weight `guideScale` (nil: none).
    var guide: ObjectiveLevel?
    /// The guide's weight; the planner keeps it below 0.25 / (largest completion + 1), so that it
    /// never adds a quarter unit and the level stays integral to compare.
    var guideScale: Double
    /// Levels held at their proven values (relaxed with a multiplier each by the bound).
    var held: [Held]

    /// `level` alone, or with a guide and held levels.
    init(level: ObjectiveLevel, guide: ObjectiveLevel? = nil, guideScale: Double = 0, held: [Held] = []) {
        self.level = level
        self.guide = guideScale > 0 ? guide : nil
        self.guideScale = guide == nil ? 0 : guideScale
        self.held = held
    }

    /// The objective the planner's MIP minimises at level `index` of `problem.levels` over the time
    /// windows `windows`: lateness with the completion guide (weight 0.25 / (largest completion + 1))
    /// when completion follows it, the levels before held at `proven`.
    static func planner(_ problem: PlanningProblem, windows: TimeWindows, index: Int, proven: [Int] = []) -> BoundObjective {
        let level = problem.levels[index]
        let held = zip(problem.levels, proven).map { Held(level: $0, atMost: $1) }
        if level == .lateness, index + 1 < problem.levels.count, problem.levels[index + 1] == .completion {
            let scale = 0.25 / (Double(largestValue(of: .completion, problem, windows)) + 1)
            return BoundObjective(level: level, guide: .completion, guideScale: scale, held: held)
        }
        return BoundObjective(level: level, held: held)
    }

    /// The most `level` can be in any schedule within `windows`: each standard's costliest publication
    /// in the window of its last task, plus each idle cost times the longest wait the windows leave.
    /// For completion this is `TimeIndexedModel.largestValue(of:)` on a model over the same windows.
    static func largestValue(of level: ObjectiveLevel, _ problem: PlanningProblem, _ windows: TimeWindows) -> Int {
        let tasks = problem.tasks
        var total = 0
        for standard in problem.open {
            let last = problem.lastTask(of: standard)
            let first = tasks[last].fixedStart ?? windows.earliest[last], final = tasks[last].fixedStart ?? windows.latest[last]
            total += (first...final).reduce(0) { max($0, standard.cost(publishedIn: problem.publication(of: standard, lastStart: $1), level: level)) }
            guard countsIdle(level) else { continue }
            for (a, b) in zip(standard.tasks, standard.tasks.dropFirst()) where tasks[b].idleCost > 0 {
                let latestB = tasks[b].fixedStart ?? windows.latest[b], earliestA = tasks[a].fixedStart ?? windows.earliest[a]
                total += tasks[b].idleCost * max(0, latestB - earliestA - tasks[a].duration)
            }
        }
        return total
    }

    /// Whether idle months count at `level`.
    static func countsIdle(_ level: ObjectiveLevel) -> Bool { level == .completion || level == .weighted }

    /// The weight of one idle month (times the task's idle cost) in the relaxed objective, with
    /// `heldWeights` the multipliers of the held levels.
    func idleWeight(heldWeights: [Double]) -> Double {
        var weight = Self.countsIdle(level) ? 1.0 : 0
        if let guide, Self.countsIdle(guide) { weight += guideScale }
        for (h, multiplier) in zip(held, heldWeights) where Self.countsIdle(h.level) { weight += multiplier }
        return weight
    }

    /// The cost of publishing `standard` in `period` in the relaxed objective.
    func publicationCost(_ standard: PlanningProblem.OpenStandard, period: Int, heldWeights: [Double]) -> Double {
        var cost = Double(standard.cost(publishedIn: period, level: level))
        if let guide { cost += guideScale * Double(standard.cost(publishedIn: period, level: guide)) }
        for (h, multiplier) in zip(held, heldWeights) where multiplier != 0 {
            cost += multiplier * Double(standard.cost(publishedIn: period, level: h.level))
        }
        return cost
    }

    /// The value of this objective (level plus scaled guide; held levels are constraints, not costs)
    /// for a schedule: what an upper bound for ``LagrangianBound`` is measured in.
    func value(of assignment: Assignment, in problem: PlanningProblem) -> Double {
        let main = Double(assignment.cost(in: problem, level: level))
        guard let guide else { return main }
        return main + guideScale * Double(assignment.cost(in: problem, level: guide))
    }
}
