import PlanModel
import Yams

/// Checks on a whole portfolio once its file has been read without problems: what no single
/// key shows. The horizon and the objective stay within what the planner computes exactly
/// (``InputLimits``), facts do not contradict dependencies, and capacity changes after the
/// horizon are reported as warnings (no plan reaches them; see docs/errors.md, SP-W0501).
struct ScenarioChecks {
    let diagnostics: Diagnostics

    /// Checks a plain scenario; `root` is its tree, for lines.
    func check(_ portfolio: Portfolio, root: Node) {
        let top = Self.mapping(root)
        sizes(portfolio, horizonNode: top["horizon_end"], objectiveNode: top["objective"] ?? top["horizon_end"])
        let locations = SourceLocations(root: root, file: diagnostics.file)
        for conflict in FactDependencyCheck.conflicts(in: portfolio) {
            let successor = portfolio.standards[conflict.successor], predecessor = portfolio.standards[conflict.predecessor]
            let fact = locations.facts[successor.id]
            var places: [String] = []
            if let line = locations.dependencies[conflict.dependency]?.line { places.append("the dependency is at line \(line)") }
            if let line = locations.facts[predecessor.id]?.line { places.append("\(predecessor.id)'s status at line \(line)") }
            diagnostics.report(line: fact?.line, column: nil, "standards[\(conflict.successor)].status", conflict.message,
                               hint: (places.isEmpty ? "" : places.joined(separator: ", ") + "; ")
                                   + "correct the status, or remove the dependency if the work really went ahead",
                               code: .factContradictsDependency)
        }
        for section in ["units", "resources"] {
            guard case .sequence(let items)? = top[section] else { continue }
            for (index, item) in items.enumerated() {
                guard case .sequence(let changes)? = Self.mapping(item)["capacity_changes"] else { continue }
                for (k, change) in changes.enumerated() {
                    guard let node = Self.mapping(change)["from"], let month = node.string.flatMap(Month.init(parsing:)),
                          month > portfolio.horizonEnd else { continue }
                    beyondHorizon(node, "\(section)[\(index)].capacity_changes[\(k)].from", month, portfolio.horizonEnd)
                }
            }
        }
    }

    /// Checks the portfolio an overlay produced; `root` is the overlay's tree.
    func check(_ portfolio: Portfolio, overlay root: Node) {
        let top = Self.mapping(root)
        sizes(portfolio, horizonNode: top["horizon_end"], objectiveNode: top["horizon_end"] ?? top["changes"])
        guard case .sequence(let changes)? = top["changes"] else { return }
        for conflict in FactDependencyCheck.conflicts(in: portfolio) {
            diagnostics.report(top["changes"], "changes", conflict.message,
                               hint: "a change added this dependency or moved a fact; correct it, or remove the dependency",
                               code: .factContradictsDependency)
        }
        for (index, change) in changes.enumerated() {
            guard let node = Self.mapping(Self.mapping(change)["capacity"] ?? change)["from"],
                  let month = node.string.flatMap(Month.init(parsing:)), month > portfolio.horizonEnd else { continue }
            beyondHorizon(node, "changes[\(index)].capacity.from", month, portfolio.horizonEnd)
        }
    }

    /// The horizon's length and the largest objective the weights can produce.
    private func sizes(_ portfolio: Portfolio, horizonNode: Node?, objectiveNode: Node?) {
        let months = portfolio.horizonEnd - portfolio.planStart + 1
        if months > InputLimits.horizonMonths.upperBound {
            diagnostics.report(line: horizonNode?.mark?.line ?? 1, column: horizonNode?.mark?.column ?? 1, "horizon_end",
                               "the horizon has \(InputLimits.grouped(months)) months, more than \(InputLimits.grouped(InputLimits.horizonMonths.upperBound))",
                               hint: "plan at most a hundred years ahead; a horizon a few years past the last target year is enough",
                               code: .outOfRange)
            return
        }
        // The bound the objective cannot exceed: every open standard published in the last month,
        // late for the whole horizon, with the lateness weight that `auto` resolves to.
        let weights = portfolio.weights
        let open = portfolio.standards.filter { !$0.isPublished }
        let periods = Double(max(1, months))
        let urgencyWeight = open.reduce(0.0) { $0 + Double(weights.weight(urgency: $1.urgency)) }
        let completion = Double(weights.completion)
        let lateness = weights.lateness.map(Double.init) ?? (urgencyWeight * completion * periods + 1)
        let bound = urgencyWeight * (lateness + completion) * periods
        if bound > InputLimits.objective {
            let shown = bound.formatted()
            diagnostics.report(line: objectiveNode?.mark?.line ?? 1, column: objectiveNode?.mark?.column ?? 1, "objective",
                               "with these weights and \(open.count) open standards over \(months) months the objective could reach \(shown), "
                                   + "beyond 2^53, where the solver no longer counts whole months exactly",
                               hint: "use smaller urgency_weights, lateness or completion weights, or a shorter horizon",
                               code: .tooLarge)
        }
    }

    private func beyondHorizon(_ node: Node, _ key: String, _ month: Month, _ horizon: Month) {
        diagnostics.report(node, key, "a capacity change from \(month), after horizon_end \(horizon): no plan of this scenario reaches it",
                           hint: "move horizon_end later if the change matters, or remove it; beyond the horizon the risk simulation "
                               + "keeps each capacity at its value in horizon_end (docs/risk.md), and only a re-plan whose status file "
                               + "sets a later horizon_end uses the change",
                           code: .capacityChangeBeyondHorizon)
    }

    private static func mapping(_ node: Node) -> Node.Mapping {
        if case .mapping(let mapping) = node { return mapping }
        return Node.Mapping([])
    }
}

extension Double {
    /// In scientific notation with two decimals, e.g. 3.20e+19.
    fileprivate func formatted() -> String {
        var exponent = 0
        var mantissa = self
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        let rounded = (mantissa * 100).rounded() / 100
        return "\(rounded)e+\(exponent)"
    }
}
