/// One step of a standard's life cycle (立项, 起草, 征求意见稿, 送审稿, 报批稿, 发布).
public struct Phase: Hashable, Sendable {
    /// Its id, the same for every standard that goes through this step.
    public var id: PhaseID
    /// Its name, in any script.
    public var name: String
    /// How many months it takes (at least one).
    public var months: Int
    /// Load on the standard's lead unit in every month of the phase.
    public var unitLoad: Int
    /// Load on shared resources in every month of the phase, sorted by resource id.
    public var resourceLoads: [ResourceLoad]
    /// The most months the phase may wait after the previous phase finishes (a finished draft
    /// goes stale, a drafting group disbands); nil for no limit.
    public var maxWait: Int?
    /// Cost of each month the phase waits after the previous one finishes, in the objective's
    /// second level (with completion); 0 lets work idle for free.
    public var idleCost: Int
    /// The phase may start only in this calendar's months (e.g. 立项 with the annual plan's batches).
    public var startsIn: CalendarID?
    /// The phase may end only in this calendar's months (e.g. 发布 in the regulator's batches).
    public var endsIn: CalendarID?

    /// Creates a phase.
    public init(id: PhaseID, name: String, months: Int, unitLoad: Int = 0, resourceLoads: [ResourceLoad] = [],
                maxWait: Int? = nil, idleCost: Int = 0, startsIn: CalendarID? = nil, endsIn: CalendarID? = nil) {
        self.id = id
        self.name = name
        self.months = months
        self.unitLoad = unitLoad
        self.resourceLoads = resourceLoads.sorted { $0.resource < $1.resource }
        self.maxWait = maxWait
        self.idleCost = idleCost
        self.startsIn = startsIn
        self.endsIn = endsIn
    }

    /// The load on `resource` in every month of the phase.
    public func load(on resource: ResourceID) -> Int {
        resourceLoads.first { $0.resource == resource }?.amount ?? 0
    }
}

/// A phase's monthly load on one shared resource.
public struct ResourceLoad: Hashable, Sendable {
    /// The resource.
    public var resource: ResourceID
    /// Load per month.
    public var amount: Int
    /// Creates a load.
    public init(resource: ResourceID, amount: Int) {
        self.resource = resource
        self.amount = amount
    }
}
