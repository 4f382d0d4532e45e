import ArgumentParser
import PlanModel
import ScenarioFile
import Synthetic

/// `stdplan generate`: a realistic synthetic portfolio as a scenario file, for benchmarks.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic synthetic portfolio of N standards as a scenario file (format 1).",
        discussion: """
            A standards programme like the 2022–2025 plan, scaled up: the six-phase life cycle with \
            per-standard durations, published and in-progress work, 1–3 candidate lead units, about \
            1.5 dependencies per standard (some on a phase, some with lags), one or two review \
            bodies, capacities calibrated to the load and changing over time, urgency 1–5, and \
            target years drawn around a reference schedule so that a good plan meets most of them \
            but not all, and the baseline's three-point duration estimates for `stdplan risk`. The \
            same options always give the same bytes. The file's header says how it \
            was made and what the generator's own reference schedule achieves (an upper bound on \
            the optimum's urgency-weighted months late).

            Examples:
              stdplan generate --standards 300 --units 120 --seed 1 --output s300.yaml
              stdplan plan s300.yaml --time-limit 60
              stdplan risk s300.yaml --samples 2000
            """
    )

    @Option(help: "Standards in the portfolio (about one in ten published), 1 to \(GeneratorOptions.maximumStandards).")
    var standards: Int

    @Option(help: "Lead units (default: one per 2.5 standards, the baseline's ratio).")
    var units: Int?

    @Option(help: "Seed of every random draw.")
    var seed: UInt64 = 1

    @Option(name: .customLong("review-bodies"), help: "Shared review bodies, 1 or 2 (default: 2 from 60 standards on).")
    var reviewBodies: Int?

    @Option(name: .customLong("plan-start"), help: "First month of the plan, YYYY-MM.")
    var planStart: String = "2026-01"

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten).")
    var output: String?

    var options: GeneratorOptions? {
        Month(parsing: planStart).map { GeneratorOptions(standards: standards, units: units, seed: seed, reviewBodies: reviewBodies, planStart: $0) }
    }

    func validate() throws {
        guard let options else { throw ValidationError("--plan-start must be a month, YYYY-MM (e.g. 2026-01)") }
        let problems = options.problems()
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "; ")) }
    }

    func run() throws {
        do {
            guard let options else { throw ValidationError("--plan-start must be a month, YYYY-MM") }
            let generated = try PortfolioGenerator.generate(options)
            var command = "stdplan generate --standards \(options.standards) --units \(options.units) --seed \(options.seed)"
            if reviewBodies != nil { command += " --review-bodies \(options.reviewBodies)" }
            if planStart != "2026-01" { command += " --plan-start \(options.planStart)" }
            let header = [
                "Synthetic portfolio, made by: \(command)",
                "Every figure is drawn from the seed, not observed (Sources/Synthetic/PortfolioGenerator.swift says how);",
                "regenerate rather than edit.",
                "Duration uncertainty (for `stdplan risk`): the baseline's three-point estimates, which Scenarios/baseline.yaml",
                "argues from the domain notes, scaled for a phase whose months they do not admit; publication, which has no",
                "batch calendar here, waits 1 to 6 months for a CSRC batch (assumption).",
                "",
            ] + generated.summary
            let text = try ScenarioWriter.yaml(for: generated.portfolio, lifeCycle: generated.lifeCycle, header: header)
            try Output.write(text, to: output)
            if let output { Failure.printError("\(output): \(generated.summary.joined(separator: "; "))") }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
