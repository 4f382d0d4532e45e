/// What a status file says about one standard: where it stands as of the status date.
public struct StatusEntry: Hashable, Sendable {
    /// The standard.
    public var standard: StandardID
    /// Not started (`planned`), in a phase since a month, or published in a month.
    public var status: StandardStatus
    /// The unit actually leading it, when known (replaces the scenario's candidates).
    public var leadUnit: UnitID?
    /// Its number once published, e.g. JR/T 0059—2024.
    public var reference: String?

    /// Creates an entry.
    public init(standard: StandardID, status: StandardStatus, leadUnit: UnitID? = nil, reference: String? = nil) {
        self.standard = standard
        self.status = status
        self.leadUnit = leadUnit
        self.reference = reference
    }
}
