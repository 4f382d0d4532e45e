import PlanModel
import Yams

/// Turns a YAML tree into a ``Portfolio``, checking everything a scenario can get wrong and
/// recording every problem with its line instead of stopping at the first.
struct ScenarioParser {
    let diagnostics: Diagnostics
    var read: NodeReader { NodeReader(diagnostics: diagnostics) }

    private static let topKeys = [
        "format", "name", "plan_start", "horizon_end", "objective", "resources", "units", "life_cycle", "standards", "uncertainty",
        "categories", "calendars", "capacity_factors", "revision_life_cycle",
    ]
    private static let capacityKeys = ["id", "name", "capacity", "capacity_changes"]
    private static let phaseKeys = ["id", "name", "months", "unit_load", "resources"] + phaseProcessKeys
    private static let standardKeys = [
        "id", "name", "category", "urgency", "target_year", "status", "current_phase", "since", "published",
        "lead_unit", "lead_units", "earliest_start", "reference", "phases", "after", "hard_deadline",
        "kind", "revises", "target_source", "until", "by",
    ]
    private static let dependencyKeys = ["standard", "phase", "starts", "lag"]

    func portfolio(from root: Node) -> Portfolio? {
        guard let entries = read.mapping(root, "", allowed: Self.topKeys) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        func required(_ key: String, hint: String) -> Node? {
            if let node = values[key] { return node }
            diagnostics.report(line: 1, column: 1, key, "missing required key '\(key)'", hint: hint)
            return nil
        }

        if let node = required("format", hint: "add `format: 1` at the top") {
            if case .scalar(let scalar) = node, scalar.string == String(ScenarioLoader.formatVersion) {
            } else {
                diagnostics.report(node, "format", "unsupported format \(read.describe(node))", hint: "this stdplan reads `format: 1`")
            }
        }
        let name = required("name", hint: "add `name: ...`, shown in reports").flatMap { read.string($0, "name") }
        let planStart = required("plan_start", hint: "add `plan_start: YYYY-MM`").flatMap { read.month($0, "plan_start") }
        let horizonEnd = required("horizon_end", hint: "add `horizon_end: YYYY-MM`, late enough for every standard to finish")
            .flatMap { read.month($0, "horizon_end") }
        if let planStart, let horizonEnd, horizonEnd < planStart, let node = values["horizon_end"] {
            diagnostics.report(node, "horizon_end", "horizon_end \(horizonEnd) is before plan_start \(planStart)", hint: "choose a later horizon_end")
        }
        let weights = values["objective"].map(objective) ?? ObjectiveWeights()
        let resources = values["resources"].map { capacityHolders($0, "resources") } ?? []
        let units = required("units", hint: "list the lead units with their capacities").map { capacityHolders($0, "units") } ?? []
        let resourceIDs = Set(resources.map(\.id))
        let categories = values["categories"].map(self.categories) ?? Category.plan2022
        let calendars = values["calendars"].map(self.calendars) ?? []
        let calendarIDs = Set(calendars.map(\.id.rawValue))
        let factors = values["capacity_factors"].map {
            capacityFactors($0, calendars: calendarIDs, holders: resourceIDs.union(units.map(\.id)))
        } ?? []
        let lifeCycle = required("life_cycle", hint: "declare the default life cycle (立项 → … → 发布)")
            .map { self.lifeCycle($0, resources: resourceIDs, calendars: calendarIDs) } ?? []
        let revisionLifeCycle = values["revision_life_cycle"].map {
            applyOverrides($0, "revision_life_cycle", to: lifeCycle, resources: resourceIDs, calendars: calendarIDs)
        }
        let context = StandardContext(
            lifeCycle: lifeCycle, revisionLifeCycle: revisionLifeCycle, units: Set(units.map(\.id)), resources: resourceIDs,
            calendars: calendarIDs, categories: categories, planStart: planStart)
        var standards: [ParsedStandard] = []
        if let node = required("standards", hint: "list the standards to plan") {
            standards = self.standards(node, context: context)
        }
        let dependencies = resolveDependencies(standards)

        // Duration uncertainty for `stdplan risk` (UncertaintyParser.swift); it does not change the plan.
        let uncertainty = values["uncertainty"].flatMap { UncertaintyParser(diagnostics: diagnostics).uncertainty(
            from: $0, lifeCycle: lifeCycle, standards: standards.compactMap(\.standard), declaredIDs: standards.compactMap(\.id),
            categories: categories) }
        guard let name, let planStart, let horizonEnd else { return nil }
        var portfolio = Portfolio(
            name: name, planStart: planStart, horizonEnd: horizonEnd,
            units: units.map { LeadUnit(id: UnitID($0.id), name: $0.name, capacity: $0.capacity) },
            resources: resources.map { SharedResource(id: ResourceID($0.id), name: $0.name, capacity: $0.capacity) },
            standards: standards.compactMap(\.standard), dependencies: dependencies, weights: weights).with(uncertainty: uncertainty)
        portfolio.categories = categories
        portfolio.calendars = calendars
        portfolio.capacityFactors = factors
        return portfolio
    }

    // MARK: objective

    private func objective(_ node: Node) -> ObjectiveWeights {
        var weights = ObjectiveWeights()
        guard let entries = read.mapping(node, "objective", allowed: ["urgency_weights", "lateness", "completion"]) else { return weights }
        for (key, _, value) in entries {
            let path = "objective.\(key)"
            switch key {
            case "urgency_weights":
                guard let items = read.sequence(value, path) else { continue }
                if items.count != 5 {
                    diagnostics.report(value, path, "expected 5 weights (for 1 to 5 stars), found \(items.count)")
                    continue
                }
                let parsed = items.enumerated().compactMap { read.integer($1, "\(path)[\($0)]", in: 0...1_000_000, what: "a weight") }
                if parsed.count == 5 { weights.urgency = parsed }
            case "lateness":
                if case .scalar(let scalar) = value, scalar.string == "auto" {
                    weights.lateness = nil
                } else if let number = read.integer(value, path, in: 0...1_000_000_000, what: "`auto` or a weight") {
                    weights.lateness = number
                }
            default:
                if let number = read.integer(value, path, in: 0...1_000_000, what: "a weight") { weights.completion = number }
            }
        }
        return weights
    }

    // MARK: units and resources

    struct CapacityHolder {
        var id: String
        var name: String
        var capacity: CapacityProfile
    }

    func capacityHolders(_ node: Node, _ section: String) -> [CapacityHolder] {
        guard let items = read.sequence(node, section) else { return [] }
        var seen: [String: Int] = [:]
        var holders: [CapacityHolder] = []
        for (index, item) in items.enumerated() {
            let path = "\(section)[\(index)]"
            guard let entries = read.mapping(item, path, allowed: Self.capacityKeys) else { continue }
            var values: [String: Node] = [:]
            for entry in entries { values[entry.key] = entry.value }
            let id = field(values, "id", path, item).flatMap { read.identifier($0, "\(path).id") }
            let name = field(values, "name", path, item).flatMap { read.string($0, "\(path).name") }
            let noun = section == "units" ? "unit" : "resource"
            let initial = field(values, "capacity", path, item, hint: "every \(noun) needs `capacity:` — how much load it can carry per month")
                .flatMap { read.integer($0, "\(path).capacity", in: InputLimits.capacity, what: "a capacity (a whole number ≥ 0)") }
            var changes: [CapacityProfile.Change] = []
            if let node = values["capacity_changes"], let list = read.sequence(node, "\(path).capacity_changes") {
                for (k, changeNode) in list.enumerated() {
                    let changePath = "\(path).capacity_changes[\(k)]"
                    guard let change = read.mapping(changeNode, changePath, allowed: ["from", "value"]) else { continue }
                    var cv: [String: Node] = [:]
                    for entry in change { cv[entry.key] = entry.value }
                    let from = field(cv, "from", changePath, changeNode).flatMap { read.month($0, "\(changePath).from") }
                    let value = field(cv, "value", changePath, changeNode)
                        .flatMap { read.integer($0, "\(changePath).value", in: InputLimits.capacity, what: "a capacity (a whole number ≥ 0)") }
                    if let from, let value { changes.append(.init(from: from, value: value)) }
                }
            }
            if let id {
                if let first = seen[id] {
                    diagnostics.report(values["id"], "\(path).id", "duplicate \(noun) id '\(id)' (also \(section)[\(first)])", hint: "give each \(noun) its own id")
                } else {
                    seen[id] = index
                }
            }
            // A declared id stays known even when its other fields are wrong (already reported, so
            // the file is rejected anyway): references to it must not be reported as unknown too.
            if let id {
                holders.append(CapacityHolder(id: id, name: name ?? "", capacity: CapacityProfile(initial: initial ?? 0, changes: changes)))
            }
        }
        return holders
    }

    // MARK: life cycle

    struct PhaseOverride {
        var months: Int?
        var unitLoad: Int?
        var name: String?
        var resources: [ResourceLoad]?
    }

    func lifeCycle(_ node: Node, resources: Set<String>, calendars: Set<String> = []) -> [Phase] {
        guard let items = read.sequence(node, "life_cycle") else { return [] }
        if items.isEmpty { diagnostics.report(node, "life_cycle", "the life cycle has no phases", hint: "list at least one phase") }
        var phases: [Phase] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "life_cycle[\(index)]"
            guard let entries = read.mapping(item, path, allowed: Self.phaseKeys) else { continue }
            var values: [String: Node] = [:]
            for entry in entries { values[entry.key] = entry.value }
            let id = field(values, "id", path, item).flatMap { read.identifier($0, "\(path).id") }
            let name = field(values, "name", path, item).flatMap { read.string($0, "\(path).name") }
            let months = field(values, "months", path, item).flatMap { monthsValue($0, "\(path).months") }
            let load = values["unit_load"].map { read.integer($0, "\(path).unit_load", in: InputLimits.load, what: "a load (a whole number ≥ 0)") } ?? 0
            let loads = values["resources"].map { resourceLoads($0, "\(path).resources", known: resources) } ?? []
            if let id, !seen.insert(id).inserted {
                diagnostics.report(values["id"], "\(path).id", "duplicate phase id '\(id)'", hint: "give each phase its own id")
                continue
            }
            // As for units: a declared phase stays known even when its other fields are wrong.
            if let id {
                var phase = Phase(id: PhaseID(id), name: name ?? "", months: months ?? 1, unitLoad: load ?? 0, resourceLoads: loads)
                applyProcessKeys(values, path, to: &phase, calendars: calendars)
                phases.append(phase)
            }
        }
        return phases
    }

    private func monthsValue(_ node: Node, _ path: String) -> Int? {
        if case .scalar(let scalar) = node, let value = Int(scalar.string), value <= 0 {
            diagnostics.report(node, path, "a phase must take at least one month, found \(value)", hint: "durations are whole months ≥ 1")
            return nil
        }
        return read.integer(node, path, in: 1...1200, what: "a duration in months")
    }

    private func resourceLoads(_ node: Node, _ path: String, known: Set<String>) -> [ResourceLoad] {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(node, path, "expected a mapping of resource id to load, e.g. {wg-review: 1}")
            return []
        }
        var loads: [ResourceLoad] = []
        for (keyNode, value) in mapping {
            let id = keyNode.string ?? ""
            guard known.contains(id) else {
                let hint = closest(to: id, among: known.sorted()).map { "did you mean '\($0)'?" } ?? "declare it under `resources:`"
                diagnostics.report(keyNode, "\(path).\(id)", "unknown resource '\(id)'", hint: hint)
                continue
            }
            if let amount = read.integer(value, "\(path).\(id)", in: InputLimits.load, what: "a load (a whole number ≥ 0)") {
                loads.append(ResourceLoad(resource: ResourceID(id), amount: amount))
            }
        }
        return loads
    }

    // MARK: standards

    struct ParsedDependency {
        var predecessor: String
        var predecessorPhase: String?
        var successorPhase: String?
        var lag: Int
        var node: Node
        var path: String
        /// The `standard:` and `phase:` values, so problems with them point at their own lines.
        var standardNode: Node?
        var phaseNode: Node?
    }

    struct ParsedStandard {
        var id: String?
        var node: Node
        var idNode: Node?
        var path: String
        var standard: Standard?
        var after: [ParsedDependency]
        var phaseIDs: [String]
    }

    func standards(_ node: Node, context: StandardContext) -> [ParsedStandard] {
        guard let items = read.sequence(node, "standards") else { return [] }
        var parsed: [ParsedStandard] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            var entry = standard(item, "standards[\(index)]", context: context)
            if let id = entry.id {
                if let first = seen[id] {
                    diagnostics.report(entry.idNode, "\(entry.path).id", "duplicate standard id '\(id)' (also standards[\(first)])", hint: "give each standard its own id")
                    entry.standard = nil
                    entry.id = nil
                } else {
                    seen[id] = index
                }
            }
            parsed.append(entry)
        }
        return parsed
    }

    private func standard(_ node: Node, _ path: String, context: StandardContext) -> ParsedStandard {
        var result = ParsedStandard(id: nil, node: node, idNode: nil, path: path, standard: nil, after: [], phaseIDs: context.lifeCycle.map(\.id.rawValue))
        guard let entries = read.mapping(node, path, allowed: Self.standardKeys) else { return result }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        let problemsBefore = diagnostics.problems.count
        let id = field(values, "id", path, node).flatMap { read.identifier($0, "\(path).id") }
        result.id = id
        result.idNode = values["id"]
        let name = field(values, "name", path, node).flatMap { read.string($0, "\(path).name") }
        let category = field(values, "category", path, node).flatMap { self.category($0, "\(path).category", among: context.categories) }

        // Kind of work: a revision goes through the revision life cycle, then its own overrides.
        let kind = workKind(values, path, node)
        var lifeCycle = context.lifeCycle
        if case .revision = kind, let revision = context.revisionLifeCycle { lifeCycle = revision }
        var phases = lifeCycle
        if let overrides = values["phases"] {
            phases = applyOverrides(overrides, "\(path).phases", to: lifeCycle, resources: context.resources, calendars: context.calendars)
        }

        let status = self.status(values, path, node, phases: phases, planStart: context.planStart)
        // Open work needs an urgency, a target and a lead unit; judged by the status written, so a
        // published standard whose month is wrong is not also asked for an urgency.
        let statusText = values["status"].flatMap { node -> String? in
            if case .scalar(let scalar) = node { return scalar.string }
            return nil
        } ?? "planned"
        let isOpen = !["published", "cancelled", "superseded"].contains(statusText)

        let urgencyNode = isOpen ? field(values, "urgency", path, node, hint: "give the urgency in stars, 1 to 5") : values["urgency"]
        let urgency = urgencyNode.flatMap { read.integer($0, "\(path).urgency", in: 1...5, what: "an urgency (1 to 5 stars)") }
        let targetNode = isOpen ? field(values, "target_year", path, node, hint: "give the year by whose end it should be published") : values["target_year"]
        let targetYear = targetNode.flatMap { read.integer($0, "\(path).target_year", in: 1900...2200, what: "a year") }
        var targetSource = TargetSource.plan
        if let node = values["target_source"], let text = read.string(node, "\(path).target_source") {
            if let source = TargetSource(rawValue: text) { targetSource = source } else {
                diagnostics.report(node, "\(path).target_source", "unknown target source '\(text)'",
                                   hint: "`plan` when the programme's plan states the year, `assumed` when this scenario assumes it")
            }
        }

        let checkedUnits = leadUnits(values, path, node, required: isOpen, known: context.units)
        let earliest = values["earliest_start"].flatMap { read.month($0, "\(path).earliest_start") }
        let reference = values["reference"].flatMap { read.string($0, "\(path).reference") }
        let hardDeadline = values["hard_deadline"].flatMap { read.boolean($0, "\(path).hard_deadline") } ?? false
        if hardDeadline, targetYear == nil, values["target_year"] == nil {
            diagnostics.report(values["hard_deadline"], "\(path).hard_deadline", "a hard deadline needs a target year", hint: "add `target_year:` or remove `hard_deadline`")
        }
        if let afterNode = values["after"] { result.after = dependencies(afterNode, "\(path).after", phases: phases) }

        guard diagnostics.problems.count == problemsBefore, let id, let name, let category, let status else { return result }
        var standard = Standard(
            id: StandardID(id), name: name, category: category, urgency: urgency ?? 1, targetYear: targetYear,
            status: status, earliestStart: earliest, leadUnits: checkedUnits, phases: phases, reference: reference,
            hardDeadline: hardDeadline)
        standard.kind = kind
        standard.targetSource = targetSource
        result.standard = standard
        result.phaseIDs = phases.map(\.id.rawValue)
        return result
    }

    /// `kind: new | revision` with `revises:` naming the standard revised.
    private func workKind(_ values: [String: Node], _ path: String, _ node: Node) -> WorkKind {
        let text = values["kind"].flatMap { read.string($0, "\(path).kind") } ?? "new"
        switch text {
        case "new":
            if values["revises"] != nil {
                diagnostics.report(values["revises"], "\(path).revises", "'revises' only applies to `kind: revision`", hint: "set `kind: revision` or remove 'revises'")
            }
            return .new
        case "revision":
            let revised = field(values, "revises", path, node, hint: "name the standard it revises, e.g. `revises: JR/T 0059-2010`")
                .flatMap { read.string($0, "\(path).revises") }
            return .revision(of: revised ?? "")
        default:
            diagnostics.report(values["kind"], "\(path).kind", "unknown kind '\(text)'", hint: "use `new` (制定) or `revision` (修订)")
            return .new
        }
    }

    /// The status with its own keys: `in_progress` (`current_phase`, `since`), `published`
    /// (`published`), `deferred` (`until`), `cancelled`, `superseded` (`by`). Nil after a problem.
    private func status(_ values: [String: Node], _ path: String, _ node: Node, phases: [Phase], planStart: Month?) -> StandardStatus? {
        let statuses = ["planned", "in_progress", "published", "deferred", "cancelled", "superseded"]
        var statusText = "planned"
        if let statusNode = values["status"], let text = read.string(statusNode, "\(path).status") {
            statusText = text
            if !statuses.contains(text) {
                diagnostics.report(statusNode, "\(path).status", "unknown status '\(text)'", hint: "use one of: " + statuses.joined(separator: ", "))
                return nil
            }
        }
        let ownKeys: [String: [String]] = [
            "in_progress": ["current_phase", "since"], "published": ["published"], "deferred": ["until"], "superseded": ["by"],
        ]
        for (owner, keys) in ownKeys where owner != statusText {
            for key in keys where values[key] != nil {
                diagnostics.report(values[key], "\(path).\(key)", "'\(key)' only applies to `status: \(owner)`", hint: "set `status: \(owner)` or remove '\(key)'")
            }
        }
        switch statusText {
        case "published":
            guard let month = field(values, "published", path, node, hint: "give the publication month, e.g. `published: 2022-04`")
                .flatMap({ read.month($0, "\(path).published") }) else { return nil }
            if let planStart, month > planStart {
                diagnostics.report(values["published"], "\(path).published", "published \(month), after plan_start \(planStart)",
                                   hint: "at plan_start it is not finished: describe it as in_progress or planned")
            }
            return .published(month)
        case "in_progress":
            let phaseNode = field(values, "current_phase", path, node, hint: "name the phase being worked on, e.g. `current_phase: drafting`")
            let phase = phaseNode.flatMap { read.identifier($0, "\(path).current_phase") }
            let since = field(values, "since", path, node, hint: "give the month that phase started, e.g. `since: 2021-06`")
                .flatMap { read.month($0, "\(path).since") }
            guard let phase, let since else { return nil }
            guard phases.contains(where: { $0.id.rawValue == phase }) else {
                diagnostics.report(phaseNode, "\(path).current_phase", "unknown phase '\(phase)'",
                                   hint: "use one of: \(phases.map(\.id.rawValue).joined(separator: ", "))")
                return nil
            }
            if let planStart, since > planStart {
                diagnostics.report(values["since"], "\(path).since", "since \(since) is after plan_start \(planStart)",
                                   hint: "progress describes the state at plan_start: the phase must have started by then")
            }
            return .inProgress(phase: PhaseID(phase), since: since)
        case "deferred":
            guard let until = field(values, "until", path, node, hint: "give the month work may resume, e.g. `until: 2024-01`")
                .flatMap({ read.month($0, "\(path).until") }) else { return nil }
            return .deferred(until: until)
        case "cancelled":
            return .cancelled
        case "superseded":
            guard let by = field(values, "by", path, node, hint: "name what supersedes it: a standard id or a number, e.g. `by: JR/T 0271—2023`")
                .flatMap({ read.string($0, "\(path).by") }) else { return nil }
            return .superseded(by: by)
        default:
            return .planned
        }
    }

    /// `lead_unit` or `lead_units`, checked against the declared units.
    private func leadUnits(_ values: [String: Node], _ path: String, _ node: Node, required: Bool, known units: Set<String>) -> [UnitID] {
        var leadUnits: [(unit: String, node: Node, path: String)] = []
        if values["lead_unit"] != nil, values["lead_units"] != nil {
            diagnostics.report(values["lead_units"], "\(path).lead_units", "both lead_unit and lead_units given", hint: "use lead_unit for a fixed unit or lead_units for candidates, not both")
        } else if let single = values["lead_unit"] {
            if let unit = read.identifier(single, "\(path).lead_unit") { leadUnits = [(unit, single, "\(path).lead_unit")] }
        } else if let list = values["lead_units"] {
            if let items = read.sequence(list, "\(path).lead_units") {
                for (k, item) in items.enumerated() {
                    if let unit = read.identifier(item, "\(path).lead_units[\(k)]") { leadUnits.append((unit, item, "\(path).lead_units[\(k)]")) }
                }
                if items.isEmpty { diagnostics.report(list, "\(path).lead_units", "no candidate lead units", hint: "list at least one unit") }
            }
        } else if required {
            diagnostics.report(node, "\(path).lead_unit", "missing lead unit", hint: "add `lead_unit: ID` or `lead_units: [ID, ID]` naming units declared under `units:`")
        }
        var checkedUnits: [UnitID] = []
        for (unit, unitNode, unitPath) in leadUnits {
            if !units.contains(unit) {
                let hint = closest(to: unit, among: units.sorted()).map { "did you mean '\($0)'?" } ?? "declare it under `units:`"
                diagnostics.report(unitNode, unitPath, "unknown unit '\(unit)'", hint: hint)
            } else if checkedUnits.contains(UnitID(unit)) {
                diagnostics.report(unitNode, unitPath, "unit '\(unit)' listed twice", hint: "list each candidate once")
            } else {
                checkedUnits.append(UnitID(unit))
            }
        }
        return checkedUnits
    }

    /// The `after` entries of a standard with these phases.
    private func dependencies(_ afterNode: Node, _ path: String, phases: [Phase]) -> [ParsedDependency] {
        guard let items = read.sequence(afterNode, path) else { return [] }
        var result: [ParsedDependency] = []
        for (k, item) in items.enumerated() {
            let depPath = "\(path)[\(k)]"
            guard let depEntries = read.mapping(item, depPath, allowed: Self.dependencyKeys) else { continue }
            var dv: [String: Node] = [:]
            for entry in depEntries { dv[entry.key] = entry.value }
            guard let predecessor = field(dv, "standard", depPath, item, hint: "name the standard this one waits for")
                .flatMap({ read.identifier($0, "\(depPath).standard") }) else { continue }
            let predecessorPhase = dv["phase"].flatMap { read.identifier($0, "\(depPath).phase") }
            let successorPhase = dv["starts"].flatMap { read.identifier($0, "\(depPath).starts") }
            if let successorPhase, !phases.contains(where: { $0.id.rawValue == successorPhase }) {
                diagnostics.report(dv["starts"], "\(depPath).starts", "unknown phase '\(successorPhase)'",
                                   hint: "use one of: \(phases.map(\.id.rawValue).joined(separator: ", "))")
            }
            let lag = dv["lag"].map { read.integer($0, "\(depPath).lag", in: 0...1200, what: "a lag in months (≥ 0)") } ?? 0
            if let lag {
                result.append(ParsedDependency(predecessor: predecessor, predecessorPhase: predecessorPhase,
                                               successorPhase: successorPhase, lag: lag, node: item, path: depPath,
                                               standardNode: dv["standard"], phaseNode: dv["phase"]))
            }
        }
        return result
    }

    func applyOverrides(_ node: Node, _ path: String, to lifeCycle: [Phase], resources: Set<String>, calendars: Set<String> = []) -> [Phase] {
        guard case .mapping(let mapping) = node else {
            diagnostics.report(node, path, "expected a mapping of phase id to overrides, e.g. {drafting: {months: 10}}")
            return lifeCycle
        }
        var phases = lifeCycle
        for (keyNode, value) in mapping {
            let phaseID = keyNode.string ?? ""
            let phasePath = "\(path).\(phaseID)"
            guard let index = phases.firstIndex(where: { $0.id.rawValue == phaseID }) else {
                let hint = closest(to: phaseID, among: lifeCycle.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                    ?? "phases of the life cycle: \(lifeCycle.map(\.id.rawValue).joined(separator: ", "))"
                diagnostics.report(keyNode, phasePath, "unknown phase '\(phaseID)'", hint: hint)
                continue
            }
            guard let entries = read.mapping(value, phasePath, allowed: ["name", "months", "unit_load", "resources"] + Self.phaseProcessKeys)
            else { continue }
            var given: [String: Node] = [:]
            for entry in entries { given[entry.key] = entry.value }
            applyProcessKeys(given, phasePath, to: &phases[index], calendars: calendars)
            for (key, _, item) in entries where !Self.phaseProcessKeys.contains(key) {
                switch key {
                case "name": if let name = read.string(item, "\(phasePath).name") { phases[index].name = name }
                case "months": if let months = monthsValue(item, "\(phasePath).months") { phases[index].months = months }
                case "unit_load":
                    if let load = read.integer(item, "\(phasePath).unit_load", in: InputLimits.load, what: "a load (a whole number ≥ 0)") {
                        phases[index].unitLoad = load
                    }
                default:
                    let loads = resourceLoads(item, "\(phasePath).resources", known: resources)
                    phases[index].resourceLoads = loads.sorted { $0.resource < $1.resource }
                }
            }
        }
        return phases
    }

    // MARK: dependencies

    /// Checks and resolves the `after` entries of `standards`; `known` lists standards declared
    /// elsewhere (the base of a what-if overlay) with their phase ids.
    func resolveDependencies(_ standards: [ParsedStandard], known: [String: [String]] = [:]) -> [Dependency] {
        var byID: [String: [String]] = known
        for standard in standards { if let id = standard.id, byID[id] == nil { byID[id] = standard.phaseIDs } }
        var dependencies: [Dependency] = []
        var edgeNodes: [String: [String: ParsedDependency]] = [:]
        for standard in standards {
            guard let id = standard.id else { continue }
            for dependency in standard.after {
                guard let predecessorPhases = byID[dependency.predecessor] else {
                    let hint = closest(to: dependency.predecessor, among: byID.keys.sorted()).map { "did you mean '\($0)'?" }
                        ?? "name a standard declared under `standards:`"
                    diagnostics.report(dependency.standardNode ?? dependency.node, "\(dependency.path).standard", "unknown standard '\(dependency.predecessor)'", hint: hint)
                    continue
                }
                if dependency.predecessor == id {
                    diagnostics.report(dependency.standardNode ?? dependency.node, "\(dependency.path).standard", "'\(id)' depends on itself", hint: "remove this entry")
                    continue
                }
                if let phase = dependency.predecessorPhase, !predecessorPhases.contains(phase) {
                    diagnostics.report(dependency.phaseNode ?? dependency.node, "\(dependency.path).phase", "'\(dependency.predecessor)' has no phase '\(phase)'",
                                       hint: "use one of: \(predecessorPhases.joined(separator: ", "))")
                    continue
                }
                edgeNodes[dependency.predecessor, default: [:]][id] = dependency
                let predecessorPhase: PhaseID? = dependency.predecessorPhase.map { PhaseID($0) }
                let successorPhase: PhaseID? = dependency.successorPhase.map { PhaseID($0) }
                dependencies.append(Dependency(
                    predecessor: StandardID(dependency.predecessor), predecessorPhase: predecessorPhase,
                    successor: StandardID(id), successorPhase: successorPhase, lag: dependency.lag))
            }
        }
        // Cycles: checked on the ids alone, so a cycle is found even where a standard had other problems.
        let ids = standards.compactMap(\.id) + known.keys.sorted()
        let stub = Portfolio(
            name: "", planStart: Month(index: 0), horizonEnd: Month(index: 0), units: [], resources: [],
            standards: ids.map { Standard(id: StandardID($0), name: "", category: .operations, urgency: 1, targetYear: nil, leadUnits: [], phases: []) },
            dependencies: dependencies)
        if let cycle = DependencyGraph(stub).cycle() {
            let closing = edgeNodes[cycle[cycle.count - 2].rawValue]?[cycle[cycle.count - 1].rawValue]
            let lines = zip(cycle, cycle.dropFirst()).compactMap { pair -> String? in
                guard let edge = edgeNodes[pair.0.rawValue]?[pair.1.rawValue], let line = edge.node.mark?.line else { return nil }
                return "line \(line)"
            }
            diagnostics.report(
                closing?.node, closing?.path ?? "standards", "dependency cycle: " + cycle.map(\.rawValue).joined(separator: " → "),
                hint: "a standard cannot wait for itself; remove one of these `after` entries (\(lines.joined(separator: ", ")))")
        }
        return dependencies
    }

    // MARK: helpers

    func field(_ values: [String: Node], _ key: String, _ path: String, _ owner: Node, hint: String? = nil) -> Node? {
        if let node = values[key] { return node }
        diagnostics.report(owner, "\(path).\(key)", "missing required key '\(key)'", hint: hint)
        return nil
    }
}
