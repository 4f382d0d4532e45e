/// Why a scenario could not be loaded.
public enum ScenarioFileError: Error, CustomStringConvertible, Equatable {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read (permissions, not UTF-8, a directory, ...).
    case unreadable(path: String, reason: String)
    /// Not a regular file: a device, a pipe or a socket, which could be endless.
    case notRegularFile(path: String)
    /// Larger than ``InputLimits/fileBytes``.
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file was read, and these are all the problems found in it, in file order.
    case invalid([ScenarioProblem])

    /// All problems, one per line.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): error: no such file [\(code.rawValue)]\n    hint: check the path (relative paths start from the current directory)"
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file: \(reason) [\(code.rawValue)]"
        case .notRegularFile(let path):
            return "\(path): error: not a regular file (a device, pipe or socket) [\(code.rawValue)]\n    hint: save the input to a file and name that file"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): error: the file has \(InputLimits.grouped(bytes)) bytes or more; stdplan reads at most \(InputLimits.grouped(limit)) [\(code.rawValue)]"
                + "\n    hint: a scenario of thousands of standards takes a few megabytes; check that this is the file you meant"
        case .invalid(let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) \(noun) found"
        }
    }

    /// The code of the error (of its first problem, for ``invalid``).
    public var code: ProblemCode {
        switch self {
        case .fileNotFound: .fileNotFound
        case .unreadable: .unreadable
        case .notRegularFile: .notRegularFile
        case .tooLarge: .fileTooLarge
        case .invalid(let problems): problems.first?.code ?? .invalidValue
        }
    }

    /// The problems, for callers that report them one by one.
    public var problems: [ScenarioProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}
