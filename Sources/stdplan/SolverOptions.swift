import ArgumentParser
import ScenarioFile
import Scheduling

/// `--time-limit`, `--gap` and `--max-model-size`, shared by every command that solves plans,
/// validated in one place.
struct SolverOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds for the whole command (plan) or for each solve (compare, replan); more than 0, at most 1,000,000.")
    var timeLimit: Double = 60

    @Option(help: "Relative optimality gap at which to stop, e.g. 0.01 for 1%; 0 proves optimality.")
    var gap: Double = 0

    @Option(name: .customLong("max-model-size"),
            help: "Largest MIP built, in columns and rows together (default \(PlanOptions.defaultMaximumModelSize)); a larger plan keeps the heuristic's schedule and says so.")
    var maxModelSize: Int = PlanOptions.defaultMaximumModelSize

    func validate() throws {
        try Self.validate(timeLimit: timeLimit)
        guard gap >= 0, gap < 1 else { throw commandLineError("--gap must be at least 0 and below 1 (e.g. 0.01 for 1%)") }
        guard (1000...100_000_000).contains(maxModelSize) else { throw commandLineError("--max-model-size must be 1000 to 100000000") }
    }

    /// Checks a `--time-limit` value against its documented range.
    static func validate(timeLimit: Double) throws {
        guard timeLimit > 0, timeLimit <= 1_000_000, timeLimit.isFinite else {
            throw commandLineError("--time-limit must be a number of seconds above 0 and at most 1000000")
        }
    }

    /// The planner's options for each solve, stopped by Ctrl-C.
    var planOptions: PlanOptions {
        PlanOptions(timeLimit: timeLimit, relativeGap: gap, cancellation: Interrupt.flag, maximumModelSize: maxModelSize)
    }

    /// The planner's options when the time limit covers the whole command: the time already
    /// spent (loading) is taken off, and a tenth (at most half a second) is kept for writing
    /// the report, so the command ends within the limit.
    var wholeCommandOptions: PlanOptions {
        var options = planOptions
        let reserve = min(0.5, timeLimit / 10)
        options.timeLimit = max(0.05, timeLimit - Interrupt.elapsedSeconds - reserve)
        return options
    }
}
