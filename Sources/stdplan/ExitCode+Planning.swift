import ArgumentParser

/// The exit codes of stdplan, documented in the README, in `stdplan --help` and in docs/errors.md.
extension ExitCode {
    /// The solver failed or the program hit an internal error.
    static let internalFailure = ExitCode(1)
    /// `check`: the schedule breaks the scenario's rules.
    static let scheduleInvalid = ExitCode(2)
    /// `plan`: no schedule satisfies the constraints.
    static let planInfeasible = ExitCode(3)
    /// `plan`: the time limit ran out before any schedule was found.
    static let noScheduleInTime = ExitCode(4)
    /// `compare`, `sweep`: some of the plans have no schedule (infeasible, or out of time before
    /// any); the report marks them, and standard error names them.
    static let somePlansFailed = ExitCode(5)
    /// Bad input: a scenario or schedule file with problems (all are listed).
    static let badInput = ExitCode(65)
    /// An input file does not exist or cannot be read.
    static let inputMissing = ExitCode(66)
    /// The output file could not be created (it exists: stdplan never overwrites a file).
    static let cannotWriteOutput = ExitCode(73)
    /// Writing the output failed part way (disk full, file-size limit, closed standard output);
    /// no partial file is left.
    static let outputFailed = ExitCode(74)
    /// Stopped by Ctrl-C (128 + SIGINT, as shells report it); the best schedule so far was printed.
    static let interrupted = ExitCode(130)
}
