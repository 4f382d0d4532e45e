/// Stable codes of the errors the command line itself reports (output, planning outcomes, flags),
/// beside the codes of problems in input files (`ProblemCode`, SP-E00xx to SP-E05xx). All are
/// listed, with how to fix each, in docs/errors.md.
enum ErrorCode: String, CaseIterable {
    /// A flag is malformed or out of its documented range (exit 64).
    case commandLine = "SP-E0601"
    /// The output file exists; stdplan never overwrites a file (exit 73).
    case outputExists = "SP-E0701"
    /// The output file cannot be created: no such folder, no permission (exit 73).
    case outputCannotCreate = "SP-E0702"
    /// Writing failed: disk full, file-size limit, I/O error (exit 74); no partial file is left.
    case outputWriteFailed = "SP-E0703"
    /// Standard output was closed before everything was written (exit 74).
    case outputClosed = "SP-E0704"
    /// No schedule satisfies the rules; the report says which relaxations would help (exit 3).
    case planInfeasible = "SP-E0801"
    /// The time limit ran out before any schedule was found (exit 4).
    case noScheduleInTime = "SP-E0802"
    /// Ctrl-C: the best schedule so far is printed (exit 130).
    case interrupted = "SP-E0803"
    /// The MIP was too large to build; the schedule is the heuristic's (a warning, exit 0).
    case modelTooLarge = "SP-W0804"
    /// GLPK failed (exit 1).
    case solverFailure = "SP-E0805"
    /// An internal error, such as a schedule that failed validation (exit 1; please report it).
    case internalError = "SP-E0806"
    /// A schedule file for `check` is not a plan document (exit 65).
    case scheduleUnreadable = "SP-E0901"
    /// `check` found violations (exit 2).
    case scheduleViolations = "SP-E0902"
}
