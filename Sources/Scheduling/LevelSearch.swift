import PlanModel
import Validation

/// What the planner has established so far about one portfolio, level by level: the best schedule
/// found, the levels of the objective proven optimal (each held at its value while the next is
/// minimised), and a bound on the first level not yet proven. Attempts add to it in turn.
struct LevelSearch {
    /// The portfolio as compiled, before any folding: every assignment here is in its terms.
    let problem: PlanningProblem
    /// The best schedule found so far, by the folded objective (lexicographic over the levels).
    private(set) var incumbent: Assignment?
    /// Its folded objective.
    private(set) var incumbentCost = Int.max
    /// The best schedule the heuristics found, before the MIP.
    private(set) var heuristicCost: Int?
    /// Optimal values of the first levels, in order.
    var proven: [Int] = []
    /// A lower bound on the first level not yet proven (with the proven ones held), if GLPK gave one.
    var levelBound: Double?
    /// The least completion any schedule can have (every standard at its earliest publication).
    var completionFloor: Int?
    private var explanation: String?
    private var conflict: ConflictExplanation?
    private var isInfeasible = false
    /// The size of a MIP not built because it was too large (the schedule is then the heuristics').
    var skippedModel: ModelSize?

    init(problem: PlanningProblem) { self.problem = problem }

    /// Nothing is left to establish: every level is proven, or the plan is infeasible.
    var isSettled: Bool { isInfeasible || proven.count == problem.levels.count }

    /// Keeps `assignment` if it is better than the incumbent.
    mutating func offer(_ assignment: Assignment, fromHeuristic: Bool) {
        let cost = assignment.cost(in: problem)
        if fromHeuristic { heuristicCost = min(heuristicCost ?? .max, assignment.reportedCost(in: problem)) }
        if cost < incumbentCost {
            incumbent = assignment
            incumbentCost = cost
        }
    }

    /// Records that no schedule exists, why, and what would make one exist.
    mutating func infeasible(because reason: String, conflict: ConflictExplanation? = nil) {
        isInfeasible = true
        explanation = reason
        self.conflict = conflict
    }

    /// Nothing is open: every level is at its only value.
    mutating func proveRemainingLevels() {
        guard let incumbent else { return }
        proven = problem.levels.map { incumbent.cost(in: problem, level: $0) }
        levelBound = nil
    }

    /// Whether a lower bound proves an integral value optimal. The slack absorbs the simplex's
    /// round-off (GLPK's bounds are accurate far below it while objectives stay under
    /// `MIPOptions.exactIntegralMagnitude`), so 15.9999999 proves 16 and 15.5 does not.
    static func proves(bound: Double, value: Int) -> Bool {
        (bound - max(1e-6, 1e-9 * abs(bound))).rounded(.up) >= Double(value)
    }

    /// The bound on the folded objective that the levels give: proven levels at their value, the
    /// first open one at its bound (rounded up, since it is integral), the rest at their floor.
    func foldedBound() -> Double? {
        let levels = problem.levels
        if proven.count >= reportedLevelCount { return incumbent.map { Double($0.reportedCost(in: problem)) } }
        let open = levels[proven.count]
        let openBound = levelBound.map { max(0, ($0 - max(1e-6, 1e-9 * abs($0))).rounded(.up)) }
        switch open {
        case .weighted:
            return openBound
        case .lateness:
            guard let lateness = openBound else { return nil }
            return lateness * Double(problem.latenessWeight) + Double(completionFloor ?? 0)
        case .completion:
            let lateness = Double(proven.first ?? 0)
            return lateness * Double(problem.latenessWeight) + (openBound ?? Double(completionFloor ?? 0))
        case .stability:
            return nil  // reached only once the reported levels are proven (handled above)
        }
    }

    /// The levels that make up the reported objective: all but the stability tie-break.
    var reportedLevelCount: Int { problem.levels.filter { $0 != .stability }.count }

    /// The outcome, with the incumbent decoded and checked by the validator.
    func result(portfolio: Portfolio, seconds: Double) throws(SchedulingError) -> PlanResult {
        if isInfeasible {
            var result = PlanResult(status: .infeasible, schedule: nil, objective: nil, bound: nil, gap: nil, seconds: seconds,
                                    latenessWeight: problem.latenessWeight, explanation: explanation)
            result.conflict = conflict
            return result
        }
        let levelOutcomes = problem.levels.enumerated().map { index, level -> PlanLevel in
            let value = incumbent.map { $0.cost(in: problem, level: level) }
            let bound: Double? = index < proven.count ? value.map(Double.init) : index == proven.count ? levelBound : nil
            return PlanLevel(name: level.rawValue, value: value, bound: bound, proven: index < proven.count)
        }
        guard let incumbent else {
            var result = PlanResult(status: .timeLimit, schedule: nil, objective: nil, bound: foldedBound(), gap: nil, seconds: seconds,
                                    latenessWeight: problem.latenessWeight)
            result.levels = levelOutcomes
            result.skippedModel = skippedModel
            return result
        }
        let schedule = ScheduleDecoder(problem: problem).schedule(from: incumbent)
        let violations = ScheduleValidator.check(schedule, against: portfolio)
        if !violations.isEmpty { throw .invalidSolverSchedule(violations) }
        // The reported objective is proven once its levels are; stability only breaks ties among such plans.
        let objective = incumbent.reportedCost(in: problem)
        let settled = proven.count >= reportedLevelCount
        let bound = settled ? Double(objective) : foldedBound().map { min($0, Double(objective)) }
        let gap = settled ? 0 : bound.map { max(0, Double(objective) - $0) / max(1, abs(Double(objective))) }
        var result = PlanResult(status: settled ? .optimal : .feasible, schedule: schedule, objective: objective, bound: bound, gap: gap,
                                seconds: seconds, latenessWeight: problem.latenessWeight, heuristicObjective: heuristicCost)
        result.levels = levelOutcomes
        result.skippedModel = skippedModel
        return result
    }
}
