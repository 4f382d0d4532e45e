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
    private static let entryKeys = ["id", "status", "current_phase", "since", "published", "until", "by", "reference", "lead_unit", "source"]
    private static let statuses = ["not_started", "in_progress", "published", "deferred", "cancelled", "superseded"]
    /// The keys only one status takes.
    private static let ownKeys: [(status: String, keys: [String])] = [
        ("in_progress", ["current_phase", "since"]), ("published", ["published"]), ("deferred", ["until"]), ("superseded", ["by"]),
    ]
    private static let statusHint = "use not_started, in_progress, published, deferred (with `until`), cancelled or superseded (with `by`)"

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
                                   hint: "add an entry for each, with `status: not_started`, `in_progress`, `published`, `deferred`, `cancelled` or `superseded`; mark what a source shows with `source: fact`")
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
            diagnostics.report(node, "\(path).status", "missing required key 'status'", hint: Self.statusHint)
            return (standard.id, nil)
        }
        guard let statusText = read.string(statusNode, "\(path).status") else { return (standard.id, nil) }
        guard Self.statuses.contains(statusText) else {
            let hint = statusText == "planned" ? "a status file says `not_started` for work that has not begun" : Self.statusHint
            diagnostics.report(statusNode, "\(path).status", "unknown status '\(statusText)'", hint: hint)
            return (standard.id, nil)
        }
        for (owner, keys) in Self.ownKeys where owner != statusText {
            for key in keys where values[key] != nil {
                diagnostics.report(values[key], "\(path).\(key)", "'\(key)' only applies to `status: \(owner)`", hint: "set `status: \(owner)` or remove '\(key)'")
            }
        }
        let status = self.status(statusText, values, node, path, standard, asOf: asOf)
        if let status { checkAgainstScenario(status, statusNode, path, standard) }

        var leadUnit: UnitID?
        if let unitNode = values["lead_unit"], let unit = read.identifier(unitNode, "\(path).lead_unit") {
            if portfolio.unit(UnitID(unit)) == nil {
                let hint = closest(to: unit, among: portfolio.units.map(\.id.rawValue).sorted()).map { "did you mean '\($0)'?" } ?? "declare it under `units:` in the scenario"
                diagnostics.report(unitNode, "\(path).lead_unit", "unknown unit '\(unit)'", hint: hint)
            } else if ["cancelled", "superseded"].contains(statusText) {
                diagnostics.report(unitNode, "\(path).lead_unit", "'lead_unit' does not apply to `status: \(statusText)`: withdrawn work has no lead unit",
                                   hint: "remove 'lead_unit'", code: .conflictingKeys)
            } else {
                leadUnit = UnitID(unit)
            }
        }
        let reference = values["reference"].flatMap { read.string($0, "\(path).reference") }
        let source = values["source"].flatMap { self.source($0, "\(path).source") } ?? .assumption
        guard diagnostics.problems.count == before, let status else { return (standard.id, nil) }
        return (standard.id, StatusEntry(standard: standard.id, status: status, leadUnit: leadUnit, reference: reference, source: source))
    }

    /// The status `statusText` with its own keys; nil after a problem.
    private func status(_ statusText: String, _ values: [String: Node], _ node: Node, _ path: String, _ standard: Standard, asOf: Month?) -> StandardStatus? {
        switch statusText {
        case "published": return published(values, node, path, standard, asOf: asOf)
        case "in_progress": return inProgress(values, node, path, standard, asOf: asOf)
        case "deferred": return deferred(values, node, path, asOf: asOf)
        case "cancelled": return .cancelled
        case "superseded": return superseded(values, node, path, standard)
        default: return .planned
        }
    }

    /// Problems of a status that contradicts where the scenario has the standard at its plan start.
    private func checkAgainstScenario(_ status: StandardStatus, _ statusNode: Node, _ path: String, _ standard: Standard) {
        let id = standard.id.rawValue
        switch (standard.status, status) {
        case (.inProgress(let phase, let since), .planned), (.inProgress(let phase, let since), .deferred):
            // The model defers only work not yet begun: a deferred standard starts its life cycle afresh.
            diagnostics.report(statusNode, "\(path).status", "\(id) cannot be \(status == .planned ? "not started" : "deferred"): the scenario has it in \(phase) since \(since)",
                               hint: "give the phase it is in now (`status: in_progress`, `current_phase`, `since`), `status: published` or `status: cancelled`",
                               code: .factContradictsScenario)
        case (.published(let month), _) where status != .published(month):
            diagnostics.report(statusNode, "\(path).status", "\(id) was published \(month) according to the scenario",
                               hint: "write `status: published` and `published: \(month)`, or leave the standard out")
        case (.cancelled, _) where status != .cancelled, (.superseded, _) where status != standard.status:
            diagnostics.report(statusNode, "\(path).status", "\(id) is \(standard.status.key) in the scenario: withdrawn work does not come back",
                               hint: "leave the standard out, or change its status in the scenario", code: .factContradictsScenario)
        default:
            break
        }
    }

    /// `source: fact | assumption`.
    private func source(_ node: Node, _ path: String) -> StatusSource? {
        guard let text = read.string(node, path) else { return nil }
        guard let source = StatusSource(rawValue: text) else {
            diagnostics.report(node, path, "unknown source '\(text)'",
                               hint: "`fact` when a public source shows it (an announcement, a posted draft), `assumption` (the default) otherwise")
            return nil
        }
        return source
    }

    private func deferred(_ values: [String: Node], _ node: Node, _ path: String, asOf: Month?) -> StandardStatus? {
        guard let monthNode = values["until"] else {
            diagnostics.report(node, "\(path).until", "missing required key 'until'", hint: "give the month work may start, e.g. `until: 2026-06`")
            return nil
        }
        guard let until = read.month(monthNode, "\(path).until") else { return nil }
        if let asOf, until <= asOf {
            diagnostics.report(monthNode, "\(path).until", "until \(until) is not after as_of \(asOf)",
                               hint: "a deferral that has ended by the status date is `status: not_started`; give a later month", code: .dateOrder)
        }
        return .deferred(until: until)
    }

    private func superseded(_ values: [String: Node], _ node: Node, _ path: String, _ standard: Standard) -> StandardStatus? {
        guard let byNode = values["by"] else {
            diagnostics.report(node, "\(path).by", "missing required key 'by'",
                               hint: "name what supersedes it: a standard id of the scenario or a number, e.g. `by: JR/T 0271—2023`")
            return nil
        }
        guard let by = read.string(byNode, "\(path).by") else { return nil }
        if by == standard.id.rawValue {
            diagnostics.report(byNode, "\(path).by", "\(by) cannot supersede itself", hint: "name the standard that replaces it")
            return nil
        }
        // A bare id that is not in the scenario is most likely a typo (numbers such as
        // JR/T 0271—2023 carry a slash or a space).
        let looksLikeID = by.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0))) || $0 == "-" }
        if looksLikeID, portfolio.standard(StandardID(by)) == nil {
            let suggestion = closest(to: by, among: portfolio.standards.map(\.id.rawValue).sorted()).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.report(byNode, "\(path).by", "unknown standard '\(by)'",
                               hint: suggestion + "name a standard of the scenario, or give the superseding standard's number, e.g. JR/T 0271—2023")
            return nil
        }
        return .superseded(by: by)
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
