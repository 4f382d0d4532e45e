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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioFileError.fileNotFound(path: path)
        }
        if isDirectory.boolValue {
            throw ScenarioFileError.unreadable(path: path, reason: "it is a directory; name a .yaml status file in it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioFileError.unreadable(path: path, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError.unreadable(path: path, reason: "not UTF-8 text; save the file as UTF-8")
        }
        return try parse(yaml: text, file: path, for: portfolio)
    }

    /// Parses status text; `file` names it in messages.
    public static func parse(yaml text: String, file: String, for portfolio: Portfolio) throws -> StatusSnapshot {
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
                hint: "start from the example under \"Status files\" in docs/scenario-format.md")])
        }
        let diagnostics = Diagnostics(file: file)
        let snapshot = StatusFileParser(diagnostics: diagnostics, portfolio: portfolio).snapshot(from: root)
        let problems = diagnostics.sortedProblems
        guard problems.isEmpty, let snapshot else { throw ScenarioFileError.invalid(problems) }
        return snapshot
    }

    private static func problem(from error: YamlError, file: String) -> ScenarioProblem {
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
