/// An institution that can lead the drafting of standards (牵头单位), with a limit on how much
/// drafting work it carries in a month.
public struct LeadUnit: Hashable, Sendable {
    /// Its id in the scenario.
    public var id: UnitID
    /// Its name, in any script.
    public var name: String
    /// Load it can carry per month (the sum of the unit loads of the phases it leads that month).
    public var capacity: CapacityProfile

    /// Creates a lead unit.
    public init(id: UnitID, name: String, capacity: CapacityProfile) {
        self.id = id
        self.name = name
        self.capacity = capacity
    }
}
