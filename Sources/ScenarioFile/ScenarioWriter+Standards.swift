import PlanModel

extension ScenarioWriter {
    /// The `standards:` section: one block per standard, its dependencies under `after:`.
    static func standardsSection(_ portfolio: Portfolio, lifeCycle: [Phase]) -> [String] {
        guard !portfolio.standards.isEmpty else { return ["standards: []"] }
        var waits: [StandardID: [Dependency]] = [:]
        for dependency in portfolio.dependencies { waits[dependency.successor, default: []].append(dependency) }
        var lines = ["standards:"]
        for (index, standard) in portfolio.standards.enumerated() {
            if index > 0 { lines.append("") }
            lines += standardBlock(standard, waits: waits[standard.id] ?? [], lifeCycle: lifeCycle)
        }
        return lines
    }

    /// One standard: the keys the loader reads, in the order docs/scenario-format.md shows them,
    /// each written only when it differs from what the loader assumes without it.
    static func standardBlock(_ standard: Standard, waits: [Dependency], lifeCycle: [Phase]) -> [String] {
        var fields: [(String, String)] = [
            ("id", scalar(standard.id.rawValue)), ("name", scalar(standard.name)), ("category", standard.category.rawValue),
        ]
        if !standard.isPublished || standard.urgency != 1 { fields.append(("urgency", String(standard.urgency))) }
        if let year = standard.targetYear { fields.append(("target_year", String(year))) }
        if standard.targetYear != nil, standard.targetSource != .plan { fields.append(("target_source", standard.targetSource.rawValue)) }
        if case .revision(let revised) = standard.kind { fields += [("kind", "revision"), ("revises", scalar(revised))] }
        switch standard.status {
        case .planned: break
        case .inProgress(let phase, let since):
            fields += [("status", "in_progress"), ("current_phase", scalar(phase.rawValue)), ("since", since.description)]
        case .published(let month):
            fields += [("status", "published"), ("published", month.description)]
        case .deferred(let until):
            fields += [("status", "deferred"), ("until", until.description)]
        case .cancelled:
            fields.append(("status", "cancelled"))
        case .superseded(let by):
            fields += [("status", "superseded"), ("by", scalar(by))]
        }
        if let reference = standard.reference { fields.append(("reference", scalar(reference))) }
        if standard.leadUnits.count == 1 {
            fields.append(("lead_unit", scalar(standard.leadUnits[0].rawValue)))
        } else if standard.leadUnits.count > 1 {
            fields.append(("lead_units", "[" + standard.leadUnits.map { scalar($0.rawValue) }.joined(separator: ", ") + "]"))
        }
        if let earliest = standard.earliestStart { fields.append(("earliest_start", earliest.description)) }
        if standard.hardDeadline { fields.append(("hard_deadline", "true")) }
        let overrides = phaseOverrides(standard.phases, lifeCycle: lifeCycle)
        if !overrides.isEmpty { fields.append(("phases", flow(overrides))) }

        var lines = fields.enumerated().map { offset, field in (offset == 0 ? "  - " : "    ") + "\(field.0): \(field.1)" }
        if !waits.isEmpty {
            lines.append("    after:")
            lines += waits.map { "      - " + dependency($0) }
        }
        return lines
    }

    /// `{drafting: {months: 10}, …}` entries: for each phase that differs from the default, the
    /// fields that differ (`resources` replaces the default's whole map, as the loader reads it).
    static func phaseOverrides(_ phases: [Phase], lifeCycle: [Phase]) -> [(String, String)] {
        zip(phases, lifeCycle).compactMap { phase, base in
            var fields: [(String, String)] = []
            if phase.name != base.name { fields.append(("name", scalar(phase.name))) }
            if phase.months != base.months { fields.append(("months", String(phase.months))) }
            if phase.unitLoad != base.unitLoad { fields.append(("unit_load", String(phase.unitLoad))) }
            if phase.resourceLoads != base.resourceLoads { fields.append(("resources", resourceMap(phase.resourceLoads))) }
            if phase.maxWait != base.maxWait { fields.append(("max_wait", phase.maxWait.map(String.init) ?? "none")) }
            if phase.idleCost != base.idleCost { fields.append(("idle_cost", String(phase.idleCost))) }
            if phase.startsIn != base.startsIn, let gate = phase.startsIn { fields.append(("starts_in", scalar(gate.rawValue))) }
            if phase.endsIn != base.endsIn, let gate = phase.endsIn { fields.append(("ends_in", scalar(gate.rawValue))) }
            return fields.isEmpty ? nil : (scalar(phase.id.rawValue), flow(fields))
        }
    }

    /// `{standard: …, phase: …, starts: …, lag: …}`, defaults left out.
    static func dependency(_ dependency: Dependency) -> String {
        var fields = [("standard", scalar(dependency.predecessor.rawValue))]
        if let phase = dependency.predecessorPhase { fields.append(("phase", scalar(phase.rawValue))) }
        if let starts = dependency.successorPhase { fields.append(("starts", scalar(starts.rawValue))) }
        if dependency.lag != 0 { fields.append(("lag", String(dependency.lag))) }
        return flow(fields)
    }
}
