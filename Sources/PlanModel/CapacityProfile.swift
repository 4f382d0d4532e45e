/// A capacity per month that may change over time, e.g. 2 until 2023-06, then 3.
public struct CapacityProfile: Hashable, Sendable {
    /// One change: from `month` on, the capacity is `value`.
    public struct Change: Hashable, Sendable {
        /// The first month with the new value.
        public var from: Month
        /// The capacity from that month on.
        public var value: Int
        /// Creates a change.
        public init(from: Month, value: Int) {
            self.from = from
            self.value = value
        }
    }

    /// The capacity before the first change.
    public var initial: Int
    /// Changes, sorted by month.
    public private(set) var changes: [Change]

    /// Creates a profile; `changes` need not be sorted.
    public init(initial: Int, changes: [Change] = []) {
        self.initial = initial
        self.changes = changes.sorted { $0.from < $1.from }
    }

    /// A capacity that never changes.
    public static func constant(_ value: Int) -> CapacityProfile { CapacityProfile(initial: value) }

    /// The capacity in `month`.
    public func capacity(in month: Month) -> Int {
        var value = initial
        for change in changes where change.from <= month { value = change.value }
        return value
    }
}
