/// Why a report could not be read or written.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// A schedule file (JSON from `stdplan plan --format json`) does not describe a schedule.
    case unreadableSchedule(file: String, problems: [String])

    public var description: String {
        switch self {
        case .unreadableSchedule(let file, let problems):
            return problems.map { "\(file): error: \($0)" }.joined(separator: "\n")
                + "\n    hint: give a file written by `stdplan plan --format json`"
        }
    }
}
