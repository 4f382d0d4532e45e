/// Everything stdplan plans over: the standards, who can lead them, the shared resources,
/// the dependencies and what to optimise.
public struct Portfolio: Hashable, Sendable {
    /// A readable name for reports.
    public var name: String
    /// The first month of the plan; nothing before it is scheduled.
    public var planStart: Month
    /// The last month the plan may use. Choose it late enough that every standard gets a date.
    public var horizonEnd: Month
    /// Lead units.
    public var units: [LeadUnit]
    /// Shared resources.
    public var resources: [SharedResource]
    /// All standards: planned, in progress and published.
    public var standards: [Standard]
    /// Dependencies between standards and their phases.
    public var dependencies: [Dependency]
    /// The objective.
    public var weights: ObjectiveWeights
    /// How uncertain phase durations are, for the risk analysis; nil when the scenario gives no
    /// estimates. It does not change the deterministic plan.
    public var uncertainty: DurationUncertainty? = nil
    /// The categories standards belong to, in the order reports list them: the scenario's own, or
    /// the 2022–2025 plan's six when it declares none.
    public var categories: [Category] = Category.plan2022
    /// Named sets of months, for phases that may start or end only in them and for capacity factors.
    public var calendars: [ProgrammeCalendar] = []
    /// Capacity dips (or rises) in the months of a calendar.
    public var capacityFactors: [CapacityFactor] = []

    /// Creates a portfolio.
    public init(
        name: String, planStart: Month, horizonEnd: Month, units: [LeadUnit], resources: [SharedResource],
        standards: [Standard], dependencies: [Dependency], weights: ObjectiveWeights = ObjectiveWeights()
    ) {
        self.name = name
        self.planStart = planStart
        self.horizonEnd = horizonEnd
        self.units = units
        self.resources = resources
        self.standards = standards
        self.dependencies = dependencies
        self.weights = weights
    }

    /// The declared categories, then any category a standard uses that is not declared (a
    /// portfolio built in code), in order of first use: every standard's category is in the list.
    public var categoriesInUse: [Category] {
        var list = categories
        for standard in standards where !list.contains(standard.category) { list.append(standard.category) }
        return list
    }

    /// The calendar with `id`, if any.
    public func calendar(_ id: CalendarID) -> ProgrammeCalendar? { calendars.first { $0.id == id } }

    /// The capacity of the unit or resource `id` (with base capacity `profile`) in `month`, after
    /// the capacity factors of that month: the product of the factors that apply, times the
    /// capacity, rounded down. Planner and validator both read capacities through this.
    public func capacity(of id: String, _ profile: CapacityProfile, in month: Month) -> Int {
        let base = profile.capacity(in: month)
        var factor = 1.0
        for dip in capacityFactors where dip.appliesTo.isEmpty || dip.appliesTo.contains(id) {
            if calendar(dip.calendar)?.contains(month) == true { factor *= dip.factor }
        }
        guard factor != 1 else { return base }
        let scaled = (Double(base) * factor).rounded(.down)
        return scaled >= Double(Int.max) ? Int.max : max(0, Int(scaled))
    }

    /// A lead unit's capacity in `month`, capacity factors applied.
    public func capacity(of unit: LeadUnit, in month: Month) -> Int { capacity(of: unit.id.rawValue, unit.capacity, in: month) }

    /// A shared resource's capacity in `month`, capacity factors applied.
    public func capacity(of resource: SharedResource, in month: Month) -> Int {
        capacity(of: resource.id.rawValue, resource.capacity, in: month)
    }

    /// Whether a phase may run from `start` to `finish` under its calendar gates.
    public func allows(_ phase: Phase, start: Month, finish: Month) -> Bool {
        if let gate = phase.startsIn, calendar(gate)?.contains(start) != true { return false }
        if let gate = phase.endsIn, calendar(gate)?.contains(finish) != true { return false }
        return true
    }

    /// The standard with `id`, if any.
    public func standard(_ id: StandardID) -> Standard? { standards.first { $0.id == id } }
    /// The unit with `id`, if any.
    public func unit(_ id: UnitID) -> LeadUnit? { units.first { $0.id == id } }
}
