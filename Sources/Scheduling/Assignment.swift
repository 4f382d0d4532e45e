/// A solution in the compiled problem's terms: a start period per task and a unit per open
/// standard (an index into the portfolio's units).
struct Assignment: Sendable, Equatable {
    var starts: [Int]
    var units: [Int]

    /// The objective value of this assignment, all levels folded into one exact integer.
    func cost(in problem: PlanningProblem) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            let publication = standard.cost(publishedIn: problem.publication(of: standard, lastStart: starts[last]))
            return total + publication + standard.stabilityScale * problem.idleCost(of: standard, starts: starts)
        }
    }

    /// The objective as reported: lateness, completion and idle months folded, without the stability level.
    func reportedCost(in problem: PlanningProblem) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            return total + standard.reportedCost(publishedIn: problem.publication(of: standard, lastStart: starts[last]))
                + problem.idleCost(of: standard, starts: starts)
        }
    }

    /// The value of one level of the objective (idle months count with completion).
    func cost(in problem: PlanningProblem, level: ObjectiveLevel) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            let publication = standard.cost(publishedIn: problem.publication(of: standard, lastStart: starts[last]), level: level)
            let idle = level == .completion || level == .weighted ? problem.idleCost(of: standard, starts: starts) : 0
            return total + publication + idle
        }
    }
}
