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
