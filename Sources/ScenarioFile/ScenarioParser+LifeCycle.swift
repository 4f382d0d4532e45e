import PlanModel
import Yams

extension ScenarioParser {
    /// The `life_cycle` of a scenario already checked by ``portfolio(from:)``, read again
    /// without reporting (what-if overlays give added standards this life cycle).
    func defaultLifeCycle(from root: Node) -> [Phase] {
        guard case .mapping(let mapping) = root, let node = mapping["life_cycle"] else { return [] }
        let quiet = ScenarioParser(diagnostics: Diagnostics(file: diagnostics.file))
        var resources: Set<String> = []
        if let list = mapping["resources"] { resources = Set(quiet.capacityHolders(list, "resources").map(\.id)) }
        return quiet.lifeCycle(node, resources: resources, calendars: quiet.calendarIDs(from: mapping))
    }

    /// The `revision_life_cycle` of a checked scenario read again without reporting; nil when absent.
    func revisionLifeCycle(from root: Node) -> [Phase]? {
        guard case .mapping(let mapping) = root, let node = mapping["revision_life_cycle"] else { return nil }
        let quiet = ScenarioParser(diagnostics: Diagnostics(file: diagnostics.file))
        var resources: Set<String> = []
        if let list = mapping["resources"] { resources = Set(quiet.capacityHolders(list, "resources").map(\.id)) }
        return quiet.applyOverrides(node, "revision_life_cycle", to: defaultLifeCycle(from: root), resources: resources,
                                    calendars: quiet.calendarIDs(from: mapping))
    }

    private func calendarIDs(from mapping: Node.Mapping) -> Set<String> {
        guard let list = mapping["calendars"] else { return [] }
        return Set(calendars(list).map(\.id.rawValue))
    }
}
