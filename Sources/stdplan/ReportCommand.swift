import ArgumentParser
import Foundation
import Reports
import Risk
import Scheduling

/// `stdplan report`: the self-contained HTML report a planner sends to a committee.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: Gantt chart by category, load against capacity, risk and slippage.",
        discussion: """
            One HTML file with inline CSS and SVG (nothing fetched from anywhere) that opens in any \
            browser and prints on A4 landscape: the plan's status in words, standards on time and \
            urgency-weighted months late; a Gantt chart grouped by category (phases coloured, idle \
            months dashed, target years marked, late standards tinted with their months late, \
            dependencies with a toggle); a table of dates; the load of every lead unit and shared \
            resource month by month against its capacity. With --risk, P(on time) and the P50–P90 \
            band of each standard and the tornado (as `stdplan risk`); with --status, the re-plan \
            (as `stdplan replan`) with the baseline's bars under it, the status date and the \
            slippage with its reasons. With several scenarios, a comparison comes first.

            Examples:
              stdplan report --output report.html
              stdplan report Scenarios/baseline.yaml --risk --output risk.html
              stdplan report --status Scenarios/status/2025-12.yaml --output status.html
              stdplan report baseline Scenarios/what-if/*.yaml --output what-if.html
            """
    )

    @Argument(help: "Scenario files (YAML); `baseline` or none means the built-in baseline, - standard input. Several give a comparison.")
    var scenarios: [String] = []

    @Flag(help: "Add the Monte Carlo slippage risk of each plan (P(on time), P50–P90 bands, tornado).")
    var risk = false

    @Option(help: "Samples for --risk (1 to \(RiskOptions.maximumSamples)).")
    var samples: Int = 10_000

    @Option(help: "Seed for --risk.")
    var seed: UInt64 = 1

    @Option(help: "Status file: show the re-plan from its status date against the baseline plan, with the slippage.")
    var status: String?

    @Option(help: "The date printed on the report, YYYY-MM-DD (default: today, UTC).")
    var date: String?

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten); - is standard output.")
    var output: String?

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard (1...RiskOptions.maximumSamples).contains(samples) else { throw ValidationError("--samples must be 1 to \(RiskOptions.maximumSamples)") }
        if let date, !DocumentPlanning.validDate(date) { throw ValidationError("--date must be a date YYYY-MM-DD, got '\(date)'") }
    }

    func run() throws {
        do {
            let (options, watch) = DocumentPlanning.watch("report", scenarios, status: status, progress: progressOptions, options: solverOptions.planOptions)
            defer { watch?.finish() }
            var planned = try DocumentPlanning.plan(scenarios, status: status, options: options)
            watch?.finish()
            if risk { try DocumentPlanning.addRisk(to: &planned, options: RiskOptions(samples: samples, seed: seed)) }
            try Output.write(HTMLReport(scenarios: planned, date: date ?? DocumentPlanning.today()).render(), to: OutputOptions.file(output))
            if let code = DocumentPlanning.exitCode(for: planned) { throw code }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
