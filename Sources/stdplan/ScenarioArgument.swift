import ArgumentParser
import Foundation
import PlanModel
import ScenarioFile

/// Loads the scenario a command names: a file, `-` for standard input, or the built-in baseline
/// when it names none (or names `baseline` and no such file exists).
enum ScenarioArgument {
    /// How messages name a scenario read from standard input, e.g. `<stdin>:3:5: error: …`.
    static let standardInputName = "<stdin>"

    static func load(_ path: String?) throws -> (portfolio: Portfolio, source: String) {
        let scenario = try loadScenario(path)
        return (scenario.portfolio, path == "-" ? standardInputName : path ?? "built-in baseline")
    }

    /// The scenario, its warnings printed on standard error.
    static func loadScenario(_ path: String?) throws -> Scenario {
        guard let path else { return try ScenarioLoader.builtinBaselineScenario() }
        if path == "-" { return try ScenarioLoader.parseScenario(yaml: try standardInput(), file: standardInputName) }
        if path == "baseline", !FileManager.default.fileExists(atPath: path) { return try ScenarioLoader.builtinBaselineScenario() }
        let scenario = try ScenarioLoader.loadScenario(path: path)
        Failure.printWarnings(scenario)
        return scenario
    }

    /// Standard input as UTF-8 text.
    static func standardInput() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError.unreadable(path: standardInputName, reason: "not UTF-8 text; send the scenario as UTF-8")
        }
        return text
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

    /// A short name for progress lines: the file's name without `.yaml`, `baseline`, `<stdin>`.
    static func label(_ path: String?) -> String {
        guard let path else { return "baseline" }
        if path == "-" { return standardInputName }
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    /// Checks that standard input (`-`) is named at most once.
    static func validate(_ paths: [String]) throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once; name the other scenarios by file")
        }
    }
}
