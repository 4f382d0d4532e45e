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
        try parseScenario(yaml: text, file: file, directory: nil, visiting: []).portfolio
    }

    /// Parses scenario or overlay text; `file` names it in messages, and an overlay's relative
    /// `extends` is resolved from `directory` (the current directory when nil).
    public static func parseScenario(yaml text: String, file: String, directory: String? = nil) throws -> Scenario {
        try parseScenario(yaml: text, file: file, directory: directory ?? ".", visiting: [])
    }

    /// Loads a scenario or a what-if overlay (a file with `extends:`), following its chain of bases.
    public static func loadScenario(path: String) throws -> Scenario {
        try loadScenario(path: path, visiting: [])
    }

    static func loadScenario(path: String, visiting: [String]) throws -> Scenario {
        let text = try readText(path: path)
        let directory = (path as NSString).deletingLastPathComponent
        return try parseScenario(yaml: text, file: path, directory: directory, visiting: visiting + [canonical(path)])
    }

    static func readText(path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioFileError.fileNotFound(path: path)
        }
        if isDirectory.boolValue {
            throw ScenarioFileError.unreadable(path: path, reason: "it is a directory; name a .yaml file in it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioFileError.unreadable(path: path, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError.unreadable(path: path, reason: "not UTF-8 text; save the file as UTF-8")
        }
        return text
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Parses scenario or overlay text. `directory` resolves an overlay's relative `extends`;
    /// `visiting` is the chain of files being loaded, to catch a cycle of `extends`.
    static func parseScenario(yaml text: String, file: String, directory: String?, visiting: [String]) throws -> Scenario {
        let diagnostics = Diagnostics(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioFileError.invalid([problem(from: error, file: file)])
        } catch {
            throw ScenarioFileError.invalid([ScenarioProblem(file: file, line: nil, column: nil, key: "", message: "\(error)")])
        }
        guard let root else {
            throw ScenarioFileError.invalid([ScenarioProblem(
                file: file, line: nil, column: nil, key: "", message: "the file is empty",
                hint: "start from the annotated example in docs/scenario-format.md")])
        }
        if case .mapping(let mapping) = root, mapping["extends"] != nil {
            return try OverlayLoader(diagnostics: diagnostics, file: file, directory: directory ?? ".", visiting: visiting).scenario(from: root)
        }
        let parser = ScenarioParser(diagnostics: diagnostics)
        let portfolio = parser.portfolio(from: root)
        let problems = diagnostics.sortedProblems
        guard problems.isEmpty, let portfolio else { throw ScenarioFileError.invalid(problems) }
        var scenario = Scenario(portfolio: portfolio, lifeCycle: parser.defaultLifeCycle(from: root), file: file)
        scenario.revisionLifeCycle = parser.revisionLifeCycle(from: root)
        return scenario
    }

    /// A YAML syntax error as a problem with its line, shared by every YAML file stdplan reads.
    static func problem(from error: YamlError, file: String) -> ScenarioProblem {
        let hint = "YAML needs consistent indentation with spaces (no tabs) and a space after every ':' and '-'"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let message = "malformed YAML: \(problem)" + (context.map { " (\($0.text))" } ?? "")
            return ScenarioProblem(file: file, line: mark.line, column: mark.column, key: "", message: message, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioProblem(
                file: file, line: context.mark.line, column: context.mark.column, key: duplicates.joined(separator: ", "),
                message: "key given twice in one mapping", hint: "keep one of them")
        default:
            return ScenarioProblem(file: file, line: nil, column: nil, key: "", message: "malformed YAML: \(error)", hint: hint)
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
        var scenario = try parseScenario(yaml: builtinBaselineYAML, file: "Scenarios/baseline.yaml (built in)", directory: nil, visiting: ["builtin:baseline"])
        scenario.file = "baseline (built in)"
        return scenario
    }
}
