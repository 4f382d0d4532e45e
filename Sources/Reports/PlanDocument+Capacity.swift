import PlanModel

extension PlanDocument {
    /// A lead unit or shared resource: its capacity per month, and the months it changes.
    public struct CapacityEntry: Codable, Sendable, Equatable {
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// Capacity per month before the first change.
        public var capacity: Int
        /// From `from` on, the capacity is `value`; sorted by month.
        public var changes: [CapacityChange]

        /// The entry of a unit or resource with `capacity`.
        init(id: String, name: String, capacity: CapacityProfile) {
            self.id = id
            self.name = name
            self.capacity = capacity.initial
            changes = capacity.changes.map { CapacityChange(from: $0.from.description, value: $0.value) }
        }
    }

    /// One change of a capacity.
    public struct CapacityChange: Codable, Sendable, Equatable {
        /// The first month with the new value, YYYY-MM.
        public var from: String
        /// The capacity from that month on.
        public var value: Int
    }

    /// A dependency with the phases it connects spelled out: `successor_phase` of `successor`
    /// starts at the earliest in the month after `predecessor_phase` of `predecessor` finishes,
    /// plus `lag` months.
    public struct DependencyEntry: Codable, Sendable, Equatable {
        /// The standard waited for.
        public var predecessor: String
        /// Its phase whose finish counts; null when the predecessor is published work (its publication counts).
        public var predecessorPhase: String?
        /// The standard that waits.
        public var successor: String
        /// Its phase that waits (the first phase when the scenario names none).
        public var successorPhase: String
        /// Months to wait beyond the finish.
        public var lag: Int

        enum CodingKeys: String, CodingKey {
            case predecessor, successor, lag, predecessorPhase = "predecessor_phase", successorPhase = "successor_phase"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(predecessor, forKey: .predecessor)
            try c.encode(predecessorPhase, forKey: .predecessorPhase)
            try c.encode(successor, forKey: .successor)
            try c.encode(successorPhase, forKey: .successorPhase)
            try c.encode(lag, forKey: .lag)
        }

        /// `dependency` with its phases resolved as the planner reads them (an absent successor
        /// phase is the first, an absent predecessor phase the publication, i.e. the last phase);
        /// nil when it names a standard that is not in `portfolio`, or a phase of published work.
        init?(dependency: Dependency, in portfolio: Portfolio) {
            guard let predecessor = portfolio.standard(dependency.predecessor), let successor = portfolio.standard(dependency.successor),
                  let successorPhase = dependency.successorPhase ?? successor.phases.first?.id
            else { return nil }
            if predecessor.isPublished {
                guard dependency.predecessorPhase == nil else { return nil }
                predecessorPhase = nil
            } else {
                guard let phase = dependency.predecessorPhase ?? predecessor.phases.last?.id else { return nil }
                predecessorPhase = phase.rawValue
            }
            self.predecessor = predecessor.id.rawValue
            self.successor = successor.id.rawValue
            self.successorPhase = successorPhase.rawValue
            lag = dependency.lag
        }
    }
}
