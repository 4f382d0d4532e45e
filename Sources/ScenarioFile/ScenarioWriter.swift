import PlanModel

/// Writes any ``Portfolio`` as a scenario file in format 1 (docs/scenario-format.md), the text
/// that ``ScenarioLoader`` reads back into the same portfolio.
///
/// Each standard is written as the default life cycle plus the overrides that make its phases
/// what they are, its dependencies under `after:` in the order given (the loader collects them
/// standard by standard, so a portfolio whose dependencies are grouped by successor in standard
/// order reads back identical; others read back with the same dependencies in that order).
/// The output is deterministic: the same portfolio gives the same bytes.
public enum ScenarioWriter {
    /// The YAML text of `portfolio`.
    ///
    /// - Parameters:
    ///   - lifeCycle: the default life cycle to write (e.g. ``Scenario/lifeCycle``); nil takes,
    ///     phase by phase, the variant most standards share, which keeps overrides few.
    ///   - header: lines written first as `#` comments (where the file came from, how to remake it).
    /// - Throws: ``ScenarioWriterError/notRepresentable(_:)`` listing everything format 1 cannot
    ///   express or would read back differently, such as standards whose phases are not the same
    ///   sequence of phase ids.
    public static func yaml(for portfolio: Portfolio, lifeCycle: [Phase]? = nil, header: [String] = []) throws(ScenarioWriterError) -> String {
        let phases = lifeCycle ?? commonLifeCycle(of: portfolio)
        let problems = representabilityProblems(portfolio, lifeCycle: phases)
        guard problems.isEmpty else { throw .notRepresentable(problems) }

        var lines = header.map { $0.isEmpty ? "#" : "# \($0)" }
        if !lines.isEmpty { lines.append("") }
        lines += [
            "format: \(ScenarioLoader.formatVersion)",
            "name: \(scalar(portfolio.name))",
            "plan_start: \(portfolio.planStart)",
            "horizon_end: \(portfolio.horizonEnd)",
            "",
            "objective:",
            "  urgency_weights: [\(portfolio.weights.urgency.map(String.init).joined(separator: ", "))]",
            "  lateness: \(portfolio.weights.lateness.map(String.init) ?? "auto")",
            "  completion: \(portfolio.weights.completion)",
        ]
        if !portfolio.resources.isEmpty {
            lines += ["", "resources:"] + portfolio.resources.map { capacityHolder(id: $0.id.rawValue, name: $0.name, capacity: $0.capacity) }
        }
        lines.append("")
        lines += portfolio.units.isEmpty
            ? ["units: []"]
            : ["units:"] + portfolio.units.map { capacityHolder(id: $0.id.rawValue, name: $0.name, capacity: $0.capacity) }
        lines += ["", "life_cycle:"] + phases.map(lifeCyclePhase)
        lines.append("")
        lines += standardsSection(portfolio, lifeCycle: phases)
        if let uncertainty = portfolio.uncertainty {
            lines.append("")
            lines += uncertaintySection(uncertainty, portfolio: portfolio, lifeCycle: phases)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `- {id: …, name: …, capacity: …, capacity_changes: [...]}` for a unit or review body.
    static func capacityHolder(id: String, name: String, capacity: CapacityProfile) -> String {
        var pairs = [("id", scalar(id)), ("name", scalar(name)), ("capacity", String(capacity.initial))]
        if !capacity.changes.isEmpty {
            let changes = capacity.changes.map { flow([("from", $0.from.description), ("value", String($0.value))]) }
            pairs.append(("capacity_changes", "[" + changes.joined(separator: ", ") + "]"))
        }
        return "  - " + flow(pairs)
    }

    /// `- {id: …, name: …, months: …, unit_load: …, resources: {…}}` for a default phase.
    static func lifeCyclePhase(_ phase: Phase) -> String {
        var pairs = [("id", scalar(phase.id.rawValue)), ("name", scalar(phase.name)), ("months", String(phase.months))]
        if phase.unitLoad != 0 { pairs.append(("unit_load", String(phase.unitLoad))) }
        if !phase.resourceLoads.isEmpty { pairs.append(("resources", resourceMap(phase.resourceLoads))) }
        return "  - " + flow(pairs)
    }

    /// `{wg-review: 1, …}`.
    static func resourceMap(_ loads: [ResourceLoad]) -> String {
        flow(loads.map { (scalar($0.resource.rawValue), String($0.amount)) })
    }

    /// Phase by phase, the variant shared by most standards (the first met on a tie), taken from
    /// the open standards when there are any (published ones may keep an older life cycle).
    static func commonLifeCycle(of portfolio: Portfolio) -> [Phase] {
        let open = portfolio.standards.filter { !$0.isPublished }
        let pool = open.isEmpty ? portfolio.standards : open
        guard let first = pool.first else { return [] }
        return first.phases.indices.map { index in
            var counts: [Phase: Int] = [:]
            var order: [Phase] = []
            for standard in pool where index < standard.phases.count && standard.phases.map(\.id) == first.phases.map(\.id) {
                let phase = standard.phases[index]
                if counts[phase] == nil { order.append(phase) }
                counts[phase, default: 0] += 1
            }
            return order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }
                ?? first.phases[index]
        }
    }
}
