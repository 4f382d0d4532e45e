/// Why a portfolio could not be generated.
public enum GeneratorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The options are out of range; every problem is listed.
    case invalidOptions([String])

    public var description: String {
        switch self {
        case .invalidOptions(let problems):
            "cannot generate this portfolio:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\nhint: e.g. --standards 300 --units 120 --seed 1"
        }
    }
}
