import PlanModel

/// More capacity that a unit or shared resource needs in a run of consecutive months.
public struct CapacityShortfall: Sendable, Hashable {
    /// A lead unit or a shared resource.
    public enum Holder: Sendable, Hashable {
        case unit(UnitID)
        case resource(ResourceID)

        /// "unit szse" or "resource wg-review".
        public var text: String {
            switch self {
            case .unit(let id): "unit \(id)"
            case .resource(let id): "resource \(id)"
            }
        }
    }

    /// Who needs more.
    public var holder: Holder
    /// Its name in the scenario.
    public var name: String
    /// First and last month of the run (inclusive).
    public var from: Month
    /// See ``from``.
    public var until: Month
    /// The most it lacks in any month of the run.
    public var extra: Int
    /// The capacity that suffices in every month of the run: at least its capacity plus what
    /// it lacks in each month (give it as `capacity: {…, value: capacity, from, until}`).
    public var capacity: Int
    /// Its present capacity in the run (the largest, if it changes within the run).
    public var present: Int
    /// The standards (and phases) that load it in those months in the relaxed schedule: the
    /// work that competes for it.
    public var competing: [String]

    /// "unit szse (深圳证券交易所) needs 1 more in 2023-03…2023-08 (capacity 1 → 2): a, b compete for it".
    public var sentence: String {
        let months = from == until ? "\(from)" : "\(from)…\(until)"
        let who = name.isEmpty ? holder.text : "\(holder.text) (\(name))"
        let shown = competing.prefix(6).joined(separator: ", ") + (competing.count > 6 ? " and \(competing.count - 6) more" : "")
        return "\(who) needs \(extra) more in \(months) (capacity \(present) → \(capacity))"
            + (competing.isEmpty ? "" : ": " + shown + " compete for it")
    }
}
