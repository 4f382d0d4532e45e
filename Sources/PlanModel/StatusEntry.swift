/// What a status file says about one standard: where it stands as of the status date.
public struct StatusEntry: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// Not started (`planned`), in a phase since a month, published in a month, deferred,
    /// cancelled or superseded.
    public var status: StandardStatus
    /// The unit actually leading it, when known (replaces the scenario's candidates).
    public var leadUnit: UnitID?
    /// Its number once published, e.g. JR/T 0059—2024.
    public var reference: String?
    /// A sourced fact, or an assumption (the default).
    public var source: StatusSource

    /// Creates an entry.
    public init(standard: StandardID, status: StandardStatus, leadUnit: UnitID? = nil, reference: String? = nil,
                source: StatusSource = .assumption) {
        self.standard = standard
        self.status = status
        self.leadUnit = leadUnit
        self.reference = reference
        self.source = source
    }
}
