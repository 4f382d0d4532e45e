import ArgumentParser
import Foundation
import Reports
import ScenarioFile
import Scheduling
import Validation

/// `stdplan check`: the independent validator on any schedule.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a schedule (JSON from `stdplan plan --format json`) against its scenario.",
        discussion: """
            Checks every dependency and lag, every unit's and shared resource's capacity in every \
            month, earliest starts, fixed progress, phase durations and order, the horizon, and \
            one lead unit per standard from its candidates. Prints every violation (on standard \
            error in the table format; in the document with --format json).

            Exit codes: 0 the schedule keeps every rule; 2 it breaks some; 3 the plan document \
            records an infeasible plan and 4 one that ran out of time before any schedule \
            (there is no schedule to check: the plan's status and explanation are printed).

            Example:
              stdplan plan Scenarios/baseline.yaml --format json --output plan.json
              stdplan check Scenarios/baseline.yaml plan.json
            """
    )

    /// What `check` prints.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "Scenario file (YAML) the schedule is for; - reads it from standard input.")
    var scenario: String

    @Argument(help: "Schedule as JSON, written by `stdplan plan --format json`.")
    var schedule: String

    @Option(help: "Output: table (a line of text, violations on standard error) or json (docs/json-output.md).")
    var format: Format = .table

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten); - is standard output.")
    var output: String?

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
            guard document.hasSchedule else {
                // An infeasible or timed-out plan has no dates for its open work: nothing to check.
                let outcome = CheckDocument(file: schedule, scenario: scenario, document: document, violations: nil)
                let text = "\(schedule): no schedule: the plan is \(document.status)" + (document.explanation.map { ": \($0)" } ?? "")
                try Output.write(format == .json ? Self.json(outcome) : TerminalText.paragraph(text, width: width), to: OutputOptions.file(output))
                throw document.status == PlanStatus.infeasible.rawValue ? ExitCode.planInfeasible : ExitCode.noScheduleInTime
            }
            let violations = ScheduleValidator.check(try document.schedule(file: schedule), against: portfolio)
            let outcome = CheckDocument(file: schedule, scenario: scenario, document: document, violations: violations)
            if format == .json {
                try Output.write(Self.json(outcome), to: OutputOptions.file(output))
                if !violations.isEmpty { throw ExitCode.scheduleInvalid }
                return
            }
            if violations.isEmpty {
                let text = "\(schedule): valid: \(document.standards.count) standards, every rule of \(scenario) holds"
                try Output.write(TerminalText.paragraph(text, width: width), to: OutputOptions.file(output))
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

    /// The width the text lines are wrapped to: the terminal's, `COLUMNS`, or 100.
    private var width: Int { Terminal.width(toStandardOutput: OutputOptions.file(output) == nil) }

    static func json(_ document: CheckDocument) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
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

