import ArgumentParser
import Scheduling

/// The exit code of a command from the outcome of its plans, once their report is written:
/// interrupted (130) before infeasible (3) before no schedule in time (4); a short line on
/// standard error says why, with its code. A plan whose MIP was too large to build is a warning.
enum Outcome {
    static func exit(for results: [PlanResult]) throws(ExitCode) {
        if let size = results.compactMap(\.skippedModel).first {
            Failure.printError("warning: the MIP would have \(size.columns) columns and \(size.rows) rows, more than --max-model-size; "
                               + "the schedule is the heuristic's, not proven optimal [\(ErrorCode.modelTooLarge.rawValue)]")
        }
        if results.contains(where: \.interrupted) || Interrupt.wasInterrupted {
            Failure.printError("interrupted (Ctrl-C): the report shows the best schedule found so far [\(ErrorCode.interrupted.rawValue)]")
            throw .interrupted
        }
        if results.contains(where: { $0.status == .infeasible }) {
            Failure.printError("infeasible: no schedule satisfies every rule; the report says which relaxations would make it feasible "
                               + "[\(ErrorCode.planInfeasible.rawValue)]")
            throw .planInfeasible
        }
        if results.contains(where: { $0.status == .timeLimit }) {
            Failure.printError("time limit: no schedule was found in time; give a longer --time-limit [\(ErrorCode.noScheduleInTime.rawValue)]")
            throw .noScheduleInTime
        }
    }
}
