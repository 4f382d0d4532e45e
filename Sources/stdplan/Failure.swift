import ArgumentParser
import Foundation
import Reports
import ScenarioFile
import Scheduling

/// Maps every error to one message on standard error and one exit code, in one place.
enum Failure {
    static func exit(for error: any Error) -> ExitCode {
        switch error {
        case let error as ScenarioFileError:
            printError(error.description)
            if case .invalid = error { return .badInput }
            return .inputMissing
        case let error as ReportError:
            printError(error.description)
            return .badInput
        case let error as SchedulingError:
            printError("error: \(error)")
            return .internalFailure
        case let error as OutputError:
            printError(error.description)
            return .cannotWriteOutput
        default:
            printError("error: \(error)")
            return .internalFailure
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
