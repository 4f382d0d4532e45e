/// Why output could not be written.
enum OutputError: Error, CustomStringConvertible {
    case exists(path: String)
    case cannotCreate(path: String, reason: String)

    var description: String {
        switch self {
        case .exists(let path):
            return "\(path): error: the file exists; stdplan never overwrites a file\n    hint: choose another --output name, or move the old file away first"
        case .cannotCreate(let path, let reason):
            return "\(path): error: cannot create the file: \(reason)"
        }
    }
}
