import PlanModel

extension ScenarioWriter {
    /// The `uncertainty:` section, every estimate with its distribution spelled out (so no
    /// section-wide default is needed to read it back), phases in life-cycle order, categories in
    /// their fixed order, standards in portfolio order.
    static func uncertaintySection(_ uncertainty: DurationUncertainty, portfolio: Portfolio, lifeCycle: [Phase]) -> [String] {
        var lines = ["uncertainty:"]
        func estimates(_ byPhase: [PhaseID: ThreePointEstimate], indent: String) -> [String] {
            lifeCycle.compactMap { phase in byPhase[phase.id].map { "\(indent)\(scalar(phase.id.rawValue)): \(estimate($0))" } }
        }
        if !uncertainty.lifeCycle.isEmpty {
            lines += ["  life_cycle:"] + estimates(uncertainty.lifeCycle, indent: "    ")
        }
        let categories = portfolio.categoriesInUse.filter { !(uncertainty.categories[$0] ?? [:]).isEmpty }
        if !categories.isEmpty {
            lines.append("  categories:")
            for category in categories {
                lines += ["    \(category.rawValue):"] + estimates(uncertainty.categories[category]!, indent: "      ")
            }
        }
        let standards = portfolio.standards.map(\.id).filter { !(uncertainty.standards[$0] ?? [:]).isEmpty }
        if !standards.isEmpty {
            lines.append("  standards:")
            for id in standards {
                lines += ["    \(scalar(id.rawValue)):"] + estimates(uncertainty.standards[id]!, indent: "      ")
            }
        }
        let correlation = uncertainty.correlation
        if !correlation.isIndependent {
            lines.append("  correlation: " + flow([
                ("standard", number(correlation.standard)), ("category", number(correlation.category)),
                ("lead_unit", number(correlation.leadUnit)),
            ]))
        }
        if lines.count == 1 { return ["uncertainty: {}"] }
        return lines
    }

    /// `{optimistic: …, likely: …, pessimistic: …, distribution: …}`.
    static func estimate(_ estimate: ThreePointEstimate) -> String {
        var fields = [("optimistic", number(estimate.optimistic))]
        if let likely = estimate.likely { fields.append(("likely", number(likely))) }
        fields += [("pessimistic", number(estimate.pessimistic)), ("distribution", estimate.distribution.rawValue)]
        return flow(fields)
    }
}
