import PlanModel

/// Why a plan is infeasible, as relaxations that would make it feasible: for each kind of rule
/// that can give (capacities, hard deadlines, the horizon), the smallest relaxation of that kind
/// alone, when one exists; and the facts that contradict a rule whatever is relaxed.
///
/// Each alternative on its own makes the plan feasible: applied to the scenario (a capacity
/// change per run of months, a later target year, a later `horizon_end`), `plan` finds a
/// schedule. A test applies them and plans again.
public struct ConflictExplanation: Sendable, Hashable {
    /// One way out: relaxations of one kind that together make the plan feasible.
    public struct Alternative: Sendable, Hashable {
        /// What is relaxed.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// More capacity for some units or shared resources in some months.
            case capacity
            /// Later hard deadlines for some standards.
            case deadlines
            /// A later `horizon_end`.
            case horizon
        }

        /// What is relaxed.
        public var kind: Kind
        /// More capacity, per unit or resource and run of months (``Kind/capacity``).
        public var capacities: [CapacityShortfall] = []
        /// Later deadlines (``Kind/deadlines``).
        public var deadlines: [DeadlineShortfall] = []
        /// Months the horizon must move (``Kind/horizon``), and the new `horizon_end`.
        public var horizonMonths: Int?
        /// See ``horizonMonths``.
        public var horizonEnd: Month?
        /// The total relaxed: capacity unit-months, deadline months or horizon months.
        public var amount: Int
        /// True when GLPK proved that no smaller relaxation of this kind exists; false when its
        /// search was cut short (the relaxation still works, but may be larger than needed).
        public var proven: Bool
    }

    /// The ways out, in the order capacity, deadlines, horizon; empty when no relaxation of one
    /// kind suffices alone.
    public var alternatives: [Alternative]
    /// Facts that contradict a rule whatever else is relaxed (work in progress that alone
    /// overloads a unit, or that cannot meet its hard deadline).
    public var facts: [String]
    /// What could not be explained, e.g. because the model was too large to solve in time.
    public var note: String?

    /// Creates an explanation.
    public init(alternatives: [Alternative], facts: [String] = [], note: String? = nil) {
        self.alternatives = alternatives
        self.facts = facts
        self.note = note
    }

    /// The explanation in sentences, one per relaxation, for reports.
    public var lines: [String] {
        var out: [String] = facts.map { "fact: \($0)" }
        let several = alternatives.count > 1
        if several { out.append("any one of these makes the plan feasible:") }
        for (index, alternative) in alternatives.enumerated() {
            let prefix = several ? "(\(index + 1)) " : ""
            let qualifier = alternative.proven ? "" : " (a relaxation that works; the search for a smaller one was cut short)"
            switch alternative.kind {
            case .capacity:
                out.append(prefix + "more capacity, \(alternative.amount) unit-month\(alternative.amount == 1 ? "" : "s") in all\(qualifier):")
                out += alternative.capacities.map { "  " + $0.sentence }
            case .deadlines:
                out.append(prefix + "later hard deadlines, \(alternative.amount) month\(alternative.amount == 1 ? "" : "s") in all\(qualifier):")
                out += alternative.deadlines.map { "  " + $0.sentence }
            case .horizon:
                if let months = alternative.horizonMonths, let end = alternative.horizonEnd {
                    out.append(prefix + "a later horizon: horizon_end must move \(months) month\(months == 1 ? "" : "s") later, to \(end)\(qualifier)")
                }
            }
        }
        if let note { out.append(note) }
        return out
    }
}

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

/// A hard deadline that must move.
public struct DeadlineShortfall: Sendable, Hashable {
    /// The standard.
    public var standard: StandardID
    /// Its name.
    public var name: String
    /// The deadline now (December of its target year).
    public var deadline: Month
    /// Months it must move.
    public var months: Int

    /// "the hard deadline of x (name), 2023-12, must move 7 months, to 2024-07 (or drop hard_deadline)".
    public var sentence: String {
        "the hard deadline of \(standard) (\(name)), \(deadline), must move \(months) month\(months == 1 ? "" : "s"), to \(deadline + months) "
            + "(a later target_year, or no hard_deadline)"
    }
}
