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

    /// The standard with `id`, if any.
    public func standard(_ id: StandardID) -> Standard? { standards.first { $0.id == id } }
    /// The unit with `id`, if any.
    public func unit(_ id: UnitID) -> LeadUnit? { units.first { $0.id == id } }
}
