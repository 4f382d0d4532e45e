import ArgumentParser
import Foundation
import PlanModel
import Reports
import Risk
import ScenarioFile
import Scheduling

/// `stdplan backtest`: the forecast made at the plan start set against the facts of a status file.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score the plan-start forecast against the facts of a status file and calibrate the durations.",
        discussion: """
            Plans the scenario as of its start, simulates the plan as `stdplan risk` does, and sets \
            the forecast against the entries of the status file marked `source: fact` (assumptions \
            are not used): per fact the probability the forecast gave to what was observed, the \
            Brier score and the log-likelihood of the whole forecast; then the duration scale under \
            which the facts would have been most likely — one factor for all durations (×0.5 to ×4), \
            then one per phase — each candidate scored by re-running the simulation with durations \
            scaled, and a verdict in words. See docs/risk.md ("Backtest").

            The same seed gives the same output, byte for byte, for any number of threads.

            Examples:
              stdplan backtest Scenarios/baseline.yaml --status Scenarios/status/2025-12.yaml
              stdplan backtest Scenarios/baseline.yaml --status Scenarios/status/2025-12.yaml --write-calibrated calibrated.yaml
              stdplan plan calibrated.yaml
            """
    )

    @Argument(help: "Scenario file (YAML), as it stood at its plan start; - reads it from standard input. Omit it to use the built-in 2022–2025 baseline.")
    var scenario: String?

    @Option(help: "Status file (YAML): where each standard stood as of a month; entries marked `source: fact` are scored.")
    var status: String

    @Option(help: "Samples per simulation (1 to \(RiskOptions.maximumSamples)); the calibration runs about a hundred simulations.")
    var samples: Int = Self.defaultSamples

    @Option(help: "Seed of the random draws (the same for every simulation, so factors are compared on the same draws).")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: one per available core). The output does not depend on it.")
    var threads: Int?

    @Option(name: .customLong("write-calibrated"), help: "Write the calibration as a what-if overlay to this new file (it extends the scenario).")
    var writeCalibrated: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    static let defaultSamples = 2_000

    func validate() throws {
        guard (1...RiskOptions.maximumSamples).contains(samples) else {
            throw commandLineError("--samples must be 1 to \(RiskOptions.maximumSamples)")
        }
        if let threads, !(1...1024).contains(threads) { throw commandLineError("--threads must be 1 to 1024") }
        if let writeCalibrated, writeCalibrated == "-" || writeCalibrated == outputOptions.file {
            throw commandLineError("--write-calibrated needs a file of its own (not standard output, not the --output file)")
        }
    }

    func run() throws {
        do {
            // Fail before the simulations, not after: stdplan never overwrites a file.
            for path in [writeCalibrated, outputOptions.file].compactMap({ $0 }) where FileManager.default.fileExists(atPath: path) {
                throw OutputError.exists(path: path)
            }
            let loaded = try ScenarioArgument.loadScenario(scenario)
            let (portfolio, source) = (loaded.portfolio, scenario ?? "built-in baseline")
            let snapshot = try StatusFileLoader.load(path: status, for: loaded)
            // Ctrl-C stops the plan gracefully; the simulations after it end at once (nothing is written yet).
            let (options, watch) = progressOptions.watch("backtest", single: ["plan from \(portfolio.planStart)"], options: solverOptions.planOptions)
            defer { watch?.finish() }
            Interrupt.graceful = true
            let plan = try Planner.plan(portfolio, options: options)
            Interrupt.graceful = false
            watch?.finish()
            if Interrupt.wasInterrupted { throw ExitCode.interrupted }
            guard let schedule = plan.schedule else {
                Failure.printError(PlanReport(portfolio: portfolio, result: plan, source: source).render(.table, layout: Terminal.standardErrorLayout))
                throw plan.status == .infeasible ? ExitCode.planInfeasible : ExitCode.noScheduleInTime
            }
            let riskOptions = RiskOptions(samples: samples, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            let bar = progressOptions.quiet ? nil : ProgressBar.onTerminal(label: "backtesting")
            let result = try Backtest.run(compiled: plan.compilation ?? PlanningProblem(portfolio), plan: schedule, status: snapshot, options: riskOptions,
                                          progress: bar.map { bar in { bar.update($0, $1) } })
            bar?.finish()
            let report = BacktestReport(portfolio: portfolio, plan: plan, backtest: result, source: source, statusSource: status)
            try outputOptions.write(report.render(outputOptions.format, layout: outputOptions.layout))
            guard let writeCalibrated else { return }
            guard let calibration = result.calibration else {
                Failure.printError("\(writeCalibrated): not written: no fact of \(status) could be scored, so there is nothing to calibrate\n    hint: mark entries a public source shows with `source: fact`")
                throw ExitCode.badInput
            }
            let overlay = BacktestOverlay(
                portfolio: portfolio, calibration: calibration, planEnd: schedule.standards.map(\.published).max() ?? portfolio.planStart,
                planStart: result.planStart, asOf: result.asOf,
                extends: Self.extends(scenario, from: writeCalibrated), command: commandLine)
            try Output.write(overlay.render(), to: writeCalibrated)
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// The command, for the overlay's header (options that change the figures only).
    private var commandLine: String {
        var words = ["stdplan", "backtest"] + (scenario.map { [$0] } ?? []) + ["--status", status]
        if samples != Self.defaultSamples { words += ["--samples", "\(samples)"] }
        if seed != 1 { words += ["--seed", "\(seed)"] }
        return words.joined(separator: " ")
    }

    /// What the overlay at `overlay` writes after `extends:` to reach `scenario`: `baseline` for
    /// the built-in one, else the scenario's path relative to the overlay's directory.
    static func extends(_ scenario: String?, from overlay: String) -> String {
        guard let scenario, !(scenario == "baseline" && !FileManager.default.fileExists(atPath: scenario)) else { return "baseline" }
        func components(_ path: String) -> [String] {
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            return URL(fileURLWithPath: absolute).standardizedFileURL.pathComponents
        }
        let target = components(scenario)
        let base = Array(components(overlay).dropLast())
        let shared = zip(target, base).prefix { $0 == $1 }.count
        // Nothing in common but the root: an absolute path says it more plainly than a chain of "..".
        if shared <= 1 { return "/" + target.dropFirst().joined(separator: "/") }
        return (Array(repeating: "..", count: base.count - shared) + target[shared...]).joined(separator: "/")
    }
}
