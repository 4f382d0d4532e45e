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
        if !portfolio.categories.elementsEqual(Category.plan2022, by: Self.sameCategory) {
            lines += ["", "categories:"] + portfolio.categories.map { category in
                var pairs = [("id", scalar(category.rawValue)), ("name", scalar(category.name))]
                if category.shortName != category.name { pairs.append(("short_name", scalar(category.shortName))) }
                return "  - " + flow(pairs)
            }
        }
        if !portfolio.calendars.isEmpty {
            lines += ["", "calendars:"] + portfolio.calendars.map { calendar in
                var pairs = [("id", scalar(calendar.id.rawValue)), ("name", scalar(calendar.name))]
                if !calendar.monthsOfYear.isEmpty { pairs.append(("months_of_year", "[" + calendar.monthsOfYear.sorted().map(String.init).joined(separator: ", ") + "]")) }
                if !calendar.months.isEmpty { pairs.append(("months", "[" + calendar.months.sorted().map(\.description).joined(separator: ", ") + "]")) }
                return "  - " + flow(pairs)
            }
        }
        if !portfolio.capacityFactors.isEmpty {
            lines += ["", "capacity_factors:"] + portfolio.capacityFactors.map { factor in
                var pairs = [("calendar", scalar(factor.calendar.rawValue)), ("factor", number(factor.factor))]
                if !factor.appliesTo.isEmpty { pairs.append(("applies_to", "[" + factor.appliesTo.sorted().map(scalar).joined(separator: ", ") + "]")) }
                return "  - " + flow(pairs)
            }
        }
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
        if let wait = phase.maxWait { pairs.append(("max_wait", String(wait))) }
        if phase.idleCost != 0 { pairs.append(("idle_cost", String(phase.idleCost))) }
        if let gate = phase.startsIn { pairs.append(("starts_in", scalar(gate.rawValue))) }
        if let gate = phase.endsIn { pairs.append(("ends_in", scalar(gate.rawValue))) }
        return "  - " + flow(pairs)
    }

    /// Categories are written only when they differ from the plan's six in an id or a name.
    static func sameCategory(_ a: Category, _ b: Category) -> Bool {
        a.rawValue == b.rawValue && a.name == b.name && a.shortName == b.shortName
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
