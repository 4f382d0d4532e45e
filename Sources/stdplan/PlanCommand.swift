import ArgumentParser
import Foundation
import Reports
import Scheduling

/// `stdplan plan`: the optimal schedule of a scenario.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute an optimal schedule and report which standards miss their target year.",
        discussion: """
            Minimises urgency-weighted months late beyond the end of each target year first, then \
            urgency-weighted months to publication. A heuristic schedule is found first and handed \
            to GLPK as a warm start, so a time limit still leaves a schedule (status feasible). \
            Every schedule printed has passed the independent validator.

            Examples:
              stdplan plan
              stdplan plan Scenarios/baseline.yaml --format csv --output plan.csv
              stdplan plan my.yaml --time-limit 10 --gap 0.01
            """
    )

    @Argument(help: "Scenario file (YAML). Omit it to plan the built-in 2022–2025 baseline.")
    var scenario: String?

    @Option(help: "Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: PlanFormat = .table

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten).")
    var output: String?

    @Option(name: .customLong("time-limit"), help: "Seconds the optimizer may take.")
    var timeLimit: Double = 60

    @Option(help: "Relative optimality gap at which to stop, e.g. 0.01 for 1%; 0 proves optimality.")
    var gap: Double = 0

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be at least 0 and below 1 (e.g. 0.01 for 1%)") }
    }

    func run() throws {
        do {
            let (portfolio, source) = try ScenarioArgument.load(scenario)
            let result = try Planner.plan(portfolio, options: PlanOptions(timeLimit: timeLimit, relativeGap: gap))
            let report = PlanReport(portfolio: portfolio, result: result, source: source)
            try Output.write(report.render(format), to: output)
            switch result.status {
            case .optimal, .feasible: return
            case .infeasible: throw ExitCode.planInfeasible
            case .timeLimit: throw ExitCode.noScheduleInTime
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension PlanFormat: ExpressibleByArgument {}
