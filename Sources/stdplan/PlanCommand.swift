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

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    func run() throws {
        do {
            let (portfolio, source) = try ScenarioArgument.load(scenario)
            // --time-limit bounds the whole command; Ctrl-C stops the planner, which returns its best schedule.
            Interrupt.graceful = true
            let result = try Planner.plan(portfolio, options: solverOptions.wholeCommandOptions)
            let report = PlanReport(portfolio: portfolio, result: result, source: source)
            try outputOptions.write(report.render(outputOptions.format))
            Interrupt.graceful = false
            try Outcome.exit(for: [result])
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension PlanFormat: ExpressibleByArgument {}
