import ArgumentParser
import Foundation
import Reports
import Risk
import ScenarioFile
import Scheduling
import Validation

/// `stdplan replan`: re-plans from a status file and reports slippage against the baseline.
struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan from the actual status of each standard and report slippage against the baseline plan.",
        discussion: """
            Reads a status file (as of a month: each standard published, in a phase since a \
            month, or not started; see docs/scenario-format.md), pins those facts, re-optimizes \
            the rest from the status date, and prints the re-planned schedule (checked by the \
            validator and against every fact of the status file) and a slippage table: planned \
            against forecast publication, months slipped, and why (late start, longer phase, \
            capacity, a dependency that slipped).

            Examples:
              stdplan replan --status Scenarios/status/2025-12.yaml
              stdplan replan Scenarios/baseline.yaml \\
                  --status Scenarios/status/2025-12.yaml --format json --output replan.json

            --time-limit applies to each of the two plans (the baseline and the re-plan).
            """
    )

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to use the built-in 2022–2025 baseline.")
    var scenario: String?

    @Option(help: "Status file (YAML) describing where each standard stands as of a month.")
    var status: String

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        do {
            let loaded = try ScenarioArgument.loadScenario(scenario)
            let (portfolio, source) = (loaded.portfolio, scenario ?? "built-in baseline")
            let snapshot = try StatusFileLoader.load(path: status, for: loaded)
            let (options, watch) = progressOptions.watch("replan", single: ["baseline plan", "re-plan from \(snapshot.asOf)"],
                                                         options: solverOptions.planOptions)
            defer { watch?.finish() }
            Interrupt.graceful = true
            let replan = try Replanner.replan(portfolio, status: snapshot, options: options)
            watch?.finish()
            if let schedule = replan.result.schedule {
                // The planner validates every schedule; checked again here because this is what is printed.
                let violations = ScheduleValidator.check(schedule, against: replan.portfolio)
                if !violations.isEmpty { throw SchedulingError.invalidSolverSchedule(violations) }
                if !replan.brokenFacts.isEmpty {
                    for fact in replan.brokenFacts { Failure.printError("internal error: the re-plan breaks a fact of \(status): \(fact)") }
                    throw ExitCode.internalFailure
                }
            }
            let report = ReplanReport(scenario: portfolio, replan: replan, source: source, statusSource: status)
            try outputOptions.write(report.render(outputOptions.format, layout: outputOptions.layout))
            try Outcome.exit(for: [replan.baseline, replan.result])
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
