import PlanModel
import Yams

/// Applies one named change of a what-if overlay to a portfolio, reporting what does not fit.
struct ChangeApplier {
    let loader: OverlayLoader
    var portfolio: Portfolio
    let lifeCycle: [Phase]
    /// The root scenario's revision life cycle, for added revisions (nil: revisions use `lifeCycle`).
    var revisionLifeCycle: [Phase]? = nil
    var read: NodeReader { loader.read }
    var diagnostics: Diagnostics { loader.diagnostics }

    /// Which standards (and phases) a change applies to: every given field must match.
    struct Scope {
        var standard: String?
        var category: Category?
        var phase: String?
        var urgency: Int?

        func matches(_ standard: Standard) -> Bool {
            (self.standard.map { $0 == standard.id.rawValue } ?? true)
                && (category.map { $0 == standard.category } ?? true)
                && (urgency.map { $0 == standard.urgency } ?? true)
        }

        var text: String {
            var parts: [String] = []
            if let standard { parts.append("standard \(standard)") }
            if let category { parts.append("category \(category.rawValue)") }
            if let urgency { parts.append("urgency \(urgency)") }
            if let phase { parts.append("phase \(phase)") }
            return parts.isEmpty ? "all standards" : parts.joined(separator: ", ")
        }
    }

    mutating func apply(_ node: Node, _ path: String, index: Int) -> ScenarioChange? {
        guard let entries = read.mapping(node, path, allowed: ["name", "note"] + OverlayLoader.actions) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        let name = values["name"].flatMap { read.string($0, "\(path).name") } ?? "change \(index + 1)"
        let actions = entries.filter { OverlayLoader.actions.contains($0.key) }
        guard actions.count == 1, let action = actions.first else {
            diagnostics.report(node, path, actions.isEmpty ? "the change does nothing" : "one change, one action: found \(actions.map(\.key).joined(separator: ", "))",
                               hint: "give exactly one of: \(OverlayLoader.actions.joined(separator: ", ")); split several into separate named changes")
            return nil
        }
        let actionPath = "\(path).\(action.key)"
        let before = diagnostics.problems.count
        let summary: String?
        switch action.key {
        case "capacity": summary = capacity(action.value, actionPath)
        case "scale_durations": summary = durations(action.value, actionPath, scale: true)
        case "set_duration": summary = durations(action.value, actionPath, scale: false)
        case "delay_start": summary = delayStart(action.value, actionPath)
        case "add_standards": summary = addStandards(action.value, actionPath)
        case "remove_standards": summary = removeStandards(action.value, actionPath)
        case "set_target_year": summary = setField(action.value, actionPath, key: "year")
        case "set_urgency": summary = setField(action.value, actionPath, key: "value")
        case "set_lead_units": summary = setLeadUnits(action.value, actionPath)
        case "add_dependencies": summary = addDependencies(action.value, actionPath)
        case "remove_dependencies": summary = removeDependencies(action.value, actionPath)
        default: summary = hardDeadlines(action.value, actionPath)
        }
        guard diagnostics.problems.count == before, let summary else { return nil }
        return ScenarioChange(name: name, summary: summary, file: loader.file, line: node.mark?.line)
    }

    // MARK: actions

    private mutating func capacity(_ node: Node, _ path: String) -> String? {
        guard let values = fields(node, path, allowed: ["unit", "resource", "value", "from", "until"]) else { return nil }
        let value = required(values, "value", path, node).flatMap { read.integer($0, "\(path).value", in: InputLimits.capacity, what: "a capacity (a whole number ≥ 0)") }
        let from = values["from"].flatMap { read.month($0, "\(path).from") }
        let until = values["until"].flatMap { read.month($0, "\(path).until") }
        if let from, let until, until < from {
            diagnostics.report(values["until"], "\(path).until", "until \(until) is before from \(from)")
            return nil
        }
        guard let value else { return nil }
        func reshape(_ profile: CapacityProfile) -> CapacityProfile {
            let start = from ?? Month(index: Int.min / 2)
            var changes = profile.changes.filter { $0.from < start }
            var initial = profile.initial
            if from == nil { initial = value } else { changes.append(.init(from: start, value: value)) }
            if let until {
                changes.append(.init(from: until + 1, value: profile.capacity(in: until + 1)))
                changes += profile.changes.filter { $0.from > until + 1 }
            }
            return CapacityProfile(initial: initial, changes: changes)
        }
        let window = (from.map { " from \($0)" } ?? "") + (until.map { " until \($0)" } ?? "")
        switch (values["unit"], values["resource"]) {
        case (let unitNode?, nil):
            guard let id = read.identifier(unitNode, "\(path).unit") else { return nil }
            guard let index = portfolio.units.firstIndex(where: { $0.id.rawValue == id }) else {
                unknown(unitNode, "\(path).unit", "unit", id, among: portfolio.units.map(\.id.rawValue))
                return nil
            }
            let old = portfolio.units[index].capacity
            portfolio.units[index].capacity = reshape(old)
            return "unit \(id) capacity \(old.initial) → \(value)\(window)"
        case (nil, let resourceNode?):
            guard let id = read.identifier(resourceNode, "\(path).resource") else { return nil }
            guard let index = portfolio.resources.firstIndex(where: { $0.id.rawValue == id }) else {
                unknown(resourceNode, "\(path).resource", "resource", id, among: portfolio.resources.map(\.id.rawValue))
                return nil
            }
            let old = portfolio.resources[index].capacity
            portfolio.resources[index].capacity = reshape(old)
            return "resource \(id) capacity \(old.initial) → \(value)\(window)"
        default:
            diagnostics.report(node, path, "name exactly one of `unit` or `resource`", hint: "e.g. {resource: wg-review, value: 2}")
            return nil
        }
    }

    private mutating func durations(_ node: Node, _ path: String, scale: Bool) -> String? {
        let amountKey = scale ? "factor" : "months"
        guard let values = fields(node, path, allowed: [amountKey, "phase", "category", "standard"]),
              let scope = scope(values, path, node, allowPhase: true) else { return nil }
        var factor = 1.0
        var months = 1
        if scale {
            guard let amount = required(values, "factor", path, node) else { return nil }
            guard case .scalar(let scalar) = amount, let parsed = Double(scalar.string), parsed > 0, parsed.isFinite else {
                diagnostics.report(amount, "\(path).factor", "expected a positive number, found \(read.describe(amount))", hint: "e.g. factor: 1.5 for 50% longer")
                return nil
            }
            guard parsed <= InputLimits.maximumFactor else {
                diagnostics.report(amount, "\(path).factor", "\(read.describe(amount)) is out of range: a factor must be above 0 and at most \(Int(InputLimits.maximumFactor))",
                                   hint: "e.g. factor: 1.5 for 50% longer", code: .outOfRange)
                return nil
            }
            factor = parsed
        } else {
            guard let amount = required(values, "months", path, node),
                  let parsed = read.integer(amount, "\(path).months", in: 1...1200, what: "a duration in months (≥ 1)") else { return nil }
            months = parsed
        }
        var touched = 0
        for s in portfolio.standards.indices where scope.matches(portfolio.standards[s]) {
            for p in portfolio.standards[s].phases.indices where scope.phase.map({ $0 == portfolio.standards[s].phases[p].id.rawValue }) ?? true {
                let old = portfolio.standards[s].phases[p].months
                // Whole months, rounded half up, never below one, and within the documented range.
                let scaled = (Double(old) * factor).rounded()
                guard !scale || scaled <= Double(InputLimits.months.upperBound) else {
                    let phase = portfolio.standards[s].phases[p].id
                    diagnostics.report(node, path, "× \(factor) makes \(portfolio.standards[s].id)'s \(phase) take \(Int(scaled)) months, "
                                       + "more than \(InputLimits.months.upperBound)",
                                       hint: "use a smaller factor, or narrow the change with `phase`, `category` or `standard`", code: .outOfRange)
                    return nil
                }
                portfolio.standards[s].phases[p].months = scale ? max(1, Int(scaled)) : months
                touched += 1
            }
        }
        if touched == 0 {
            diagnostics.report(node, path, "no phase matches \(scope.text)", hint: "check the phase, category and standard ids")
            return nil
        }
        return scale ? "durations × \(factor) (\(scope.text))" : "duration \(months) months (\(scope.text))"
    }

    private mutating func delayStart(_ node: Node, _ path: String) -> String? {
        guard let values = fields(node, path, allowed: ["months", "category", "standard"]),
              let scope = scope(values, path, node, allowPhase: false),
              let amount = required(values, "months", path, node),
              let months = read.integer(amount, "\(path).months", in: 0...1200, what: "a delay in months") else { return nil }
        let earliest = portfolio.planStart + months
        var touched = 0
        for s in portfolio.standards.indices where scope.matches(portfolio.standards[s]) && portfolio.standards[s].status == .planned {
            if months > 0 { portfolio.standards[s].earliestStart = max(portfolio.standards[s].earliestStart ?? earliest, earliest) }
            touched += 1
        }
        if touched == 0 {
            diagnostics.report(node, path, "no planned standard matches \(scope.text)", hint: "delay_start holds back standards not yet started")
            return nil
        }
        return "no new work starts before \(earliest) (\(scope.text), \(touched) standards)"
    }

    private mutating func addStandards(_ node: Node, _ path: String) -> String? {
        let parser = ScenarioParser(diagnostics: diagnostics)
        let context = StandardContext(portfolio: portfolio, lifeCycle: lifeCycle, revisionLifeCycle: revisionLifeCycle)
        let parsed = parser.standards(node, context: context)
        var known: [String: [String]] = [:]
        for standard in portfolio.standards { known[standard.id.rawValue] = standard.phases.map(\.id.rawValue) }
        for entry in parsed {
            if let id = entry.id, known[id] != nil {
                diagnostics.report(entry.idNode, "\(entry.path).id", "standard '\(id)' already exists in the base scenario",
                                   hint: "choose a new id, or change the existing standard with set_* changes")
            }
        }
        let dependencies = parser.resolveDependencies(parsed, known: known)
        let added = parsed.compactMap(\.standard)
        guard added.count == parsed.count else { return nil }
        portfolio.standards += added
        portfolio.dependencies += dependencies
        return "adds " + added.map(\.id.rawValue).joined(separator: ", ")
    }

    private mutating func removeStandards(_ node: Node, _ path: String) -> String? {
        guard let items = read.sequence(node, path) else { return nil }
        var removed: [String] = []
        for (k, item) in items.enumerated() {
            guard let id = read.identifier(item, "\(path)[\(k)]") else { continue }
            guard portfolio.standards.contains(where: { $0.id.rawValue == id }) else {
                unknown(item, "\(path)[\(k)]", "standard", id, among: portfolio.standards.map(\.id.rawValue))
                continue
            }
            removed.append(id)
        }
        guard removed.count == items.count else { return nil }
        let ids = Set(removed.map { StandardID($0) })
        portfolio.standards.removeAll { ids.contains($0.id) }
        // Work that waited for a removed standard no longer waits.
        portfolio.dependencies.removeAll { ids.contains($0.predecessor) || ids.contains($0.successor) }
        return "removes " + removed.joined(separator: ", ")
    }

    private mutating func setField(_ node: Node, _ path: String, key: String) -> String? {
        guard let values = fields(node, path, allowed: ["standard", key]),
              let (index, id) = standard(values, path, node),
              let amount = required(values, key, path, node) else { return nil }
        if key == "year" {
            guard let year = read.integer(amount, "\(path).year", in: 1900...2200, what: "a year") else { return nil }
            let old = portfolio.standards[index].targetYear
            portfolio.standards[index].targetYear = year
            return "\(id) target year \(old.map(String.init) ?? "none") → \(year)"
        }
        guard let urgency = read.integer(amount, "\(path).value", in: 1...5, what: "an urgency (1 to 5 stars)") else { return nil }
        let old = portfolio.standards[index].urgency
        portfolio.standards[index].urgency = urgency
        return "\(id) urgency \(old) → \(urgency)"
    }

    private mutating func setLeadUnits(_ node: Node, _ path: String) -> String? {
        guard let values = fields(node, path, allowed: ["standard", "candidates"]),
              let (index, id) = standard(values, path, node),
              let list = required(values, "candidates", path, node), let items = read.sequence(list, "\(path).candidates") else { return nil }
        var units: [UnitID] = []
        for (k, item) in items.enumerated() {
            guard let unit = read.identifier(item, "\(path).candidates[\(k)]") else { continue }
            if !portfolio.units.contains(where: { $0.id.rawValue == unit }) {
                unknown(item, "\(path).candidates[\(k)]", "unit", unit, among: portfolio.units.map(\.id.rawValue))
            } else if !units.contains(UnitID(unit)) {
                units.append(UnitID(unit))
            }
        }
        guard !units.isEmpty, units.count == items.count else {
            if items.isEmpty { diagnostics.report(list, "\(path).candidates", "no candidate lead units", hint: "list at least one unit") }
            return nil
        }
        portfolio.standards[index].leadUnits = units
        return "\(id) lead units → " + units.map(\.rawValue).joined(separator: ", ")
    }

    private mutating func addDependencies(_ node: Node, _ path: String) -> String? {
        guard let items = read.sequence(node, path) else { return nil }
        var added: [Dependency] = []
        for (k, item) in items.enumerated() {
            let itemPath = "\(path)[\(k)]"
            guard let values = fields(item, itemPath, allowed: ["standard", "after", "phase", "starts", "lag"]),
                  let (successor, id) = standard(values, itemPath, item),
                  let afterNode = required(values, "after", itemPath, item),
                  let after = read.identifier(afterNode, "\(itemPath).after") else { continue }
            guard let predecessor = portfolio.standards.firstIndex(where: { $0.id.rawValue == after }) else {
                unknown(afterNode, "\(itemPath).after", "standard", after, among: portfolio.standards.map(\.id.rawValue))
                continue
            }
            let phase = values["phase"].flatMap { read.identifier($0, "\(itemPath).phase") }
            let starts = values["starts"].flatMap { read.identifier($0, "\(itemPath).starts") }
            if let phase, !portfolio.standards[predecessor].phases.contains(where: { $0.id.rawValue == phase }) {
                unknown(values["phase"]!, "\(itemPath).phase", "phase of \(after)", phase, among: portfolio.standards[predecessor].phases.map(\.id.rawValue))
                continue
            }
            if let starts, !portfolio.standards[successor].phases.contains(where: { $0.id.rawValue == starts }) {
                unknown(values["starts"]!, "\(itemPath).starts", "phase of \(id)", starts, among: portfolio.standards[successor].phases.map(\.id.rawValue))
                continue
            }
            if after == id {
                diagnostics.report(afterNode, "\(itemPath).after", "'\(id)' cannot depend on itself")
                continue
            }
            let lag = values["lag"].map { read.integer($0, "\(itemPath).lag", in: 0...1200, what: "a lag in months (≥ 0)") } ?? 0
            guard let lag else { continue }
            added.append(Dependency(predecessor: StandardID(after), predecessorPhase: phase.map { PhaseID($0) },
                                    successor: StandardID(id), successorPhase: starts.map { PhaseID($0) }, lag: lag))
        }
        guard added.count == items.count else { return nil }
        portfolio.dependencies += added
        return "adds " + added.map { "\($0.successor) after \($0.predecessor)" }.joined(separator: ", ")
    }

    private mutating func removeDependencies(_ node: Node, _ path: String) -> String? {
        guard let items = read.sequence(node, path) else { return nil }
        var removed: [String] = []
        for (k, item) in items.enumerated() {
            let itemPath = "\(path)[\(k)]"
            guard let values = fields(item, itemPath, allowed: ["standard", "after"]),
                  let successor = required(values, "standard", itemPath, item).flatMap({ read.identifier($0, "\(itemPath).standard") }),
                  let after = required(values, "after", itemPath, item).flatMap({ read.identifier($0, "\(itemPath).after") }) else { continue }
            let before = portfolio.dependencies.count
            portfolio.dependencies.removeAll { $0.successor.rawValue == successor && $0.predecessor.rawValue == after }
            if portfolio.dependencies.count == before {
                diagnostics.report(item, itemPath, "\(successor) does not depend on \(after)", hint: "list only dependencies that exist in the base scenario")
                continue
            }
            removed.append("\(successor) after \(after)")
        }
        guard removed.count == items.count else { return nil }
        return "removes " + removed.joined(separator: ", ")
    }

    private mutating func hardDeadlines(_ node: Node, _ path: String) -> String? {
        guard let values = fields(node, path, allowed: ["urgency", "category", "standard"]),
              var scope = scope(values, path, node, allowPhase: false) else { return nil }
        if let urgencyNode = values["urgency"] {
            guard let urgency = read.integer(urgencyNode, "\(path).urgency", in: 1...5, what: "an urgency (1 to 5 stars)") else { return nil }
            scope.urgency = urgency
        }
        var touched: [String] = []
        for s in portfolio.standards.indices where scope.matches(portfolio.standards[s]) && portfolio.standards[s].isOpen
            && portfolio.standards[s].targetYear != nil {
            portfolio.standards[s].hardDeadline = true
            touched.append(portfolio.standards[s].id.rawValue)
        }
        if touched.isEmpty {
            diagnostics.report(node, path, "no unpublished standard with a target year matches \(scope.text)")
            return nil
        }
        return "hard deadline at the end of the target year for " + touched.joined(separator: ", ")
    }

    // MARK: helpers

    private func fields(_ node: Node, _ path: String, allowed: [String]) -> [String: Node]? {
        guard let entries = read.mapping(node, path, allowed: allowed) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        return values
    }

    private func required(_ values: [String: Node], _ key: String, _ path: String, _ owner: Node) -> Node? {
        if let node = values[key] { return node }
        diagnostics.report(owner, "\(path).\(key)", "missing required key '\(key)'")
        return nil
    }

    private func standard(_ values: [String: Node], _ path: String, _ owner: Node) -> (Int, String)? {
        guard let node = required(values, "standard", path, owner), let id = read.identifier(node, "\(path).standard") else { return nil }
        guard let index = portfolio.standards.firstIndex(where: { $0.id.rawValue == id }) else {
            unknown(node, "\(path).standard", "standard", id, among: portfolio.standards.map(\.id.rawValue))
            return nil
        }
        return (index, id)
    }

    private func scope(_ values: [String: Node], _ path: String, _ owner: Node, allowPhase: Bool) -> Scope? {
        var scope = Scope()
        var ok = true
        if let node = values["standard"] {
            if let id = read.identifier(node, "\(path).standard"), portfolio.standards.contains(where: { $0.id.rawValue == id }) {
                scope.standard = id
            } else {
                if case .scalar(let s) = node { unknown(node, "\(path).standard", "standard", s.string, among: portfolio.standards.map(\.id.rawValue)) }
                ok = false
            }
        }
        if let node = values["category"], let text = read.string(node, "\(path).category") {
            if let category = Category.named(text, in: portfolio.categories) { scope.category = category } else {
                diagnostics.report(node, "\(path).category", "unknown category '\(text)'",
                                   hint: "use one of: " + portfolio.categories.map(\.rawValue).joined(separator: ", "))
                ok = false
            }
        }
        if allowPhase, let node = values["phase"], let phase = read.identifier(node, "\(path).phase") {
            let phases = Set(portfolio.standards.flatMap { $0.phases.map(\.id.rawValue) })
            if phases.contains(phase) { scope.phase = phase } else {
                unknown(node, "\(path).phase", "phase", phase, among: phases.sorted())
                ok = false
            }
        }
        return ok ? scope : nil
    }

    private func unknown(_ node: Node, _ path: String, _ what: String, _ id: String, among candidates: [String]) {
        let hint = closest(to: id, among: candidates).map { "did you mean '\($0)'?" } ?? "known: \(candidates.sorted().prefix(12).joined(separator: ", "))"
        diagnostics.report(node, path, "unknown \(what) '\(id)'", hint: hint)
    }
}
