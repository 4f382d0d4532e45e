import PlanModel
import Yams

/// The parts of a scenario that describe the committee's process rather than the work: declared
/// categories, calendars (months when something may happen), capacity factors, and the phase
/// keys for waiting and calendar gates.
extension ScenarioParser {
    static let phaseProcessKeys = ["max_wait", "idle_cost", "starts_in", "ends_in"]

    // MARK: categories

    /// `categories:` — the scenario's own categories, in the order reports list them.
    func categories(_ node: Node) -> [Category] {
        guard let items = read.sequence(node, "categories") else { return Category.plan2022 }
        if items.isEmpty { diagnostics.report(node, "categories", "no categories declared", hint: "list at least one, or leave the key out for the plan's six") }
        var categories: [Category] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "categories[\(index)]"
            guard let entries = read.mapping(item, path, allowed: ["id", "name", "short_name"]) else { continue }
            var values: [String: Node] = [:]
            for entry in entries { values[entry.key] = entry.value }
            let id = field(values, "id", path, item).flatMap { read.identifier($0, "\(path).id") }
            let name = field(values, "name", path, item, hint: "the category's name as the programme writes it").flatMap { read.string($0, "\(path).name") }
            let short = values["short_name"].flatMap { read.string($0, "\(path).short_name") }
            guard let id else { continue }
            if let first = seen[id] {
                diagnostics.report(values["id"], "\(path).id", "duplicate category id '\(id)' (also categories[\(first)])", hint: "give each category its own id")
                continue
            }
            seen[id] = index
            categories.append(Category(id: id, name: name ?? id, shortName: short))
        }
        return categories
    }

    /// The category a standard names, by id or name, reported with the declared ones as a hint.
    func category(_ node: Node, _ path: String, among categories: [Category]) -> Category? {
        guard let text = read.string(node, path) else { return nil }
        if let found = Category.named(text, in: categories) { return found }
        let hint = closest(to: text, among: categories.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
        diagnostics.report(node, path, "unknown category '\(text)'",
                           hint: hint + "use one of: " + categories.map { "\($0.rawValue) (\($0.name))" }.joined(separator: ", ")
                               + "; or declare it under `categories:`")
        return nil
    }

    // MARK: calendars

    /// `calendars:` — named sets of months: `months_of_year` (1–12, every year) and/or `months` (YYYY-MM).
    func calendars(_ node: Node) -> [ProgrammeCalendar] {
        guard let items = read.sequence(node, "calendars") else { return [] }
        var calendars: [ProgrammeCalendar] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "calendars[\(index)]"
            guard let entries = read.mapping(item, path, allowed: ["id", "name", "months_of_year", "months"]) else { continue }
            var values: [String: Node] = [:]
            for entry in entries { values[entry.key] = entry.value }
            let id = field(values, "id", path, item).flatMap { read.identifier($0, "\(path).id") }
            let name = values["name"].flatMap { read.string($0, "\(path).name") }
            var ofYear: Set<Int> = []
            if let list = values["months_of_year"], let months = read.sequence(list, "\(path).months_of_year") {
                for (k, month) in months.enumerated() {
                    if let value = read.integer(month, "\(path).months_of_year[\(k)]", in: 1...12, what: "a month of the year (1 to 12)") { ofYear.insert(value) }
                }
            }
            var particular: Set<Month> = []
            if let list = values["months"], let months = read.sequence(list, "\(path).months") {
                for (k, month) in months.enumerated() {
                    if let value = read.month(month, "\(path).months[\(k)]") { particular.insert(value) }
                }
            }
            if values["months_of_year"] == nil, values["months"] == nil {
                diagnostics.report(item, path, "calendar has no months", hint: "give `months_of_year: [3, 9]` and/or `months: [2022-04, 2022-11]`")
            }
            guard let id else { continue }
            if let first = seen[id] {
                diagnostics.report(values["id"], "\(path).id", "duplicate calendar id '\(id)' (also calendars[\(first)])", hint: "give each calendar its own id")
                continue
            }
            seen[id] = index
            calendars.append(ProgrammeCalendar(id: CalendarID(id), name: name ?? id, monthsOfYear: ofYear, months: particular))
        }
        return calendars
    }

    /// A reference to a declared calendar.
    func calendarReference(_ node: Node, _ path: String, known: Set<String>) -> CalendarID? {
        guard let id = read.identifier(node, path) else { return nil }
        guard known.contains(id) else {
            let hint = closest(to: id, among: known.sorted()).map { "did you mean '\($0)'?" } ?? "declare it under `calendars:`"
            diagnostics.report(node, path, "unknown calendar '\(id)'", hint: hint)
            return nil
        }
        return CalendarID(id)
    }

    /// `capacity_factors:` — `{calendar, factor, applies_to?}`: capacity × factor (rounded down) in
    /// the calendar's months, for the units and resources named (all when none is).
    func capacityFactors(_ node: Node, calendars: Set<String>, holders: Set<String>) -> [CapacityFactor] {
        guard let items = read.sequence(node, "capacity_factors") else { return [] }
        var factors: [CapacityFactor] = []
        for (index, item) in items.enumerated() {
            let path = "capacity_factors[\(index)]"
            guard let entries = read.mapping(item, path, allowed: ["calendar", "factor", "applies_to"]) else { continue }
            var values: [String: Node] = [:]
            for entry in entries { values[entry.key] = entry.value }
            let calendar = field(values, "calendar", path, item, hint: "name the calendar whose months the factor applies in")
                .flatMap { calendarReference($0, "\(path).calendar", known: calendars) }
            let factor = field(values, "factor", path, item, hint: "e.g. `factor: 0.5` halves capacity in those months").flatMap { number($0, "\(path).factor", in: 0...100) }
            var appliesTo: Set<String> = []
            if let list = values["applies_to"], let ids = read.sequence(list, "\(path).applies_to") {
                for (k, idNode) in ids.enumerated() {
                    guard let id = read.identifier(idNode, "\(path).applies_to[\(k)]") else { continue }
                    if holders.contains(id) { appliesTo.insert(id) } else {
                        let hint = closest(to: id, among: holders.sorted()).map { "did you mean '\($0)'?" } ?? "name a unit or resource declared above"
                        diagnostics.report(idNode, "\(path).applies_to[\(k)]", "unknown unit or resource '\(id)'", hint: hint)
                    }
                }
            }
            if let calendar, let factor { factors.append(CapacityFactor(calendar: calendar, factor: factor, appliesTo: appliesTo)) }
        }
        return factors
    }

    /// A decimal number in `range`.
    func number(_ node: Node, _ path: String, in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite, range.contains(value) else {
            diagnostics.report(node, path, "expected a number from \(range.lowerBound) to \(range.upperBound), found \(read.describe(node))")
            return nil
        }
        return value
    }

    // MARK: waiting and gates on phases

    /// Applies a phase's `max_wait`, `idle_cost`, `starts_in` and `ends_in` keys.
    func applyProcessKeys(_ values: [String: Node], _ path: String, to phase: inout Phase, calendars: Set<String>) {
        if let node = values["max_wait"] {
            if case .scalar(let scalar) = node, scalar.string == "none" {
                phase.maxWait = nil
            } else if let months = read.integer(node, "\(path).max_wait", in: 0...1200, what: "a number of months (or `none`)") {
                phase.maxWait = months
            }
        }
        if let node = values["idle_cost"], let cost = read.integer(node, "\(path).idle_cost", in: 0...1_000, what: "a cost per idle month (0 to 1000)") {
            phase.idleCost = cost
        }
        if let node = values["starts_in"] { phase.startsIn = calendarReference(node, "\(path).starts_in", known: calendars) }
        if let node = values["ends_in"] { phase.endsIn = calendarReference(node, "\(path).ends_in", known: calendars) }
    }
}
