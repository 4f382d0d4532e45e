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
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        do {
            let (portfolio, _) = try ScenarioArgument.load(scenario)
            let analysis = try BottleneckAnalysis.run(portfolio, options: PlanOptions(timeLimit: timeLimit))
            try outputOptions.write(BottleneckReport(analysis: analysis, scenario: portfolio.name).render(outputOptions.format))
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
