/// The actual state of a programme as of a month (a status file): which standards are
/// published, which are in which phase since when, which have not started.
public struct StatusSnapshot: Hashable, Sendable {
    /// The status date: the facts describe this month, and re-planning starts in it.
    public var asOf: Month
    /// A later horizon for the re-plan than the scenario's, when the remaining work needs it.
    public var horizonEnd: Month?
    /// One entry per standard, in file order.
    public var entries: [StatusEntry]

    /// Creates a snapshot.
    public init(asOf: Month, horizonEnd: Month? = nil, entries: [StatusEntry]) {
        self.asOf = asOf
        self.horizonEnd = horizonEnd
        self.entries = entries
    }

    /// The entry for `id`, if the file has one.
    public func entry(for id: StandardID) -> StatusEntry? { entries.first { $0.standard == id } }
}
