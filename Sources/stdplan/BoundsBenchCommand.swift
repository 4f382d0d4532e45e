import ArgumentParser
import Foundation
import PlanModel
import Scheduling

/// `stdplan bench bounds`: the Lagrangian lower bound on each scenario's first objective level, for
/// `Scripts/bench-bounds`. Hidden: a measuring tool, not part of planning.
struct BoundsBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bounds",
        abstract: "Print the Lagrangian lower bound on the first objective level of scenario files (JSON lines).",
        shouldDisplay: false
    )

    @Argument(help: "Scenario files (YAML); `baseline` for the built-in baseline.")
    var scenarios: [String]

    @Option(help: "Most subgradient steps.")
    var iterations: Int = 1000

    @Option(name: .customLong("time-limit"), help: "Seconds for the bound of each file.")
    var timeLimit: Double?

    @Option(name: .customLong("upper-bound"), help: "The level's value in a known schedule (default: the heuristic's).")
    var upperBound: Int?

    @Option(name: .customLong("heuristic-iterations"), help: "Random perturbations the serial heuristic tries for the upper bound.")
    var heuristicIterations: Int = 0

    @Option(help: "Initial Polyak step factor θ (default: the planner's).")
    var step: Double?

    @Option(help: "Steps without a better bound before θ halves (default: the planner's).")
    var patience: Int?

    @Option(help: "τ of the deflected subgradient direction, 0 for plain steps (default: the planner's).")
    var deflection: Double?

    @Option(name: .customLong("target-rise"), help: "How far above the best bound the steps aim, as a fraction of it (default: the planner's).")
    var targetRise: Double?

    @Option(help: "Values of the first levels, proven elsewhere (comma-separated): the next level is bounded with them held.")
    var proven: String?

    @Flag(name: .customLong("no-fold"), help: "Keep the load-free phases in the problem (the planner folds them out).")
    var noFold = false

    func validate() throws {
        guard iterations >= 0, heuristicIterations >= 0, (patience ?? 1) >= 1 else {
            throw ValidationError("--iterations and --heuristic-iterations must be 0 or more, --patience 1 or more")
        }
        for (name, value) in [("--step", step), ("--deflection", deflection), ("--target-rise", targetRise)] {
            if let value, !(value >= 0 && value.isFinite) { throw ValidationError("\(name) must be a number of 0 or more") }
        }
        for item in (proven ?? "").split(separator: ",") where Int(item.trimmingCharacters(in: .whitespaces)).map({ $0 < 0 }) ?? true {
            throw ValidationError("--proven takes the proven values of the first levels as whole numbers of 0 or more, separated by commas (e.g. --proven 300); got '\(item)'")
        }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        for path in scenarios {
            let portfolio: Portfolio
            do {
                portfolio = try ScenarioArgument.load(path).portfolio
            } catch {
                throw Failure.exit(for: error)
            }
            let report = LagrangianBoundReport.measure(
                portfolio, iterations: iterations, timeLimit: timeLimit, initialStep: step, patience: patience, deflection: deflection,
                targetRise: targetRise, heuristicIterations: heuristicIterations, upperBound: upperBound, fold: !noFold,
                proven: (proven ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) })
            func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
            func quoted(_ text: String) -> String {
                let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed, .withoutEscapingSlashes])
                return data.flatMap { String(data: $0, encoding: .utf8) } ?? "null"
            }
            func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
            let fields = [
                "\"file\": \(quoted(path))", "\"level\": \"\(report.level)\"", "\"standards\": \(report.standards)",
                "\"tasks\": \(report.tasks)", "\"periods\": \(report.periods)", "\"bound\": \(number(report.levelBound))", "\"unlimited_capacity_bound\": \(number(report.unlimitedCapacityBound))",
                "\"raw_bound\": \(report.bound.isFinite ? String(format: "%.6f", report.bound) : "null")",
                "\"heuristic\": \(number(report.heuristicLevel))", "\"lagrangian_heuristic\": \(number(report.lagrangianHeuristicLevel))",
                "\"iterations\": \(report.iterations)", "\"stop\": \"\(report.stop)\"",
                "\"setup_seconds\": \(seconds(report.setupSeconds))", "\"heuristic_seconds\": \(seconds(report.heuristicSeconds))",
                "\"bound_seconds\": \(seconds(report.boundSeconds))",
            ]
            // A closed or full output is an error (exit 74), not a trap.
            do {
                try Output.write("{" + fields.joined(separator: ", ") + "}\n", to: nil)
            } catch {
                throw Failure.exit(for: error)
            }
        }
    }
}
