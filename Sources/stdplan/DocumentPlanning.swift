import ArgumentParser
import Foundation
import PlanModel
import Reports
import Risk
import ScenarioFile
import Scheduling

/// Plans what `stdplan report` and `stdplan export` put into documents, with the same calls as
/// `plan`, `replan` and `risk` (so a document never shows a plan those commands would not).
enum DocumentPlanning {
    /// The named scenarios (the built-in baseline when none), each planned, or re-planned from
    /// `status` when one is given. Several scenarios are solved in parallel, as `compare` does.
    static func plan(_ paths: [String], status: String?, options: PlanOptions) throws -> [ReportScenario] {
        let loaded = paths.isEmpty ? [try ScenarioArgument.loadScenario(nil)] : try ScenarioArgument.loadAll(paths)
        let sources = paths.isEmpty ? ["built-in baseline"] : paths
        if let status {
            return try zip(loaded, sources).map { scenario, source in
                let snapshot = try StatusFileLoader.load(path: status, for: scenario.portfolio)
                let replan = try Replanner.replan(scenario.portfolio, status: snapshot, options: options)
                if !replan.brokenFacts.isEmpty {
                    for fact in replan.brokenFacts { Failure.printError("internal error: the re-plan breaks a fact of \(status): \(fact)") }
                    throw ExitCode.internalFailure
                }
                return ReportScenario(source: "\(source) with status \(status)", scenario: scenario.portfolio, replan: replan,
                                      question: scenario.question, changes: scenario.changes.map { ($0.name, $0.summary) })
            }
        }
        let results = loaded.count == 1
            ? [Result { () throws(SchedulingError) in try Planner.plan(loaded[0].portfolio, options: options) }]
            : Planner.planAll(loaded.map(\.portfolio), options: options, keepingCompilations: true)  // for addRisk
        return try zip(zip(loaded, sources), results).map { pair, result in
            ReportScenario(source: pair.1, portfolio: pair.0.portfolio, result: try result.get(), question: pair.0.question,
                           changes: pair.0.changes.map { ($0.name, $0.summary) })
        }
    }

    /// The progress line of `command` planning `paths` (re-planned from `status` when given).
    static func watch(_ command: String, _ paths: [String], status: String?, progress: ProgressOptions,
                      options: PlanOptions) -> (options: PlanOptions, watch: PlanWatch?) {
        if status != nil { return progress.watch(command, single: paths.flatMap { _ in ["baseline plan", "re-plan"] }, options: options) }
        if paths.count > 1 { return progress.watch(command, names: paths.map(ScenarioArgument.label), options: options) }
        return progress.watch(command, single: ["plan"], options: options)
    }

    /// Adds the Monte Carlo risk of each shown plan that has a schedule, as `stdplan risk` computes it.
    static func addRisk(to scenarios: inout [ReportScenario], options: RiskOptions) throws {
        for index in scenarios.indices {
            let shown = scenarios[index]
            guard let schedule = shown.result.schedule else { continue }
            scenarios[index].risk = try RiskSimulation.run(compiled: shown.result.compilation ?? PlanningProblem(shown.portfolio), plan: schedule,
                                                           options: options)
        }
    }

    /// The exit code `plan` would give for the shown plan of a single scenario: 3 infeasible, 4 out of time.
    static func exitCode(for scenarios: [ReportScenario]) -> ExitCode? {
        guard scenarios.count == 1 else { return nil }
        switch scenarios[0].result.status {
        case .optimal, .feasible: return nil
        case .infeasible: return .planInfeasible
        case .timeLimit: return .noScheduleInTime
        }
    }

    /// Today's date in UTC as YYYY-MM-DD, the default date of a document.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Checks a `--date` value: YYYY-MM-DD with a real month and day.
    static func validDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1
        else { return false }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
