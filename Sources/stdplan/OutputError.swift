/// Why output could not be written.
enum OutputError: Error, CustomStringConvertible {
    /// The file exists; stdplan never overwrites one.
    case exists(path: String)
    /// The file could not be created (no such folder, no permission, ...).
    case cannotCreate(path: String, reason: String)
    /// Writing failed part way (disk full, file-size limit, I/O error); nothing is left behind.
    case writeFailed(path: String, reason: String)
    /// Standard output was closed (a pipe whose reader has gone).
    case closed

    var code: ErrorCode {
        switch self {
        case .exists: .outputExists
        case .cannotCreate: .outputCannotCreate
        case .writeFailed: .outputWriteFailed
        case .closed: .outputClosed
        }
    }

    var description: String {
        switch self {
        case .exists(let path):
            return "\(path): error: the file exists; stdplan never overwrites a file [\(code.rawValue)]"
                + "\n    hint: choose a new file name, or move the old file away first"
        case .cannotCreate(let path, let reason):
            return "\(path): error: cannot create the file: \(reason) [\(code.rawValue)]"
                + "\n    hint: check that the folder exists and that you may write in it"
        case .writeFailed(let path, let reason):
            let cleaned = path == Output.standardOutput ? "" : "; nothing was left behind"
            return "\(path): error: writing failed: \(reason)\(cleaned) [\(code.rawValue)]"
                + "\n    hint: free some space (or raise the file-size limit) and run the command again"
        case .closed:
            return "error: standard output was closed before the report was written (broken pipe) [\(code.rawValue)]"
                + "\n    hint: keep the reading end open, or write the report to a file with --output"
        }
    }
}
