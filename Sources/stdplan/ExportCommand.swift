import ArgumentParser
import Foundation
import Reports
import Scheduling

/// `stdplan export`: the plan as a file other tools open (MS Project, calendars, TaskJuggler).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the plan for MS Project/ProjectLibre (mspdi), calendars (ics) or TaskJuggler (tjp).",
        discussion: """
            mspdi: Microsoft Project XML with summary tasks per category and standard, phase tasks \
            with durations, predecessor links with lags, a deadline per standard at the end of its \
            target year, lead units and shared resources with assignments, and the plan saved as \
            the baseline. ics: an iCalendar file with one all-day event per phase finish and \
            publication, with stable UIDs so a re-import updates them. tjp: a TaskJuggler project \
            of the same scenario (lead units fixed to stdplan's choice) for Scripts/compare-taskjuggler.

            Months become dates as docs/documents.md says: a phase runs from the first working day \
            of its start month to the last working day of its finish month (Monday to Friday).

            Examples:
              stdplan export --to mspdi --output plan.xml
              stdplan export --to ics Scenarios/baseline.yaml --output plan.ics
              stdplan export --to tjp Scenarios/what-if/szse-unavailable-2023.yaml \\
                  --output szse.tjp
            """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case mspdi, ics, tjp
    }

    @Option(help: "What to write: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: Target

    @Argument(help: "Scenario file (YAML); - reads it from standard input. Omit it to export the plan of the built-in baseline.")
    var scenario: String?

    @Option(help: "The creation date written into the file, YYYY-MM-DD (default: today, UTC).")
    var date: String?

    @Option(help: "Write to this new file instead of standard output (an existing file is never overwritten); - is standard output.")
    var output: String?

    @OptionGroup var solverOptions: SolverOptions

    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        if let date, !DocumentPlanning.validDate(date) { throw ValidationError("--date must be a date YYYY-MM-DD, got '\(date)'") }
    }

    func run() throws {
        do {
            let paths = scenario.map { [$0] } ?? []
            let (options, watch) = DocumentPlanning.watch("export", paths, status: nil, progress: progressOptions, options: solverOptions.planOptions)
            defer { watch?.finish() }
            let planned = try DocumentPlanning.plan(paths, status: nil, options: options)[0]
            watch?.finish()
            guard let schedule = planned.result.schedule else {
                Failure.printError(PlanReport(portfolio: planned.portfolio, result: planned.result, source: planned.source).render(.table, layout: Terminal.standardErrorLayout))
                Failure.printError("error: the plan has no schedule to export (\(planned.result.status.rawValue))")
                throw DocumentPlanning.exitCode(for: [planned]) ?? ExitCode.internalFailure
            }
            let day = date ?? DocumentPlanning.today()
            let text: String
            switch to {
            case .mspdi: text = MSPDIWriter(portfolio: planned.portfolio, schedule: schedule, date: day).render()
            case .ics: text = ICalendarWriter(portfolio: planned.portfolio, schedule: schedule, date: day).render()
            case .tjp: text = TaskJugglerWriter(portfolio: planned.portfolio, result: planned.result).render()
            }
            try Output.write(text, to: OutputOptions.file(output))
        } catch let code as ExitCode {
            throw code
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
