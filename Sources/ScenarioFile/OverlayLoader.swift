import Foundation
import PlanModel
import Yams

/// Reads a what-if overlay: a file that `extends` another scenario (or the built-in
/// baseline) and lists named changes to it. Overlays may chain (``ExtendsChain`` follows the
/// chain and hands each overlay its base). Every problem in the overlay is reported at once,
/// with its line.
struct OverlayLoader {
    let diagnostics: Diagnostics
    let file: String
    let directory: String
    var read: NodeReader { NodeReader(diagnostics: diagnostics) }

    static let topKeys = ["format", "extends", "name", "question", "horizon_end", "changes"]
    static let actions = [
        "capacity", "scale_durations", "set_duration", "delay_start", "add_standards", "remove_standards",
        "set_target_year", "set_urgency", "set_lead_units", "add_dependencies", "remove_dependencies", "hard_deadlines",
    ]

    /// The overlay at `root` applied to `base`, the scenario its `extends` names (already loaded
    /// by ``ExtendsChain``, which also checked `extends` itself).
    func scenario(from root: Node, base: Scenario) throws -> Scenario {
        guard let entries = read.mapping(root, "", allowed: Self.topKeys) else { throw ScenarioFileError.invalid(diagnostics.sortedProblems) }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        if let node = values["format"] {
            if case .scalar(let scalar) = node, scalar.string == String(ScenarioLoader.formatVersion) {
            } else {
                diagnostics.report(node, "format", "unsupported format \(read.describe(node))", hint: "this stdplan reads `format: 1`")
            }
        } else {
            diagnostics.report(line: 1, column: 1, "format", "missing required key 'format'", hint: "add `format: 1` at the top")
        }

        var portfolio = base.portfolio
        if let name = values["name"].flatMap({ read.string($0, "name") }) { portfolio.name = name }
        if let node = values["horizon_end"], let month = read.month(node, "horizon_end") {
            if month < portfolio.planStart {
                diagnostics.report(node, "horizon_end", "horizon_end \(month) is before plan_start \(portfolio.planStart)")
            } else {
                portfolio.horizonEnd = month
            }
        }
        let question = values["question"].flatMap { read.string($0, "question") }
        var changes = base.changes
        var stages = base.stages.isEmpty ? [base.portfolio] : base.stages
        if let node = values["changes"], let items = read.sequence(node, "changes") {
            var names: Set<String> = []
            for (index, item) in items.enumerated() {
                var applier = ChangeApplier(loader: self, portfolio: portfolio, lifeCycle: base.lifeCycle)
                applier.revisionLifeCycle = base.revisionLifeCycle
                if let change = applier.apply(item, "changes[\(index)]", index: index) {
                    if !names.insert(change.name).inserted {
                        diagnostics.report(item, "changes[\(index)].name", "two changes are named '\(change.name)'", hint: "give each change its own name")
                    }
                    changes.append(change)
                    stages.append(applier.portfolio)
                }
                portfolio = applier.portfolio
            }
        }
        if let cycle = DependencyGraph(portfolio).cycle() {
            diagnostics.report(values["changes"], "changes", "the changes create a dependency cycle: " + cycle.map(\.rawValue).joined(separator: " → "),
                               hint: "remove one of the dependencies that close it")
        }
        if diagnostics.problems.isEmpty {
            ScenarioChecks(diagnostics: diagnostics).check(portfolio, overlay: root)
        }
        let problems = diagnostics.sortedProblems
        guard problems.isEmpty else { throw ScenarioFileError.invalid(problems) }
        // Later stages carry the overlay's name and horizon, so each stage plans like the whole.
        stages = stages.enumerated().map { index, stage in
            guard index > 0 else { return stage }
            var stage = stage
            stage.horizonEnd = max(stage.horizonEnd, portfolio.horizonEnd)
            return stage
        }
        var scenario = Scenario(portfolio: portfolio, lifeCycle: base.lifeCycle, file: file, question: question, changes: changes)
        scenario.revisionLifeCycle = base.revisionLifeCycle
        scenario.stages = stages
        scenario.warnings = base.warnings + diagnostics.sortedWarnings
        scenario.locations = base.locations
        return scenario
    }
}
