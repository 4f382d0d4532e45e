import PlanModel
import Scheduling

/// The JSON form of ``ConflictExplanation`` in a plan document (`conflict`, present only when
/// the plan is infeasible), documented in docs/json-output.md.
public struct ConflictDocument: Codable, Sendable, Equatable {
    /// One way out (see ``ConflictExplanation/Alternative``).
    public struct Alternative: Codable, Sendable, Equatable {
        /// capacity, deadlines or horizon.
        public var kind: String
        /// Capacity unit-months, deadline months or horizon months in all.
        public var amount: Int
        /// True when no smaller relaxation of this kind exists (proven by GLPK).
        public var proven: Bool
        /// More capacity per unit or resource and run of months.
        public var capacities: [Capacity]
        /// Hard deadlines to move.
        public var deadlines: [Deadline]
        /// Months the horizon must move, and the new horizon_end (null unless kind is horizon).
        public var horizonMonths: Int?
        /// See ``horizonMonths``.
        public var horizonEnd: String?

        enum CodingKeys: String, CodingKey {
            case kind, amount, proven, capacities, deadlines
            case horizonMonths = "horizon_months", horizonEnd = "horizon_end"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(amount, forKey: .amount)
            try c.encode(proven, forKey: .proven)
            try c.encode(capacities, forKey: .capacities)
            try c.encode(deadlines, forKey: .deadlines)
            try c.encode(horizonMonths, forKey: .horizonMonths)
            try c.encode(horizonEnd, forKey: .horizonEnd)
        }
    }

    /// More capacity for a unit or a shared resource in a run of months.
    public struct Capacity: Codable, Sendable, Equatable {
        /// The unit's id, or null for a resource.
        public var unit: String?
        /// The resource's id, or null for a unit.
        public var resource: String?
        /// Its name.
        public var name: String
        /// First and last month of the run, YYYY-MM, inclusive.
        public var from: String
        /// See ``from``.
        public var until: String
        /// The most it lacks in any month of the run.
        public var extra: Int
        /// Its capacity now (the largest in the run).
        public var present: Int
        /// A capacity that suffices in every month of the run.
        public var capacity: Int
        /// The work that loads it then: "standard phase".
        public var competing: [String]

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(unit, forKey: .unit)
            try c.encode(resource, forKey: .resource)
            try c.encode(name, forKey: .name)
            try c.encode(from, forKey: .from)
            try c.encode(until, forKey: .until)
            try c.encode(extra, forKey: .extra)
            try c.encode(present, forKey: .present)
            try c.encode(capacity, forKey: .capacity)
            try c.encode(competing, forKey: .competing)
        }
    }

    /// A hard deadline to move.
    public struct Deadline: Codable, Sendable, Equatable {
        /// The standard's id.
        public var standard: String
        /// Its deadline now, YYYY-MM (December of its target year).
        public var deadline: String
        /// Months it must move.
        public var months: Int
        /// The deadline that works, YYYY-MM.
        public var newDeadline: String

        enum CodingKeys: String, CodingKey {
            case standard, deadline, months
            case newDeadline = "new_deadline"
        }
    }

    /// The ways out, each enough on its own.
    public var alternatives: [Alternative]
    /// Facts that contradict a rule whatever is relaxed.
    public var facts: [String]
    /// What could not be explained, if anything.
    public var note: String?

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(facts, forKey: .facts)
        try c.encode(note, forKey: .note)
    }

    /// The document of `conflict`.
    public init(_ conflict: ConflictExplanation) {
        alternatives = conflict.alternatives.map { alternative in
            Alternative(
                kind: alternative.kind.rawValue, amount: alternative.amount, proven: alternative.proven,
                capacities: alternative.capacities.map { shortfall in
                    var unit: String?, resource: String?
                    switch shortfall.holder {
                    case .unit(let id): unit = id.rawValue
                    case .resource(let id): resource = id.rawValue
                    }
                    return Capacity(unit: unit, resource: resource, name: shortfall.name, from: shortfall.from.description,
                                    until: shortfall.until.description, extra: shortfall.extra, present: shortfall.present,
                                    capacity: shortfall.capacity, competing: shortfall.competing)
                },
                deadlines: alternative.deadlines.map {
                    Deadline(standard: $0.standard.rawValue, deadline: $0.deadline.description, months: $0.months,
                             newDeadline: ($0.deadline + $0.months).description)
                },
                horizonMonths: alternative.horizonMonths, horizonEnd: alternative.horizonEnd?.description)
        }
        facts = conflict.facts
        note = conflict.note
    }
}
