import ArgumentParser
import Foundation
import PlanModel
import Reports
import Risk
import ScenarioFile
import Scheduling

/// `stdplan risk`: Monte Carlo slippage risk of the optimal plan.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Simulate uncertain phase durations: how likely each standard is to slip, by how much, and why.",
        discussion: """
            Plans the scenario, then draws every uncertain phase duration (the scenario's \
            `uncertainty` section) in each sample and re-times the plan: lead units and the order \
            of work are kept, no standard starts before its planned start, every other phase starts \
            as soon as its predecessors and the capacities allow. Reports per standard the \
            probability of publication by the end of its target year, the P50/P80/P90 publication \
            month, the expected months late and a criticality index; for the portfolio the \
            number of on-time standards and the chance that all urgency-5 standards are on time; \
            and a tornado of the phases and units whose uncertainty drives lateness. See docs/risk.md.

            The same seed gives the same output, byte for byte, for any number of threads.

            Examples:
              stdplan risk
              stdplan risk Scenarios/baseline.yaml --samples 20000 --seed 7 --format json
              stdplan risk Scenarios/baseline.yaml --status Scenarios/status/2025-12.yaml
            """
    )

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to analyse the built-in 2022–2025 baseline.")
    var scenario: String?

    @Option(help: "Number of samples (1 to \(RiskOptions.maximumSamples)).")
    var samples: Int = 10_000

    @Option(help: "Seed of the random draws.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: one per available core). The output does not depend on it.")
    var threads: Int?

    @Option(help: "Status file: simulate the re-plan from its status date instead of the plan from the scenario's start.")
    var status: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Flag(help: "Print the planning and simulation wall times on standard error (for benchmarks).")
    var timing = false

    func validate() throws {
        guard (1...RiskOptions.maximumSamples).contains(samples) else {
            throw commandLineError("--samples must be 1 to \(RiskOptions.maximumSamples)")
        }
        if let threads, !(1...1024).contains(threads) { throw commandLineError("--threads must be 1 to 1024") }
    }

    func run() throws {
        do {
            let loaded = try ScenarioArgument.loadScenario(scenario)
            let (scenarioPortfolio, source) = (loaded.portfolio, scenario ?? "built-in baseline")
            var portfolio = scenarioPortfolio
            var asOf: Month?
            if let status {
                let snapshot = try StatusFileLoader.load(path: status, for: loaded)
                portfolio = scenarioPortfolio.applying(snapshot)
                asOf = snapshot.asOf
            }
            let clock = ContinuousClock()
            let planStarted = clock.now
            // Ctrl-C stops the plan gracefully; the simulation after it ends at once (nothing is written yet).
            let (options, watch) = progressOptions.watch("risk", single: ["plan"], options: solverOptions.planOptions)
            defer { watch?.finish() }
            Interrupt.graceful = true
            let plan = try Planner.plan(portfolio, options: options)
            Interrupt.graceful = false
            watch?.finish()
            if Interrupt.wasInterrupted { throw ExitCode.interrupted }
            let planTime = clock.now - planStarted
            guard let schedule = plan.schedule else {
                // Nothing to simulate: say why, as `plan` would.
                Failure.printError(PlanReport(portfolio: portfolio, result: plan, source: source).render(.table, layout: Terminal.standardErrorLayout))
                throw plan.status == .infeasible ? ExitCode.planInfeasible : ExitCode.noScheduleInTime
            }
            let riskOptions = RiskOptions(samples: samples, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            let bar = progressOptions.quiet ? nil : ProgressBar.onTerminal(label: "simulating")
            let simulationStarted = clock.now
            // The planner's compilation of the portfolio serves the simulation too.
            let risk = try RiskSimulation.run(compiled: plan.compilation ?? PlanningProblem(portfolio), plan: schedule, options: riskOptions,
                                              progress: bar.map { bar in { bar.update($0, $1) } })
            let simulationTime = clock.now - simulationStarted
            bar?.finish()
            let report = RiskReport(portfolio: portfolio, plan: plan, risk: risk, source: source, asOf: asOf)
            try outputOptions.write(report.render(outputOptions.format, layout: outputOptions.layout))
            if timing {
                func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
                Failure.printError(String(format: "timing: plan %.3f s; simulation %.3f s for %d samples on %d threads",
                                          seconds(planTime), seconds(simulationTime), samples, riskOptions.threads))
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
