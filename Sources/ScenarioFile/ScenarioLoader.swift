import Foundation
import PlanModel
import Yams

/// Reads scenario files (format 1, see docs/scenario-format.md) into a ``Portfolio``.
public enum ScenarioLoader {
    /// The format version this build reads.
    public static let formatVersion = 1

    /// Loads the scenario at `path`; throws ``ScenarioFileError`` listing every problem found.
    public static func load(path: String) throws -> Portfolio {
        try loadScenario(path: path).portfolio
    }

    /// Parses scenario text; `file` names it in messages.
    public static func parse(yaml text: String, file: String) throws -> Portfolio {
        try parseScenario(yaml: text, file: file).portfolio
    }

    /// Parses scenario or overlay text; `file` names it in messages, and an overlay's relative
    /// `extends` is resolved from `directory` (the current directory when nil).
    public static func parseScenario(yaml text: String, file: String, directory: String? = nil) throws -> Scenario {
        try ExtendsChain.load(first: .text(text, file: file, directory: directory ?? "."))
    }

    /// Loads a scenario or a what-if overlay (a file with `extends:`), following its chain of bases.
    public static func loadScenario(path: String) throws -> Scenario {
        try ExtendsChain.load(first: .file(path))
    }

    static func readText(path: String) throws -> String {
        try InputFile.text(path: path)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Composes YAML text into a tree after ``YAMLGuard`` has checked its aliases and nesting;
    /// nil for an empty document. Shared by every YAML file stdplan reads.
    static func compose(_ text: String, file: String) throws -> Node? {
        if let problem = YAMLGuard.check(text, file: file) { throw ScenarioFileError.invalid([problem]) }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioFileError.invalid([problem(from: error, file: file)])
        } catch {
            throw ScenarioFileError.invalid([ScenarioProblem(file: file, line: nil, column: nil, key: "", message: "\(error)", code: .malformedYAML)])
        }
    }

    /// Parses a plain scenario (no `extends`) from its tree.
    static func plainScenario(from root: Node, file: String) throws -> Scenario {
        let diagnostics = Diagnostics(file: file)
        let parser = ScenarioParser(diagnostics: diagnostics)
        let parsed = parser.portfolio(from: root)
        var problems = diagnostics.sortedProblems
        if problems.isEmpty, let parsed {
            ScenarioChecks(diagnostics: diagnostics).check(parsed, root: root)
            problems = diagnostics.sortedProblems
        }
        guard problems.isEmpty, let portfolio = parsed else { throw ScenarioFileError.invalid(problems) }
        var scenario = Scenario(portfolio: portfolio, lifeCycle: parser.defaultLifeCycle(from: root), file: file)
        scenario.revisionLifeCycle = parser.revisionLifeCycle(from: root)
        scenario.warnings = diagnostics.sortedWarnings
        scenario.locations = SourceLocations(root: root, file: file)
        return scenario
    }

    /// A YAML syntax error as a problem with its line, shared by every YAML file stdplan reads.
    static func problem(from error: YamlError, file: String) -> ScenarioProblem {
        let hint = "YAML needs consistent indentation with spaces (no tabs) and a space after every ':' and '-'"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = "malformed YAML: \(problem)" + (context.map { " (\($0.text))" } ?? "")
            return ScenarioProblem(file: file, line: mark.line, column: mark.column, key: "", message: message, hint: hint, code: .malformedYAML)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioProblem(
                file: file, line: context.mark.line, column: context.mark.column, key: duplicates.joined(separator: ", "),
                message: "key given twice in one mapping", hint: "keep one of them", code: .malformedYAML)
        default:
            return ScenarioProblem(file: file, line: nil, column: nil, key: "", message: "malformed YAML", hint: hint, code: .malformedYAML)
        }
    }
}

extension ScenarioLoader {
    /// The name under which the built-in baseline appears in messages.
    public static let builtinBaselineName = "baseline (built in; Scenarios/baseline.yaml)"

    /// The built-in 2022–2025 plan, the default scenario.
    public static func builtinBaseline() throws -> Portfolio {
        try builtinBaselineScenario().portfolio
    }

    /// The built-in baseline as a ``Scenario``.
    public static func builtinBaselineScenario() throws -> Scenario {
        try parsedBaseline.get()
    }

    /// The baseline parsed once per process: every overlay of `baseline` (a comparison of many
    /// what-ifs, a fuzzing run) starts from it.
    private static let parsedBaseline = Result<Scenario, ScenarioFileError> { () throws(ScenarioFileError) -> Scenario in
        let file = "Scenarios/baseline.yaml (built in)"
        do {
            guard let root = try compose(builtinBaselineYAML, file: file) else { throw ScenarioFileError.invalid([]) }
            var scenario = try plainScenario(from: root, file: file)
            scenario.file = "baseline (built in)"
            return scenario
        } catch let error as ScenarioFileError {
            throw error
        } catch {
            throw ScenarioFileError.invalid([ScenarioProblem(file: file, line: nil, column: nil, key: "", message: "\(error)", code: .malformedYAML)])
        }
    }
}
