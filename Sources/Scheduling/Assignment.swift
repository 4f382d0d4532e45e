/// A solution in the compiled problem's terms: a start period per task and a unit per open
/// standard (an index into the portfolio's units).
struct Assignment: Sendable, Equatable {
    var starts: [Int]
    var units: [Int]

    /// The objective value of this assignment, all levels folded into one exact integer.
    func cost(in problem: PlanningProblem) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            return total + standard.cost(publishedIn: problem.publication(of: standard, lastStart: starts[last]))
        }
    }

    /// The objective as reported: lateness and completion folded, without the stability level.
    func reportedCost(in problem: PlanningProblem) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            return total + standard.reportedCost(publishedIn: problem.publication(of: standard, lastStart: starts[last]))
        }
    }

    /// The value of one level of the objective.
    func cost(in problem: PlanningProblem, level: ObjectiveLevel) -> Int {
        problem.open.reduce(0) { total, standard in
            let last = problem.lastTask(of: standard)
            return total + standard.cost(publishedIn: problem.publication(of: standard, lastStart: starts[last]), level: level)
        }
    }
}
