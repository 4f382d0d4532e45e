import Scheduling

/// The JSON form of a bottleneck analysis (`stdplan bottlenecks --format json`), documented in
/// docs/json-output.md. Stable like the plan document: fields are only ever added. Numbers are
/// JSON numbers and absent figures are null, never left out.
public struct BottleneckDocument: Codable, Sendable, Equatable {
    /// The plan of the scenario as it is, against which every gain is measured.
    public struct Base: Codable, Sendable, Equatable {
        /// optimal, feasible, infeasible or time_limit.
        public var status: String
        /// Objective value of the schedule (null without one).
        public var objective: Int?
        /// Best proven lower bound on the objective.
        public var bound: Double?
        /// Relative gap between objective and bound, a fraction (0 when optimal).
        public var gap: Double?
        /// Wall-clock seconds of this solve (the one field that differs between identical runs).
        public var seconds: Double

        // Absent values are written as null rather than left out, so every key is always there.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(objective, forKey: .objective)
            try c.encode(bound, forKey: .bound)
            try c.encode(gap, forKey: .gap)
            try c.encode(seconds, forKey: .seconds)
        }
    }

    /// One lead unit, shared resource or calendar and what one more unit of its capacity (for a calendar: every month open) is worth.
    public struct Entry: Codable, Sendable, Equatable {
        /// Position in the ranking, from 1.
        public var rank: Int
        /// unit, resource or calendar.
        public var kind: String
        /// Its id in the scenario.
        public var id: String
        /// Its name.
        public var name: String
        /// Its capacity at the plan start.
        public var capacity: Int
        /// Exact: the drop in urgency-weighted months late with one more unit of capacity in every
        /// month, re-solved (null if either solve ended without a schedule).
        public var latenessGain: Int?
        /// Exact: the drop in the objective from the same re-solve.
        public var objectiveGain: Int?
        /// Estimate: minus the sum of the LP relaxation's shadow prices of its capacity rows, in
        /// objective units (null if the LP was not solved to optimality).
        public var shadowPrice: Double?
        /// The same estimate in urgency-weighted months late: `shadow_price / lateness_weight`.
        public var shadowLateness: Double?
        /// Status of the re-solve.
        public var status: String?

        enum CodingKeys: String, CodingKey {
            case rank, kind, id, name, capacity, status
            case latenessGain = "lateness_gain", objectiveGain = "objective_gain"
            case shadowPrice = "shadow_price", shadowLateness = "shadow_lateness"
        }

        // Absent values are written as null rather than left out, so every key is always there.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(kind, forKey: .kind)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(capacity, forKey: .capacity)
            try c.encode(latenessGain, forKey: .latenessGain)
            try c.encode(objectiveGain, forKey: .objectiveGain)
            try c.encode(shadowPrice, forKey: .shadowPrice)
            try c.encode(shadowLateness, forKey: .shadowLateness)
            try c.encode(status, forKey: .status)
        }
    }

    /// Version of this document's shape.
    public var format: Int
    /// The program and version that wrote it, e.g. `stdplan 0.12.0` (null in older documents).
    public var generator: String?
    /// The scenario's name.
    public var scenario: String
    /// The weight of one urgency-weighted month late in the objective, to read objective gains
    /// and shadow prices as weighted months.
    public var latenessWeight: Int
    /// The plan of the scenario as it is.
    public var base: Base
    /// Every lead unit that leads or may lead open work and every shared resource, largest
    /// exact gain first.
    public var ranking: [Entry]

    enum CodingKeys: String, CodingKey {
        case format, generator, scenario, base, ranking, latenessWeight = "lateness_weight"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(generator, forKey: .generator)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(latenessWeight, forKey: .latenessWeight)
        try c.encode(base, forKey: .base)
        try c.encode(ranking, forKey: .ranking)
    }

    /// Shadow prices are LP duals: rounded to 4 decimals so the bytes do not hang on their last
    /// bits, and + 0 so a tiny negative never prints as -0.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 + 0 }

    /// The document of `report`.
    public init(_ report: BottleneckReport) {
        let base = report.analysis.base
        format = 1
        generator = Generator.name
        scenario = report.scenario
        latenessWeight = report.latenessWeight
        self.base = Base(status: base.status.rawValue, objective: base.objective, bound: base.bound.map { ($0 * 1000).rounded() / 1000 },
                         gap: base.gap.map { ($0 * 1_000_000).rounded() / 1_000_000 }, seconds: (base.seconds * 1000).rounded() / 1000)
        ranking = report.analysis.ranking.enumerated().map { index, item in
            Entry(rank: index + 1, kind: item.kind.rawValue, id: item.id, name: item.name, capacity: item.capacity,
                  latenessGain: item.lateness, objectiveGain: item.objective, shadowPrice: item.shadowPrice.map(Self.rounded),
                  shadowLateness: item.shadowLateness.map(Self.rounded), status: item.status?.rawValue)
        }
    }
}
