import ArgumentParser
import Scheduling

/// `--time-limit` and `--gap`, shared by every command that solves plans, validated in one place.
struct SolverOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds the optimizer may take for each solve.")
    var timeLimit: Double = 60

    @Option(help: "Relative optimality gap at which to stop, e.g. 0.01 for 1%; 0 proves optimality.")
    var gap: Double = 0

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be at least 0 and below 1 (e.g. 0.01 for 1%)") }
    }

    /// The planner's options for these settings.
    var planOptions: PlanOptions { PlanOptions(timeLimit: timeLimit, relativeGap: gap) }
}
