import ArgumentParser
import Foundation
import Reports
import ScenarioFile
import Scheduling

/// `stdplan check`: the independent validator on any schedule.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a schedule (JSON from `stdplan plan --format json`) against its scenario.",
        discussion: """
            Checks every dependency and lag, every unit's and shared resource's capacity in every \
            month, earliest starts, fixed progress, phase durations and order, the horizon, and \
            one lead unit per standard from its candidates. Prints every violation; exit code 2 if any.

            Example:
              stdplan plan Scenarios/baseline.yaml --format json --output plan.json
              stdplan check Scenarios/baseline.yaml plan.json
            """
    )

    @Argument(help: "Scenario file (YAML) the schedule is for.")
    var scenario: String

    @Argument(help: "Schedule as JSON, written by `stdplan plan --format json`.")
    var schedule: String

    func run() throws {
        do {
            let (portfolio, _) = try ScenarioArgument.load(scenario)
            let data = try InputFile.data(path: schedule)
            let document: PlanDocument
            do {
                document = try JSONDecoder().decode(PlanDocument.self, from: data)
            } catch {
                throw ReportError.unreadableSchedule(file: schedule, problems: ["not a plan document: \(Self.describe(error))"])
            }
            let violations = ScheduleValidator.check(try document.schedule(file: schedule), against: portfolio)
            if violations.isEmpty {
                try Output.write("\(schedule): valid: \(document.standards.count) standards, every rule of \(scenario) holds\n", to: nil)
                return
            }
            for violation in violations { Failure.printError("\(schedule): \(violation)") }
            Failure.printError("\(violations.count) violation\(violations.count == 1 ? "" : "s") found [\(ErrorCode.scheduleViolations.rawValue)]")
            throw ExitCode.scheduleInvalid
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.debugDescription) at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            return "malformed JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "the top level" : text
    }
}

