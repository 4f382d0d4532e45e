import PlanModel
import ScenarioFile

/// Loads the scenario a command names, or the built-in baseline when it names none (or
/// names `baseline` and no such file exists).
enum ScenarioArgument {
    static func load(_ path: String?) throws -> (portfolio: Portfolio, source: String) {
        let scenario = try loadScenario(path)
        return (scenario.portfolio, path ?? "built-in baseline")
    }

    /// The scenario, its warnings printed on standard error.
    static func loadScenario(_ path: String?) throws -> Scenario {
        guard let path else { return try ScenarioLoader.builtinBaselineScenario() }
        if path == "baseline", !FileManager.default.fileExists(atPath: path) { return try ScenarioLoader.builtinBaselineScenario() }
        let scenario = try ScenarioLoader.loadScenario(path: path)
        Failure.printWarnings(scenario)
        return scenario
    }

    /// Loads every file, reporting the problems of all of them before giving up.
    static func loadAll(_ paths: [String]) throws -> [Scenario] {
        var scenarios: [Scenario] = []
        var failures: [any Error] = []
        for path in paths {
            do { scenarios.append(try loadScenario(path)) } catch { failures.append(error) }
        }
        if failures.count > 1 {
            for failure in failures.dropLast() { _ = Failure.exit(for: failure) }
        }
        if let last = failures.last { throw last }
        return scenarios
    }
}

import Foundation
