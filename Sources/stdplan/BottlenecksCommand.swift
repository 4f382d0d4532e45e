import ArgumentParser
import Foundation
import Reports
import Scheduling

/// `stdplan bottlenecks`: which capacity limits the plan most.
struct BottlenecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bottlenecks",
        abstract: "Rank units and shared resources by what one more unit of capacity would gain.",
        discussion: """
            Re-solves the plan with one more unit of capacity in every month for each lead unit \
            (that leads or may lead open work) and each shared resource, and ranks them by the \
            drop in urgency-weighted months late (exact). The LP relaxation's shadow prices are \
            shown beside it as the cheap estimate.

            Examples:
              stdplan bottlenecks
              stdplan bottlenecks Scenarios/what-if/drafting-plus-50.yaml --format markdown
            """
    )

    @Argument(help: "Scenario file (YAML). Omit it to use the built-in baseline.")
    var scenario: String?

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .customLong("time-limit"), help: "Seconds each solve may take.")
    var timeLimit: Double = 60

    func validate() throws {
        try SolverOptions.validate(timeLimit: timeLimit)
    }

    func run() throws {
        do {
            let (portfolio, _) = try ScenarioArgument.load(scenario)
            Interrupt.graceful = true
            let analysis = try BottleneckAnalysis.run(portfolio, options: PlanOptions(timeLimit: timeLimit, cancellation: Interrupt.flag))
            Interrupt.graceful = false
            if Interrupt.wasInterrupted { throw ExitCode.interrupted }
            try outputOptions.write(BottleneckReport(analysis: analysis, scenario: portfolio.name).render(outputOptions.format))
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
