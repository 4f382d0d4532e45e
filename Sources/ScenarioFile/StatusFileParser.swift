import PlanModel
import Yams

/// Turns a status file's YAML tree into a ``StatusSnapshot``, checking it against the scenario
/// it describes: known standards, phases and units, dates not after the status date, and no
/// standard going back behind where the scenario already had it.
struct StatusFileParser {
    let diagnostics: Diagnostics
    let portfolio: Portfolio
    /// Where the scenario declares its dependencies and facts, to name its lines in messages.
    var locations = SourceLocations()
    var read: NodeReader { NodeReader(diagnostics: diagnostics) }

    private static let topKeys = ["format", "as_of", "horizon_end", "standards"]
    private static let entryKeys = ["id", "status", "current_phase", "since", "published", "reference", "lead_unit"]
    private static let statuses = ["not_started", "in_progress", "published"]

    func snapshot(from root: Node) -> StatusSnapshot? {
        guard let entries = read.mapping(root, "", allowed: Self.topKeys) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        func required(_ key: String, hint: String) -> Node? {
            if let node = values[key] { return node }
            diagnostics.report(line: 1, column: 1, key, "missing required key '\(key)'", hint: hint)
            return nil
        }
        if let node = required("format", hint: "add `format: 1` at the top") {
            if case .scalar(let scalar) = node, scalar.string == "1" {
            } else {
                diagnostics.report(node, "format", "unsupported format \(read.describe(node))", hint: "this stdplan reads status files of `format: 1`")
            }
        }
        let asOf = required("as_of", hint: "add `as_of: YYYY-MM`, the month the status describes").flatMap { read.month($0, "as_of") }
        if let asOf, asOf < portfolio.planStart {
            diagnostics.report(values["as_of"], "as_of", "as_of \(asOf) is before the scenario's plan_start \(portfolio.planStart)",
                               hint: "a status reports progress since the plan started; give a later month")
        }
        let horizon = values["horizon_end"].flatMap { read.month($0, "horizon_end") }
        if let horizon, let asOf, horizon < asOf {
            diagnostics.report(values["horizon_end"], "horizon_end", "horizon_end \(horizon) is before as_of \(asOf)",
                               hint: "the re-plan runs from as_of to horizon_end; choose a later month")
        }
        var statusEntries: [StatusEntry] = []
        if let node = required("standards", hint: "list every standard not published in the scenario, with its status"),
           let items = read.sequence(node, "standards") {
            var seen: [String: Int] = [:]
            var entryNodes: [StandardID: (node: Node, path: String)] = [:]
            for (index, item) in items.enumerated() {
                let path = "standards[\(index)]"
                let (known, entry) = self.entry(item, path, asOf: asOf)
                // A known id counts as described even when its entry has other problems (already
                // reported), so it is not reported as missing as well.
                guard let id = known?.rawValue else { continue }
                if let first = seen[id] {
                    diagnostics.report(item, "\(path).id", "second status for '\(id)' (also standards[\(first)])", hint: "give each standard one status")
                    continue
                }
                seen[id] = index
                entryNodes[StandardID(id)] = (item, path)
                if let entry { statusEntries.append(entry) }
            }
            if diagnostics.problems.isEmpty { checkDependencies(statusEntries, entryNodes) }
            let missing = portfolio.standards.filter { $0.isOpen && seen[$0.id.rawValue] == nil }.map(\.id.rawValue)
            if !missing.isEmpty {
                diagnostics.report(node, "standards", "no status for \(missing.count) open standard\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", "))",
                                   hint: "add an entry for each, with `status: not_started`, `in_progress` or `published`; mark guesses as assumptions in a comment")
            }
        }
        guard let asOf else { return nil }
        return StatusSnapshot(asOf: asOf, horizonEnd: horizon, entries: statusEntries)
    }

    /// Facts of the file (with the scenario's for the standards it leaves out) that contradict a
    /// dependency of the scenario, reported at the status file's entry with the scenario's line.
    private func checkDependencies(_ entries: [StatusEntry], _ nodes: [StandardID: (node: Node, path: String)]) {
        var facts = portfolio
        for entry in entries {
            if let s = facts.standards.firstIndex(where: { $0.id == entry.standard }) { facts.standards[s].status = entry.status }
        }
        for conflict in FactDependencyCheck.conflicts(in: facts) {
            let successor = facts.standards[conflict.successor].id, predecessor = facts.standards[conflict.predecessor].id
            guard let (node, path) = nodes[successor] ?? nodes[predecessor] else { continue }
            var places: [String] = []
            if let location = locations.dependencies[conflict.dependency] { places.append("the scenario declares the dependency at \(location)") }
            if nodes[successor] != nil, let other = nodes[predecessor]?.node.mark?.line {
                places.append("\(predecessor)'s status is at line \(other)")
            } else if nodes[predecessor] == nil, let location = locations.facts[predecessor] {
                places.append("\(predecessor)'s status is the scenario's, at \(location)")
            }
            diagnostics.report(node, "\(path).status", conflict.message,
                               hint: (places.isEmpty ? "" : places.joined(separator: "; ") + "; ")
                                   + "correct the status, or remove the dependency from the scenario if the work really went ahead",
                               code: .factContradictsDependency)
        }
    }

    /// The entry at `node`, and the id of the scenario standard it names (nil if none), so the
    /// caller knows which standards are described even when an entry has problems.
    private func entry(_ node: Node, _ path: String, asOf: Month?) -> (StandardID?, StatusEntry?) {
        guard let entries = read.mapping(node, path, allowed: Self.entryKeys) else { return (nil, nil) }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        let before = diagnostics.problems.count
        guard let idNode = values["id"] else {
            diagnostics.report(node, "\(path).id", "missing required key 'id'", hint: "name the standard by its id in the scenario")
            return (nil, nil)
        }
        guard let id = read.identifier(idNode, "\(path).id") else { return (nil, nil) }
        guard let standard = portfolio.standard(StandardID(id)) else {
            let hint = closest(to: id, among: portfolio.standards.map(\.id.rawValue).sorted()).map { "did you mean '\($0)'?" }
                ?? "name a standard of the scenario"
            diagnostics.report(idNode, "\(path).id", "unknown standard '\(id)'", hint: hint)
            return (nil, nil)
        }
        guard let statusNode = values["status"] else {
            diagnostics.report(node, "\(path).status", "missing required key 'status'", hint: "use not_started, in_progress or published")
            return (standard.id, nil)
        }
        guard let statusText = read.string(statusNode, "\(path).status") else { return (standard.id, nil) }
        guard Self.statuses.contains(statusText) else {
            let hint = statusText == "planned" ? "a status file says `not_started` for work that has not begun" : "use not_started, in_progress or published"
            diagnostics.report(statusNode, "\(path).status", "unknown status '\(statusText)'", hint: hint)
            return (standard.id, nil)
        }
        for key in ["current_phase", "since"] where statusText != "in_progress" && values[key] != nil {
            diagnostics.report(values[key], "\(path).\(key)", "'\(key)' only applies to `status: in_progress`", hint: "set `status: in_progress` or remove '\(key)'")
        }
        if statusText != "published", values["published"] != nil {
            diagnostics.report(values["published"], "\(path).published", "'published' only applies to `status: published`", hint: "set `status: published` or remove 'published'")
        }

        let status: StandardStatus?
        switch statusText {
        case "published":
            status = published(values, node, path, standard, asOf: asOf)
        case "in_progress":
            status = inProgress(values, node, path, standard, asOf: asOf)
        default:
            status = .planned
            if case .inProgress(let phase, let since) = standard.status {
                diagnostics.report(statusNode, "\(path).status", "\(id) cannot be not started: the scenario has it in \(phase) since \(since)",
                                   hint: "give the phase it is in now (`status: in_progress`, `current_phase`, `since`) or `status: published`")
            }
        }
        if case .published(let month) = standard.status, let status, status != .published(month) {
            diagnostics.report(statusNode, "\(path).status", "\(id) was published \(month) according to the scenario",
                               hint: "write `status: published` and `published: \(month)`, or leave the standard out")
        }

        var leadUnit: UnitID?
        if let unitNode = values["lead_unit"], let unit = read.identifier(unitNode, "\(path).lead_unit") {
            if portfolio.unit(UnitID(unit)) == nil {
                let hint = closest(to: unit, among: portfolio.units.map(\.id.rawValue).sorted()).map { "did you mean '\($0)'?" } ?? "declare it under `units:` in the scenario"
                diagnostics.report(unitNode, "\(path).lead_unit", "unknown unit '\(unit)'", hint: hint)
            } else {
                leadUnit = UnitID(unit)
            }
        }
        let reference = values["reference"].flatMap { read.string($0, "\(path).reference") }
        guard diagnostics.problems.count == before, let status else { return (standard.id, nil) }
        return (standard.id, StatusEntry(standard: standard.id, status: status, leadUnit: leadUnit, reference: reference))
    }

    private func published(_ values: [String: Node], _ node: Node, _ path: String, _ standard: Standard, asOf: Month?) -> StandardStatus? {
        guard let monthNode = values["published"] else {
            diagnostics.report(node, "\(path).published", "missing required key 'published'", hint: "give the publication month, e.g. `published: 2022-04`")
            return nil
        }
        guard let month = read.month(monthNode, "\(path).published") else { return nil }
        if let asOf, month > asOf {
            diagnostics.report(monthNode, "\(path).published", "published \(month), after as_of \(asOf)",
                               hint: "a status only records what has happened by as_of")
        }
        switch standard.status {
        case .planned where month < portfolio.planStart:
            diagnostics.report(monthNode, "\(path).published", "published \(month), before the scenario's plan_start \(portfolio.planStart), where it had not started",
                               hint: "check the month, or describe the standard as published in the scenario")
        case .inProgress(let phase, let since) where month < since:
            diagnostics.report(monthNode, "\(path).published", "published \(month), before the scenario has it in \(phase) since \(since)",
                               hint: "check the month")
        default:
            break
        }
        return .published(month)
    }

    private func inProgress(_ values: [String: Node], _ node: Node, _ path: String, _ standard: Standard, asOf: Month?) -> StandardStatus? {
        var phase: String?
        if let phaseNode = values["current_phase"] {
            if let text = read.identifier(phaseNode, "\(path).current_phase") {
                if standard.phases.contains(where: { $0.id.rawValue == text }) {
                    phase = text
                } else {
                    diagnostics.report(phaseNode, "\(path).current_phase", "unknown phase '\(text)'",
                                       hint: "use one of: \(standard.phases.map(\.id.rawValue).joined(separator: ", "))")
                }
            }
        } else {
            diagnostics.report(node, "\(path).current_phase", "missing required key 'current_phase'", hint: "name the phase being worked on, e.g. `current_phase: drafting`")
        }
        var since: Month?
        if let sinceNode = values["since"] {
            since = read.month(sinceNode, "\(path).since")
            if let month = since, let asOf, month > asOf {
                diagnostics.report(sinceNode, "\(path).since", "since \(month) is after as_of \(asOf)", hint: "the phase must have started by the status date")
            }
        } else {
            diagnostics.report(node, "\(path).since", "missing required key 'since'", hint: "give the month the phase started, e.g. `since: 2024-03`")
        }
        guard let phase, let since else { return nil }
        let index = standard.phases.firstIndex { $0.id.rawValue == phase } ?? 0
        switch standard.status {
        case .planned where since < portfolio.planStart:
            diagnostics.report(values["since"], "\(path).since", "since \(since) is before the scenario's plan_start \(portfolio.planStart), where it had not started",
                               hint: "check the month, or describe the standard as in progress in the scenario")
        case .inProgress(let current, let started):
            let currentIndex = standard.phases.firstIndex { $0.id == current } ?? 0
            if index < currentIndex {
                diagnostics.report(values["current_phase"], "\(path).current_phase", "\(phase) comes before \(current), the phase the scenario has it in since \(started)",
                                   hint: "a standard does not go back in its life cycle; give its current phase")
            } else if index > currentIndex, since < started {
                diagnostics.report(values["since"], "\(path).since", "since \(since) is before \(current) started (\(started)) according to the scenario",
                                   hint: "a later phase starts after the earlier one; check the month")
            }
        default:
            break
        }
        return .inProgress(phase: PhaseID(phase), since: since)
    }
}
