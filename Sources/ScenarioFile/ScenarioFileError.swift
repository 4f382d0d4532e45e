/// Why a scenario could not be loaded.
public enum ScenarioFileError: Error, CustomStringConvertible, Equatable {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read (permissions, not UTF-8, a directory, ...).
    case unreadable(path: String, reason: String)
    /// The file was read, and these are all the problems found in it, in file order.
    case invalid([ScenarioProblem])

    /// All problems, one per line.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): error: no such file\n    hint: check the path (relative paths start from the current directory)"
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file: \(reason)"
        case .invalid(let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) \(noun) found"
        }
    }

    /// The problems, for callers that report them one by one.
    public var problems: [ScenarioProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}
