import ArgumentParser
import Foundation
import Reports
import Risk
import ScenarioFile
import Scheduling

/// Maps every error to one message on standard error and one exit code, in one place. Every
/// message carries its code (docs/errors.md) and is escaped for the terminal, since it may
/// quote input.
enum Failure {
    static func exit(for error: any Error) -> ExitCode {
        switch error {
        case let error as ScenarioFileError:
            printError(error.description)
            if case .invalid = error { return .badInput }
            return .inputMissing
        case let error as ReportError:
            printError(error.description + " [\(ErrorCode.scheduleUnreadable.rawValue)]")
            return .badInput
        case let error as SchedulingError:
            if case .invalidSolverSchedule = error {
                printError("error: \(error) [\(ErrorCode.internalError.rawValue)]")
            } else {
                printError("error: \(error) [\(ErrorCode.solverFailure.rawValue)]")
            }
            return .internalFailure
        case let error as OutputError:
            printError(error.description)
            switch error {
            case .exists, .cannotCreate: return .cannotWriteOutput
            case .writeFailed, .closed: return .outputFailed
            }
        case let error as RiskError:
            printError("\(error) [\(ErrorCode.internalError.rawValue)]")
            return .internalFailure
        default:
            printError("error: \(error) [\(ErrorCode.internalError.rawValue)]")
            return .internalFailure
        }
    }

    /// Prints the warnings of a loaded scenario (it loaded; they say what has no effect).
    static func printWarnings(_ scenario: Scenario) {
        for warning in scenario.warnings { printError(warning.description) }
    }

    /// A line (or lines) on standard error, control characters escaped, each line wrapped to the
    /// terminal's width when standard error is one (a message is never cut, only folded). Errors
    /// writing it are ignored: there is nowhere left to report them.
    static func printError(_ text: String) {
        let safe = Escaping.terminal(text.hasSuffix("\n") ? String(text.dropLast()) : text, keepingLineBreaks: true)
        let width = isatty(STDERR_FILENO) == 1 ? Terminal.standardErrorLayout.width : nil
        let lines = safe.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            return TerminalText.wrap(String(line.dropFirst(indent.count)), width: width, first: indent, rest: indent + "    ")
        }
        writeError(lines.joined(separator: "\n") + "\n")
    }

    /// Writes `text` as it is to standard error (a progress bar's escape codes), ignoring errors.
    /// (FileHandle's `write` would trap on a closed or full standard error.)
    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// A command-line error with its code, shown by ArgumentParser with exit code 64.
func commandLineError(_ message: String) -> ValidationError {
    ValidationError("\(message) [\(ErrorCode.commandLine.rawValue)]")
}
