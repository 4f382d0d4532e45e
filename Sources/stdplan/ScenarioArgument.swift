import PlanModel
import ScenarioFile

/// Loads the scenario a command names, or the built-in baseline when it names none.
enum ScenarioArgument {
    static func load(_ path: String?) throws -> (portfolio: Portfolio, source: String) {
        guard let path else { return (try ScenarioLoader.builtinBaseline(), "built-in baseline") }
        return (try ScenarioLoader.load(path: path), path)
    }
}
