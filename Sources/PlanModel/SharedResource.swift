/// A resource that all standards share, such as the working group's review slots.
public struct SharedResource: Hashable, Sendable {
    /// Its id in the scenario.
    public var id: ResourceID
    /// Its name, in any script.
    public var name: String
    /// Load it can carry per month.
    public var capacity: CapacityProfile

    /// Creates a shared resource.
    public init(id: ResourceID, name: String, capacity: CapacityProfile) {
        self.id = id
        self.name = name
        self.capacity = capacity
    }
}
