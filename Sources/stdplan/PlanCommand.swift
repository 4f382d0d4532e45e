import ArgumentParser
import Foundation
import Reports
import Scheduling

/// `stdplan plan`: the optimal schedule of a scenario.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute an optimal schedule and report which standards miss their target year.",
        discussion: """
            Minimises urgency-weighted months late beyond the end of each target year first, then \
            urgency-weighted months to publication. A heuristic schedule is found first and handed \
            to GLPK as a warm start, so a time limit still leaves a schedule (status feasible). \
            Every schedule printed has passed the independent validator.

            The table fits the terminal (or COLUMNS, or 100 columns when not a terminal): per \
            standard its urgency, lead unit, start, publication, target year and months late; \
            --wide shows every phase. On a terminal, progress goes to standard error.

            Examples:
              stdplan plan
              stdplan plan Scenarios/baseline.yaml --format csv --output plan.csv
              stdplan plan my.yaml --time-limit 10 --gap 0.01
              cat my.yaml | stdplan plan - --format json --output -
              stdplan plan big.yaml --search-log search.jsonl

            --search-log writes how the search converged, one JSON object per progress report \
            (seconds, stage, level, best, bound, gap, proven): when the first schedule came, how \
            the bound rose, when each level was proven.
            """
    )

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to plan the built-in 2022–2025 baseline.")
    var scenario: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .customLong("search-log"), help: ArgumentHelp(
        "Also write the search's progress to this new file, one JSON object per line (an existing file is never overwritten).",
        valueName: "file"))
    var searchLog: String?

    func validate() throws {
        guard let searchLog else { return }
        if searchLog.isEmpty || searchLog == "-" { throw ValidationError("--search-log takes a file name (standard output carries the plan)") }
        if let output = outputOptions.file, (output as NSString).standardizingPath == (searchLog as NSString).standardizingPath {
            throw ValidationError("--search-log and --output name the same file, \(searchLog); give the log its own name")
        }
    }

    func run() throws {
        do {
            let (portfolio, source) = try ScenarioArgument.load(scenario)
            // --time-limit bounds the whole command; Ctrl-C stops the planner, which returns its best schedule.
            Interrupt.graceful = true
            // Refused before planning, not after a minute of it: the log's file must be new.
            if let searchLog, FileManager.default.fileExists(atPath: searchLog) { throw OutputError.exists(path: searchLog) }
            var (options, watch) = progressOptions.watch("plan", options: solverOptions.wholeCommandOptions)
            defer { watch?.finish() }
            let log = searchLog.map { _ in SearchLog() }
            if let log { options.progress = log.recording(after: options.progress) }
            let result = try Planner.plan(portfolio, options: options)
            watch?.finish()
            let report = PlanReport(portfolio: portfolio, result: result, source: source)
            try outputOptions.write(report.render(outputOptions.format, layout: outputOptions.layout))
            if let log, let searchLog { try Output.write(log.text, to: searchLog) }
            Interrupt.graceful = false
            try Outcome.exit(for: [result])
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension PlanFormat: ExpressibleByArgument {}
