import Foundation
import PlanModel
import Yams

/// Reads status files (docs/scenario-format.md, "Status files"): where each standard of a
/// scenario actually stands as of a month. Problems are reported like a scenario's: all at
/// once, each with file, line, key and a hint, as a ``ScenarioFileError``.
public enum StatusFileLoader {
    /// Loads the status file at `path` and checks it against `portfolio`, the scenario it
    /// describes; throws ``ScenarioFileError`` listing every problem found.
    public static func load(path: String, for portfolio: Portfolio) throws -> StatusSnapshot {
        let text = try ScenarioLoader.readText(path: path)
        return try parse(yaml: text, file: path, for: portfolio)
    }

    /// Loads the status file at `path` for `scenario`; messages name the scenario's lines too
    /// (a fact that contradicts one of its dependencies, with the line of the dependency).
    public static func load(path: String, for scenario: Scenario) throws -> StatusSnapshot {
        let text = try ScenarioLoader.readText(path: path)
        return try parse(yaml: text, file: path, for: scenario.portfolio, locations: scenario.locations)
    }

    /// Parses status text; `file` names it in messages, `locations` the scenario's lines.
    public static func parse(yaml text: String, file: String, for portfolio: Portfolio, locations: SourceLocations = SourceLocations()) throws -> StatusSnapshot {
        guard let root = try ScenarioLoader.compose(text, file: file) else {
            throw ScenarioFileError.invalid([ScenarioProblem(
                file: file, line: nil, column: nil, key: "", message: "the file is empty",
                hint: "start from the example under \"Status files\" in docs/scenario-format.md", code: .unsupportedFormat)])
        }
        let diagnostics = Diagnostics(file: file)
        let snapshot = StatusFileParser(diagnostics: diagnostics, portfolio: portfolio, locations: locations).snapshot(from: root)
        let problems = diagnostics.sortedProblems
        guard problems.isEmpty, let snapshot else { throw ScenarioFileError.invalid(problems) }
        return snapshot
    }
}
