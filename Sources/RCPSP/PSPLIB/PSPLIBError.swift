/// Why a PSPLIB file or solution table could not be read.
public enum PSPLIBError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or is not text.
    case unreadable(path: String, reason: String)
    /// A line does not have the expected shape.
    case malformed(path: String, line: Int, reason: String)
    /// The file lacks a section every single-mode `.sm` file has.
    case missingSection(path: String, section: String)
    /// The numbers are readable but do not describe a schedulable project.
    case invalidInstance(path: String, problems: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the file (\(reason)); check the path"
        case .malformed(let path, let line, let reason):
            return "\(path):\(line): \(reason); is this a PSPLIB single-mode .sm file?"
        case .missingSection(let path, let section):
            return "\(path): no \(section) section; is this a PSPLIB single-mode .sm file?"
        case .invalidInstance(let path, let problems):
            return "\(path): the project cannot be scheduled: " + problems.joined(separator: "; ")
        }
    }
}
