import PlanModel
import Yams

/// Reads the optional `uncertainty` section of a scenario (three-point duration estimates and
/// their correlation, docs/scenario-format.md) and checks it against the scenario's life cycle
/// and standards, recording every problem with its line like the rest of the parser.
struct UncertaintyParser {
    let diagnostics: Diagnostics
    var read: NodeReader { NodeReader(diagnostics: diagnostics) }

    private static let sectionKeys = ["distribution", "life_cycle", "categories", "standards", "correlation"]
    private static let estimateKeys = ["optimistic", "likely", "pessimistic", "distribution"]
    private static let correlationKeys = ["standard", "category", "lead_unit"]

    /// Where an estimate applies, so that the checks against each standard's planned months can
    /// point at the estimate's own line.
    private enum Scope: Hashable {
        case lifeCycle
        case category(Category)
        case standard(String)
    }

    private struct Located {
        var scope: Scope
        var phase: PhaseID
        var estimate: ThreePointEstimate
        var node: Node
        var path: String
    }

    /// Parses `node`. `lifeCycle` gives the phase ids, `standards` the standards that loaded
    /// cleanly (their planned months are checked against estimates without `likely`), and
    /// `declaredIDs` every standard id in the file, so an id whose entry had other problems
    /// is not reported as unknown as well.
    func uncertainty(from node: Node, lifeCycle: [Phase], standards: [Standard], declaredIDs: [String],
                     categories: [Category] = Category.plan2022) -> DurationUncertainty? {
        guard let entries = read.mapping(node, "uncertainty", allowed: Self.sectionKeys) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        let phaseIDs = lifeCycle.map(\.id.rawValue)

        var fallback = DurationDistribution.pert
        if let distributionNode = values["distribution"], let parsed = distribution(distributionNode, "uncertainty.distribution") {
            fallback = parsed
        }

        var located: [Located] = []
        if let lifeCycleNode = values["life_cycle"] {
            located += phaseEstimates(lifeCycleNode, "uncertainty.life_cycle", scope: .lifeCycle, phaseIDs: phaseIDs, fallback: fallback)
        }
        if let categoriesNode = values["categories"], case .mapping(let mapping) = categoriesNode {
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let path = "uncertainty.categories.\(key)"
                guard let category = ScenarioParser(diagnostics: diagnostics).category(keyNode, path, among: categories) else { continue }
                located += phaseEstimates(value, path, scope: .category(category), phaseIDs: phaseIDs, fallback: fallback)
            }
        } else if let categoriesNode = values["categories"] {
            diagnostics.report(categoriesNode, "uncertainty.categories", "expected a mapping of category to phase estimates, found \(read.describe(categoriesNode))",
                               hint: "e.g. categories: {operations: {drafting: {optimistic: 6, pessimistic: 14}}}")
        }
        if let standardsNode = values["standards"], case .mapping(let mapping) = standardsNode {
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                let path = "uncertainty.standards.\(key)"
                guard declaredIDs.contains(key) else {
                    let hint = closest(to: key, among: declaredIDs.sorted()).map { "did you mean '\($0)'?" } ?? "name a standard declared under `standards:`"
                    diagnostics.report(keyNode, path, "unknown standard '\(key)'", hint: hint)
                    continue
                }
                located += phaseEstimates(value, path, scope: .standard(key), phaseIDs: phaseIDs, fallback: fallback)
            }
        } else if let standardsNode = values["standards"] {
            diagnostics.report(standardsNode, "uncertainty.standards", "expected a mapping of standard id to phase estimates, found \(read.describe(standardsNode))",
                               hint: "e.g. standards: {devops: {drafting: {optimistic: 6, pessimistic: 14}}}")
        }
        let correlation = values["correlation"].map(self.correlation) ?? SharedFactorWeights()

        var result = DurationUncertainty(correlation: correlation)
        for item in located {
            switch item.scope {
            case .lifeCycle: result.lifeCycle[item.phase] = item.estimate
            case .category(let category): result.categories[category, default: [:]][item.phase] = item.estimate
            case .standard(let id): result.standards[StandardID(id), default: [:]][item.phase] = item.estimate
            }
        }
        checkAgainstPlannedMonths(located, result, standards)
        return result
    }

    // MARK: estimates

    private func phaseEstimates(_ node: Node, _ path: String, scope: Scope, phaseIDs: [String], fallback: DurationDistribution) -> [Located] {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(node, path, "expected a mapping of phase id to estimate, found \(read.describe(node))",
                               hint: "e.g. {drafting: {optimistic: 6, likely: 8, pessimistic: 14}}")
            return []
        }
        var located: [Located] = []
        for (keyNode, value) in mapping {
            let phase = keyNode.string ?? ""
            let phasePath = "\(path).\(phase)"
            guard phaseIDs.contains(phase) else {
                let hint = closest(to: phase, among: phaseIDs).map { "did you mean '\($0)'?" }
                    ?? "phases of the life cycle: \(phaseIDs.joined(separator: ", "))"
                diagnostics.report(keyNode, phasePath, "unknown phase '\(phase)'", hint: hint)
                continue
            }
            if let estimate = estimate(value, phasePath, fallback: fallback) {
                located.append(Located(scope: scope, phase: PhaseID(phase), estimate: estimate, node: value, path: phasePath))
            }
        }
        return located
    }

    private func estimate(_ node: Node, _ path: String, fallback: DurationDistribution) -> ThreePointEstimate? {
        guard let entries = read.mapping(node, path, allowed: Self.estimateKeys) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        let before = diagnostics.problems.count
        func required(_ key: String) -> Double? {
            guard let value = values[key] else {
                diagnostics.report(node, "\(path).\(key)", "missing required key '\(key)'",
                                   hint: "an estimate needs `optimistic` and `pessimistic` (months); `likely` defaults to the phase's months")
                return nil
            }
            return months(value, "\(path).\(key)")
        }
        let optimistic = required("optimistic")
        let pessimistic = required("pessimistic")
        let likely = values["likely"].flatMap { months($0, "\(path).likely") }
        let shape = values["distribution"].flatMap { distribution($0, "\(path).distribution") } ?? fallback
        guard diagnostics.problems.count == before, let optimistic, let pessimistic else { return nil }
        if optimistic > pessimistic {
            diagnostics.report(values["pessimistic"], "\(path).pessimistic", "pessimistic \(Self.text(pessimistic)) is below optimistic \(Self.text(optimistic))",
                               hint: "the estimate must satisfy optimistic ≤ likely ≤ pessimistic")
            return nil
        }
        if let likely, !(optimistic...pessimistic).contains(likely) {
            diagnostics.report(values["likely"], "\(path).likely", "likely \(Self.text(likely)) is outside optimistic…pessimistic (\(Self.text(optimistic))…\(Self.text(pessimistic)))",
                               hint: "the estimate must satisfy optimistic ≤ likely ≤ pessimistic")
            return nil
        }
        if shape == .lognormal, let likely, !Self.lognormalFits(optimistic, likely, pessimistic) {
            diagnostics.report(node, path, "a lognormal estimate needs optimistic < likely < pessimistic (or all three equal)",
                               hint: "a lognormal's mode lies strictly inside the range; use `distribution: pert` for a bounded estimate")
            return nil
        }
        return ThreePointEstimate(optimistic: optimistic, likely: likely, pessimistic: pessimistic, distribution: shape)
    }

    private static func lognormalFits(_ optimistic: Double, _ likely: Double, _ pessimistic: Double) -> Bool {
        (optimistic == likely && likely == pessimistic) || (optimistic < likely && likely < pessimistic)
    }

    /// Estimates without `likely` take each standard's planned months as the most likely value;
    /// the range must contain it for every standard the estimate applies to.
    private func checkAgainstPlannedMonths(_ located: [Located], _ uncertainty: DurationUncertainty, _ standards: [Standard]) {
        for item in located where item.estimate.likely == nil {
            var offending: [String] = []
            for standard in standards where standard.isOpen {
                guard let phase = standard.phases.first(where: { $0.id == item.phase }),
                      uncertainty.estimate(for: standard, phase: item.phase) == item.estimate else { continue }
                let estimate = item.estimate, months = Double(phase.months)
                let fits = estimate.distribution == .lognormal
                    ? Self.lognormalFits(estimate.optimistic, months, estimate.pessimistic)
                    : (estimate.optimistic...estimate.pessimistic).contains(months)
                if !fits { offending.append("\(standard.id) (\(phase.months) months)") }
            }
            guard !offending.isEmpty else { continue }
            let shown = offending.prefix(4).joined(separator: ", ") + (offending.count > 4 ? " and \(offending.count - 4) more" : "")
            let range = "\(Self.text(item.estimate.optimistic))…\(Self.text(item.estimate.pessimistic))"
            diagnostics.report(item.node, item.path,
                               item.estimate.distribution == .lognormal
                                   ? "the planned months of \(shown) are not strictly inside the lognormal range \(range)"
                                   : "the planned months of \(shown) are outside the range \(range)",
                               hint: "without `likely`, each standard's planned months are the most likely value; give `likely` or widen the range")
        }
    }

    // MARK: values

    private func months(_ node: Node, _ path: String) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            diagnostics.report(node, path, "expected a duration in months, found \(read.describe(node))", hint: "write a number of months, e.g. 8 or 7.5")
            return nil
        }
        guard (1...1200).contains(value) else {
            diagnostics.report(node, path, "\(Self.text(value)) is out of range: a duration must be 1 to 1200 months", hint: "durations are at least one month")
            return nil
        }
        return value
    }

    private func distribution(_ node: Node, _ path: String) -> DurationDistribution? {
        guard let text = read.string(node, path) else { return nil }
        guard let shape = DurationDistribution(rawValue: text) else {
            diagnostics.report(node, path, "unknown distribution '\(text)'",
                               hint: "use pert (the default), triangular, or lognormal (a heavy tail beyond the pessimistic value)")
            return nil
        }
        return shape
    }

    private func correlation(_ node: Node) -> SharedFactorWeights {
        var weights = SharedFactorWeights()
        guard let entries = read.mapping(node, "uncertainty.correlation", allowed: Self.correlationKeys) else { return weights }
        for (key, _, value) in entries {
            let path = "uncertainty.correlation.\(key)"
            guard case .scalar(let scalar) = value, let number = Double(scalar.string), number.isFinite else {
                diagnostics.report(value, path, "expected a share between 0 and 1, found \(read.describe(value))")
                continue
            }
            guard (0...1).contains(number) else {
                diagnostics.report(value, path, "\(Self.text(number)) is out of range: a share must be 0 to 1")
                continue
            }
            switch key {
            case "standard": weights.standard = number
            case "category": weights.category = number
            default: weights.leadUnit = number
            }
        }
        let total = weights.standard + weights.category + weights.leadUnit
        if total > 1 + 1e-12 {
            diagnostics.report(node, "uncertainty.correlation", "the shares add up to \(Self.text(total)), more than 1",
                               hint: "each share is part of a duration's variation; together they can be at most 1")
        }
        return weights
    }

    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}

extension Portfolio {
    /// This portfolio with `uncertainty` attached (the scenario parser's hook for the section).
    func with(uncertainty: DurationUncertainty?) -> Portfolio {
        var copy = self
        copy.uncertainty = uncertainty
        return copy
    }
}
