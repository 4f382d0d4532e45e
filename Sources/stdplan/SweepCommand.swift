import ArgumentParser
import Foundation
import PlanModel
import Reports
import ScenarioFile
import Scheduling

/// `stdplan sweep`: one solve per value of one parameter.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Re-plan for each value of one parameter and show how the plan responds.",
        discussion: """
            KEY is one of:
              unit:ID          the unit's capacity in every month (whole numbers)
              resource:ID      the shared resource's capacity in every month (whole numbers)
              duration:PHASE   a multiplier on that phase's duration for every standard (e.g. 1.5)
              duration:*       a multiplier on every phase
              delay            months before any planned standard may start
            VALUES are separated by commas; whole numbers may also be a range A..B. The scenario \
            as given is planned first, and each value's plan stays as close to it as equally good \
            plans allow (fewest months of publications moved).

            Exit code 5 when some value has no schedule (infeasible, or the time limit before any):
            the report marks it and standard error names it.

            Examples:
              stdplan sweep --vary resource:wg-review=1..6
              stdplan sweep --vary duration:drafting=1.0,1.25,1.5,2.0
              stdplan sweep --vary unit:szse=0,1,2,3
            """
    )

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to use the built-in baseline.")
    var scenario: String?

    @Option(help: "The parameter and its values: KEY=V1,V2,... (see above).")
    var vary: String

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        _ = try Self.parse(vary)
    }

    /// `KEY=V1,V2` into the key and one variation per value.
    static func parse(_ text: String) throws -> (key: String, values: [(String, (PlanModel.Portfolio) -> PortfolioVariation)]) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw commandLineError("--vary needs KEY=V1,V2,...; e.g. --vary resource:wg-review=1..4")
        }
        let key = parts[0]
        var raw: [String] = []
        for item in parts[1].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let bounds = item.components(separatedBy: "..")
            if bounds.count == 2, let a = Int(bounds[0]), let b = Int(bounds[1]) {
                guard a <= b, b - a <= 100 else { throw commandLineError("range \(item) must go up, by at most 100 values") }
                raw += (a...b).map(String.init)
            } else {
                raw.append(item)
            }
        }
        // Values keep to the ranges a scenario file may give (InputLimits), so no sum can overflow.
        func integers(_ range: ClosedRange<Int>) throws -> [Int] {
            guard raw.count <= 101 else { throw commandLineError("--vary takes at most 101 values") }
            return try raw.map { value in
                guard let n = Int(value), range.contains(n) else {
                    throw commandLineError("\(key) takes whole numbers from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
                }
                return n
            }
        }
        let kind = key.split(separator: ":", maxSplits: 1).map(String.init)
        switch (kind.first, kind.count) {
        case ("unit", 2):
            return (key, try integers(InputLimits.capacity).map { n in ("\(n)", { _ in .unitCapacity(UnitID(kind[1]), n) }) })
        case ("resource", 2):
            return (key, try integers(InputLimits.capacity).map { n in ("\(n)", { _ in .resourceCapacity(ResourceID(kind[1]), n) }) })
        case ("duration", 2):
            return (key, try raw.map { value in
                guard let factor = Double(value), factor > 0, factor <= InputLimits.maximumFactor else {
                    throw commandLineError("\(key) takes multipliers above 0 and at most \(Int(InputLimits.maximumFactor)) such as 1.5, not '\(value)'")
                }
                let phase: PhaseID? = kind[1] == "*" ? nil : PhaseID(kind[1])
                return (value, { _ in .durationFactor(phase, factor) })
            })
        case ("delay", 1):
            return (key, try integers(InputLimits.delay).map { n in ("\(n)", { _ in .startDelay(n) }) })
        default:
            throw commandLineError("unknown --vary key '\(key)'; use unit:ID, resource:ID, duration:PHASE, duration:* or delay")
        }
    }

    func run() throws {
        do {
            let (portfolio, _) = try ScenarioArgument.load(scenario)
            let (key, values) = try Self.parse(vary)
            var variants: [PlanModel.Portfolio] = []
            for (label, make) in values {
                guard let variant = make(portfolio).applied(to: portfolio) else {
                    throw commandLineError("\(key): the scenario has no such unit, resource or phase (value \(label))")
                }
                if let longest = variant.standards.flatMap(\.phases).map(\.months).max(), longest > InputLimits.months.upperBound {
                    throw commandLineError("\(key)=\(label) makes a phase take \(longest) months, more than \(InputLimits.months.upperBound)")
                }
                variants.append(variant)
            }
            let labels = values.map { "\(key)=\($0.0)" }
            var base = solverOptions.planOptions
            base.explainConflicts = false  // a sweep reports each point's status, not its conflicts
            let (options, watch) = progressOptions.watch("sweep", names: labels, single: ["the scenario as given"], options: base)
            defer { watch?.finish() }
            Interrupt.graceful = true
            // The scenario as given first: each value's plan stays as close to it as equally good plans allow.
            let results = try ReferencePlanning.plan(base: portfolio, variants: variants, options: options).variants
            let points = zip(values, zip(variants, results)).map { value, pair in
                SweepReport.Point(value: value.0, portfolio: pair.0, result: pair.1)
            }
            watch?.finish()
            try outputOptions.write(SweepReport(parameter: key, points: points).render(outputOptions.format, layout: outputOptions.layout))
            if Interrupt.wasInterrupted || points.contains(where: \.result.interrupted) { try Outcome.exit(for: points.map(\.result)) }
            try FailedPlans.check(zip(labels, points).map { ($0, $1.result) }, noun: "value")
        } catch let error as ValidationError {
            throw error
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
