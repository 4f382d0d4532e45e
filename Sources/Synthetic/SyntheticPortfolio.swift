import PlanModel

/// A generated portfolio, the default life cycle its standards vary, and the schedule the
/// generator calibrated it with.
public struct SyntheticPortfolio: Hashable, Sendable {
    /// The portfolio to plan.
    public var portfolio: Portfolio
    /// The default life cycle (each standard overrides some of its durations).
    public var lifeCycle: [Phase]
    /// A feasible schedule found by a simple serial schedule generator (urgent work first, with
    /// noise). Target years were drawn around its publication months, the horizon ends at
    /// least a year after its last publication, and its objective bounds the optimum from above.
    public var reference: Schedule
    /// The options it was generated from.
    public var options: GeneratorOptions

    /// Creates a generated portfolio.
    public init(portfolio: Portfolio, lifeCycle: [Phase], reference: Schedule, options: GeneratorOptions) {
        self.portfolio = portfolio
        self.lifeCycle = lifeCycle
        self.reference = reference
        self.options = options
    }

    /// Urgency-weighted months late of the reference schedule: the optimum's first level is at
    /// most this.
    public var referenceWeightedMonthsLate: Int {
        zip(portfolio.standards, reference.standards).reduce(0) { total, pair in
            let (standard, entry) = pair
            guard !standard.isPublished, let deadline = standard.deadline else { return total }
            return total + portfolio.weights.weight(urgency: standard.urgency) * max(0, entry.published - deadline)
        }
    }

    /// Open standards with a target year that the reference schedule publishes by its end.
    public var referenceOnTime: Int {
        zip(portfolio.standards, reference.standards).filter { standard, entry in
            guard !standard.isPublished, let deadline = standard.deadline else { return false }
            return entry.published <= deadline
        }.count
    }

    /// A summary for the file's header and the command's message.
    public var summary: [String] {
        let standards = portfolio.standards
        let published = standards.filter(\.isPublished).count
        let inProgress = standards.filter { if case .inProgress = $0.status { true } else { false } }.count
        let open = standards.count - published
        let candidates = standards.filter { !$0.isPublished }.map(\.leadUnits.count).reduce(0, +)
        let last = reference.standards.map(\.published).max() ?? portfolio.planStart
        func fixed(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        }
        return [
            "\(standards.count) standards (\(published) published, \(inProgress) in progress, \(open - inProgress) planned), "
                + "\(portfolio.units.count) lead units, \(portfolio.resources.count) review bod\(portfolio.resources.count == 1 ? "y" : "ies")",
            "\(portfolio.dependencies.count) dependencies (\(fixed(Double(portfolio.dependencies.count) / Double(max(1, standards.count)))) per standard), "
                + "\(fixed(Double(candidates) / Double(max(1, open)))) candidate lead units per open standard",
            "reference schedule (serial, urgent first): \(referenceOnTime)/\(open) on time, "
                + "\(referenceWeightedMonthsLate) urgency-weighted months late, last publication \(last)",
        ]
    }
}
