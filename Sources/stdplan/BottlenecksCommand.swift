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

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to use the built-in baseline.")
    var scenario: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func run() throws {
        do {
            let (portfolio, _) = try ScenarioArgument.load(scenario)
            let subjects = BottleneckAnalysis.subjectIDs(of: portfolio).map { "\($0) +1" }
            let (options, watch) = progressOptions.watch("bottlenecks", names: subjects, single: ["base plan"], options: solverOptions.planOptions)
            defer { watch?.finish() }
            Interrupt.graceful = true
            let analysis = try BottleneckAnalysis.run(portfolio, options: options)
            Interrupt.graceful = false
            watch?.finish()
            if Interrupt.wasInterrupted { throw ExitCode.interrupted }
            let report = BottleneckReport(analysis: analysis, scenario: portfolio.name, portfolio: portfolio)
            try outputOptions.write(report.render(outputOptions.format, layout: outputOptions.layout))
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
