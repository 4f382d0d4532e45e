/// Whether a standard is new work (制定) or the revision (修订) of a published standard.
public enum WorkKind: Hashable, Sendable {
    /// A new standard.
    case new
    /// The revision of the published standard named (a standard id of the scenario or its number,
    /// e.g. JR/T 0059-2010). A revision goes through the scenario's revision life cycle.
    case revision(of: String)

    /// The key a scenario writes: `new` or `revision`.
    public var key: String {
        switch self {
        case .new: "new"
        case .revision: "revision"
        }
    }
}
