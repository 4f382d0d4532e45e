import PlanModel

/// How much one more unit of capacity (in every month) of a unit or shared resource is worth, or
/// what a calendar gate costs (the gain if the calendar held every month).
public struct Bottleneck: Sendable, Hashable {
    /// What limits: a lead unit's or shared resource's capacity, or a calendar that phases must
    /// start or end in (a committee's meetings, the regulator's publication batches).
    public enum Kind: String, Sendable, Hashable { case unit, resource, calendar }

    /// Unit, resource or calendar.
    public var kind: Kind
    /// Its id.
    public var id: String
    /// Its name.
    public var name: String
    /// Its capacity at the plan start; for a calendar, how many months of the year it holds.
    public var capacity: Int
    /// Exact: the drop in urgency-weighted months late when the plan is re-solved with one more
    /// unit of capacity in every month (nil if either solve did not finish with a schedule).
    public var lateness: Int?
    /// Exact: the drop in the objective from the same re-solve.
    public var objective: Int?
    /// The status of the re-solve.
    public var status: PlanStatus?
    /// The estimate below in objective units (times the lateness weight).
    public var shadowPrice: Double?
    /// Estimate: minus the sum of the shadow prices of its capacity rows in the LP relaxation of the
    /// lateness level, i.e. the first-order drop in urgency-weighted months late from +1 capacity in
    /// every month.
    public var shadowLateness: Double?

    /// Creates a record.
    public init(kind: Kind, id: String, name: String, capacity: Int, lateness: Int?, objective: Int?, status: PlanStatus?,
                shadowPrice: Double?, shadowLateness: Double?) {
        self.kind = kind
        self.id = id
        self.name = name
        self.capacity = capacity
        self.lateness = lateness
        self.objective = objective
        self.status = status
        self.shadowPrice = shadowPrice
        self.shadowLateness = shadowLateness
    }
}
