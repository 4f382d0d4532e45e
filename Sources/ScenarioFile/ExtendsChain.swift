import Foundation
import PlanModel
import Yams

/// Loads a scenario with its chain of `extends` iteratively: from the named file down to a
/// plain scenario (or the built-in baseline), then the overlays applied from the bottom up. A
/// chain is at most ``InputLimits/extendsDepth`` files long, never loops, and names only
/// scenario files: a base that is not one (another kind of file, `/etc/passwd`) is reported at
/// the `extends` line that names it, without quoting it.
enum ExtendsChain {
    /// Where the chain starts.
    enum Start {
        case file(String)
        case text(String, file: String, directory: String)
    }

    /// An overlay read on the way down, applied on the way up.
    private struct Overlay {
        var file: String
        var directory: String
        var root: Node
        var diagnostics: Diagnostics
        var extendsNode: Node
    }

    static func load(first start: Start) throws -> Scenario {
        var overlays: [Overlay] = []
        var visiting: [String] = []
        var file: String
        var directory: String
        var text: String
        switch start {
        case .file(let path):
            text = try InputFile.text(path: path)
            (file, directory) = (path, (path as NSString).deletingLastPathComponent)
            visiting.append(ScenarioLoader.canonical(path))
        case .text(let given, let name, let folder):
            (text, file, directory) = (given, name, folder)
        }

        var base: Scenario
        while true {
            guard let root = try ScenarioLoader.compose(text, file: file) else {
                if let below = overlays.last { throw notAScenario(file, from: below, reason: "it is empty") }
                throw ScenarioFileError.invalid([ScenarioProblem(
                    file: file, line: nil, column: nil, key: "", message: "the file is empty",
                    hint: "start from the annotated example in docs/scenario-format.md", code: .unsupportedFormat)])
            }
            guard case .mapping(let mapping) = root, let extendsNode = mapping["extends"] else {
                if let below = overlays.last, !looksLikeScenario(root) {
                    throw notAScenario(file, from: below, reason: "it does not start with `format: 1` and the keys of a scenario")
                }
                base = try ScenarioLoader.plainScenario(from: root, file: file)
                break
            }
            let diagnostics = Diagnostics(file: file)
            let overlay = Overlay(file: file, directory: directory, root: root, diagnostics: diagnostics, extendsNode: extendsNode)
            guard let target = NodeReader(diagnostics: diagnostics).string(extendsNode, "extends") else {
                throw ScenarioFileError.invalid(diagnostics.sortedProblems)
            }
            overlays.append(overlay)
            if target == "baseline" {
                base = try ScenarioLoader.builtinBaselineScenario()
                break
            }
            guard overlays.count < InputLimits.extendsDepth else {
                throw chainProblem(overlay, "the chain of `extends` is longer than \(InputLimits.extendsDepth) files",
                                   hint: "extend the scenario at the bottom of the chain directly, or merge some overlays")
            }
            let path = target.hasPrefix("/") ? target : (directory as NSString).appendingPathComponent(target)
            let canonical = ScenarioLoader.canonical(path)
            if visiting.contains(canonical) {
                throw chainProblem(overlay, "cycle of `extends`: \(file) extends \(target), which leads back to \(file)",
                                   hint: "a what-if must extend a scenario that does not extend it in turn")
            }
            let suffix = (path as NSString).pathExtension.lowercased()
            guard suffix == "yaml" || suffix == "yml" else {
                throw chainProblem(overlay, "extends names \(NodeReader.excerpt(target)), which is not a scenario file (.yaml or .yml)",
                                   hint: "name a scenario file, or `baseline` for the built-in baseline")
            }
            do {
                text = try InputFile.text(path: path)
            } catch ScenarioFileError.fileNotFound(let missing) {
                throw chainProblem(overlay, "the base scenario \(missing) does not exist",
                                   hint: "paths are relative to this file; write `extends: baseline` for the built-in baseline")
            }
            visiting.append(canonical)
            (file, directory) = (path, (path as NSString).deletingLastPathComponent)
        }

        var scenario = base
        for overlay in overlays.reversed() {
            let loader = OverlayLoader(diagnostics: overlay.diagnostics, file: overlay.file, directory: overlay.directory)
            scenario = try loader.scenario(from: overlay.root, base: scenario)
        }
        return scenario
    }

    /// True when `root` has the shape of a scenario: a mapping with `format` among its keys.
    private static func looksLikeScenario(_ root: Node) -> Bool {
        guard case .mapping(let mapping) = root else { return false }
        return mapping["format"] != nil
    }

    private static func chainProblem(_ overlay: Overlay, _ message: String, hint: String) -> ScenarioFileError {
        overlay.diagnostics.report(overlay.extendsNode, "extends", message, hint: hint, code: .extendsChain)
        return ScenarioFileError.invalid(overlay.diagnostics.sortedProblems)
    }

    private static func notAScenario(_ file: String, from overlay: Overlay, reason: String) -> ScenarioFileError {
        chainProblem(overlay, "the base \(file) is not a scenario file: \(reason)",
                     hint: "extends names a scenario file (format 1) or `baseline`; nothing of that file is shown here")
    }
}
