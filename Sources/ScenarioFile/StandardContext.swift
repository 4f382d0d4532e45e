import PlanModel

/// What a standard's entry may refer to: the life cycles it goes through, and the ids of the
/// units, resources, calendars and categories it may name. Built once from the scenario (or, for
/// standards a what-if adds, from its base), so every standard is read against the same facts.
struct StandardContext {
    /// The default life cycle.
    var lifeCycle: [Phase]
    /// The life cycle of revisions (`revision_life_cycle`), nil when the scenario declares none.
    var revisionLifeCycle: [Phase]?
    var units: Set<String>
    var resources: Set<String>
    var calendars: Set<String>
    var categories: [Category]
    var planStart: Month?

    /// The context of standards added to `portfolio` by a what-if whose root scenario has these life cycles.
    init(portfolio: Portfolio, lifeCycle: [Phase], revisionLifeCycle: [Phase]?) {
        self.lifeCycle = lifeCycle
        self.revisionLifeCycle = revisionLifeCycle
        units = Set(portfolio.units.map(\.id.rawValue))
        resources = Set(portfolio.resources.map(\.id.rawValue))
        calendars = Set(portfolio.calendars.map(\.id.rawValue))
        categories = portfolio.categories
        planStart = portfolio.planStart
    }

    init(lifeCycle: [Phase], revisionLifeCycle: [Phase]?, units: Set<String>, resources: Set<String>, calendars: Set<String>,
         categories: [Category], planStart: Month?) {
        self.lifeCycle = lifeCycle
        self.revisionLifeCycle = revisionLifeCycle
        self.units = units
        self.resources = resources
        self.calendars = calendars
        self.categories = categories
        self.planStart = planStart
    }
}
