import ArgumentParser
import Foundation
import Reports
import ScenarioFile
import Scheduling

/// `stdplan compare`: scenarios side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Plan several scenarios and compare them side by side.",
        discussion: """
            Plans the first scenario, then every other one (in parallel, one per core) with the \
            first's plan as its reference: among equally good plans, the one whose publications \
            move fewest months from it, so a standard moves only when a change moves it. Prints, \
            for each scenario, standards on time, urgency-weighted and total months late, the last \
            publication, status and gap; then each standard's publication month per scenario with \
            the difference to the first (only rows that differ, unless --all), a tie-only move \
            marked ~ (the objective did not change and the change touches nothing of that \
            standard; see docs/json-output.md). Every schedule passes the validator.

            Exit code 5 when some scenario has no schedule (infeasible, or the time limit before \
            any): the report marks it and standard error names it.

            Examples:
              stdplan compare Scenarios/baseline.yaml Scenarios/what-if/*.yaml
              stdplan compare baseline Scenarios/what-if/drafting-plus-50.yaml --all
              stdplan compare --by-change my-what-if.yaml
            """
    )

    @Argument(help: "Scenario files (YAML); `baseline` names the built-in baseline, - standard input. The first is the reference.")
    var scenarios: [String]

    @Flag(help: "Show every standard, not only those whose publication month differs.")
    var all = false

    @Flag(name: .customLong("by-change"), help: "For one what-if file: plan its base, then the base with each named change added in turn, so each column shows what one change did.")
    var byChange = false

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw commandLineError("name at least one scenario") }
        if byChange, scenarios.count != 1 { throw commandLineError("--by-change takes exactly one what-if file") }
        try ScenarioArgument.validate(scenarios)
    }

    func run() throws {
        do {
            var loaded = try ScenarioArgument.loadAll(scenarios)
            var labels = scenarios.map(ScenarioArgument.label)
            if byChange {
                loaded = try Self.stages(of: loaded[0])
                labels = loaded.map(\.portfolio.name)
            }
            let clock = ContinuousClock()
            let started = clock.now
            Interrupt.graceful = true
            var base = solverOptions.planOptions
            base.explainConflicts = false  // the comparison reports each scenario's status; `plan` explains one
            let (options, watch) = progressOptions.watch("compare", names: Array(labels.dropFirst()), single: [labels[0]], options: base)
            defer { watch?.finish() }
            // The first scenario first: every other one stays as close to its plan as equally good plans allow.
            let planned = try ReferencePlanning.plan(base: loaded[0].portfolio, variants: loaded.dropFirst().map(\.portfolio), options: options)
            let compared = zip(loaded, [planned.base] + planned.variants).map { scenario, result in
                ComparedScenario(file: scenario.file, question: scenario.question,
                                 changes: scenario.changes.map { ($0.name, $0.summary) }, portfolio: scenario.portfolio, result: result)
            }
            let wall = clock.now - started
            watch?.note(String(format: "compare: %d scenarios in %.1f s (the single solves took %.1f s together)", compared.count,
                               Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18,
                               compared.reduce(0) { $0 + $1.result.seconds }))
            watch?.finish()
            try outputOptions.write(ComparisonReport(scenarios: compared, all: all).render(outputOptions.format, layout: outputOptions.layout))
            if Interrupt.wasInterrupted || compared.contains(where: \.result.interrupted) { try Outcome.exit(for: compared.map(\.result)) }
            try FailedPlans.check(zip(compared.indices, compared).map { ("\($0 + 1) \(labels[$0])", $1.result) }, noun: "scenario")
        } catch let error as ValidationError {
            throw error
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// An overlay as a row of scenarios: its base, then the base with each change added in turn.
    static func stages(of overlay: Scenario) throws -> [Scenario] {
        guard !overlay.stages.isEmpty else {
            throw ValidationError("\(overlay.file) is not a what-if overlay: --by-change needs a file with `extends` and `changes`")
        }
        return overlay.stages.enumerated().map { index, stage in
            let change = index == 0 ? nil : overlay.changes[index - 1]
            var step = Scenario(portfolio: stage, lifeCycle: overlay.lifeCycle,
                                file: change == nil ? "the base of \(overlay.file)" : overlay.file, changes: change.map { [$0] } ?? [])
            step.portfolio.name = change.map { "+ \($0.name)" } ?? "base"
            return step
        }
    }
}
