/// Why a portfolio cannot be written as a format-1 scenario file.
public enum ScenarioWriterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Things format 1 cannot say, or would read back differently; every one is listed.
    case notRepresentable([String])

    public var description: String {
        switch self {
        case .notRepresentable(let problems):
            "cannot write this portfolio as a scenario file (format 1):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
